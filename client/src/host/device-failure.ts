// A host API refused or failed with WeChat's own errMsg ("getLocation:fail auth deny"), passed to the program as it is.
export class DeviceFailure extends Error {}
