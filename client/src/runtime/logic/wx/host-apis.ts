// APIs answered outside the Worker: the container draws toasts, modals and action sheets and runs the
// tab bar and page scrolling; the host (shell or simulator) owns the navigation bar, the clipboard, the scanner,
// the user's answers to permission requests (wx.authorize, getSetting, openSetting) and device UI of its own
// (photo and video choosers, the image viewer, location, saving files), of which the program only gets the result.
import type { Data } from '../../bridge/messages';
import { request } from '../channel';
import { toTransferable } from '../data-path';
import { ApiFailure, asyncApi } from './callback-style';

/** The APIs forwarded as they are, by name. */
export const HOST_API_NAMES = [
  'showToast',
  'hideToast',
  'showLoading',
  'hideLoading',
  'showModal',
  'showActionSheet',
  'setNavigationBarTitle',
  'setNavigationBarColor',
  'showNavigationBarLoading',
  'hideNavigationBarLoading',
  'setTabBarBadge',
  'removeTabBarBadge',
  'showTabBarRedDot',
  'hideTabBarRedDot',
  'setTabBarStyle',
  'setTabBarItem',
  'showTabBar',
  'hideTabBar',
  'pageScrollTo',
  'startPullDownRefresh',
  'stopPullDownRefresh',
  'setClipboardData',
  'getClipboardData',
  'vibrateShort',
  'vibrateLong',
  'setBackgroundColor',
  'showShareMenu',
  'hideShareMenu',
  'getShareInfo',
  'login',
  'checkSession',
  'getUserProfile',
  'requestPayment',
  'scanCode',
  'authorize',
  'getSetting',
  'openSetting',
  // The host's own UI: photo and video choosers, the image viewer, location and saving to the device.
  'chooseImage',
  'chooseMedia',
  'previewImage',
  'getLocation',
  'saveImageToPhotosAlbum',
  'saveVideoToPhotosAlbum',
  'makePhoneCall',
  'setKeepScreenOn',
  'getImageInfo',
] as const;

function withoutCallbacks(options: Data): Data {
  const args: Data = {};
  for (const [key, value] of Object.entries(options)) {
    if (typeof value !== 'function') {
      args[key] = value;
    }
  }
  return args;
}

export function hostApis(): Data {
  const apis: Data = {};
  for (const name of HOST_API_NAMES) {
    apis[name] = asyncApi(name, async (options) => {
      const answer = await request(name, toTransferable(withoutCallbacks(options)) as Data);
      if (!answer.ok) {
        throw new ApiFailure(answer.errMsg ?? 'failed');
      }
      return (answer.result as Data | undefined) ?? {};
    });
  }
  return apis;
}
