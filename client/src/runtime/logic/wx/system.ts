// Device and launch information: getSystemInfo(Sync), getWindowInfo, getLaunchOptionsSync.
import type { Data, LaunchOptions, SystemInfo } from '../../bridge/messages';
import { toTransferable } from '../data-path';
import { asyncApi } from './callback-style';

export const BASE_LIBRARY_VERSION = '3.9.0';

export function systemApis(system: SystemInfo, launch: LaunchOptions): Data {
  const windowInfo = (): Data => ({
    windowWidth: system.windowWidth,
    windowHeight: system.windowHeight,
    screenWidth: system.screenWidth,
    screenHeight: system.screenHeight,
    pixelRatio: system.pixelRatio,
    statusBarHeight: 0,
    safeArea: { left: 0, right: system.windowWidth, top: 0, bottom: system.windowHeight, width: system.windowWidth, height: system.windowHeight },
    screenTop: 0,
  });
  const systemInfo = (): Data => ({
    ...windowInfo(),
    brand: 'Capsule',
    model: 'Capsule',
    system: 'Web',
    platform: 'capsule',
    version: '8.0.0',
    SDKVersion: BASE_LIBRARY_VERSION,
    language: system.language,
    theme: system.theme,
    fontSizeSetting: 16,
    enableDebug: false,
    benchmarkLevel: 1,
  });
  const options = (): Data => toTransferable(launch) as Data;
  return {
    getSystemInfoSync: systemInfo,
    getSystemInfo: asyncApi('getSystemInfo', systemInfo),
    getSystemInfoAsync: asyncApi('getSystemInfoAsync', systemInfo),
    getWindowInfo: windowInfo,
    getDeviceInfo: () => ({ brand: 'Capsule', model: 'Capsule', system: 'Web', platform: 'capsule', benchmarkLevel: 1 }),
    getAppBaseInfo: () => ({ SDKVersion: BASE_LIBRARY_VERSION, language: system.language, version: '8.0.0', theme: system.theme, enableDebug: false }),
    getLaunchOptionsSync: options,
  };
}
