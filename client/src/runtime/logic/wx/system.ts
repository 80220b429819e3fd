// Device and launch information: getSystemInfo(Sync), getWindowInfo, getMenuButtonBoundingClientRect, getLaunchOptionsSync.
// The program's screen is the area Capsule shows it in (its navigation bar included), with no status bar over it: the
// safe area is that whole screen, in the screen's coordinates as WeChat gives it.
import type { Data, LaunchOptions, SystemInfo } from '../../bridge/messages';
import { toTransferable } from '../data-path';
import { asyncApi } from './callback-style';

export const BASE_LIBRARY_VERSION = '3.9.0';

/** The window of a page: the whole screen when it draws its own navigation bar, the screen less the host's bar otherwise. */
export function windowHeight(system: SystemInfo, customNavigation: boolean): number {
  return customNavigation ? system.screenHeight : system.screenHeight - system.navigationBarHeight;
}

/** `customNavigation` tells whether the page shown (the app's window before the first) has `navigationStyle: custom`. */
export function systemApis(system: SystemInfo, launch: LaunchOptions, customNavigation: () => boolean): Data {
  const windowInfo = (): Data => ({
    windowWidth: system.screenWidth,
    windowHeight: windowHeight(system, customNavigation()),
    screenWidth: system.screenWidth,
    screenHeight: system.screenHeight,
    pixelRatio: system.pixelRatio,
    statusBarHeight: 0,
    safeArea: { left: 0, right: system.screenWidth, top: 0, bottom: system.screenHeight, width: system.screenWidth, height: system.screenHeight },
    screenTop: system.screenHeight - windowHeight(system, customNavigation()),
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
    getMenuButtonBoundingClientRect: (): Data => ({ ...system.menuButton }),
    getDeviceInfo: () => ({ brand: 'Capsule', model: 'Capsule', system: 'Web', platform: 'capsule', benchmarkLevel: 1 }),
    getAppBaseInfo: () => ({ SDKVersion: BASE_LIBRARY_VERSION, language: system.language, version: '8.0.0', theme: system.theme, enableDebug: false }),
    getLaunchOptionsSync: options,
  };
}
