// The `wx` object a program's code sees. APIs Capsule offers are real; any other wx.* name answers
// "name:fail not supported" through its callbacks or promise (a Sync one returns undefined and warns),
// so a program written for WeChat keeps running.
import type { Data, LaunchOptions, NavigationMode, SystemInfo } from '../../bridge/messages';
import type { Navigator } from '../framework/navigation';
import { ApiFailure, asyncApi } from './callback-style';
import { partial } from './unsupported';
import { hostApis } from './host-apis';
import { networkApis } from './network';
import { socketApis } from './socket';
import { createSelectorQuery } from './selector-query';
import { createAnimation } from './animation';
import { canvasApis } from './canvas-context';
import { createOffscreenCanvas } from './canvas';
import { wxIntersectionObserver } from './intersection-observer';
import { storageApis } from './storage';
import { systemApis } from './system';
import { windowResizeApis } from './window-resize';
import { appEventApis } from './app-events';
import { userInfoApis } from './user-info';
import { networkStatusApis } from './network-status';
import { cloudApis } from './cloud';
import { appErrorApis } from './app-errors';
import { logManagerApis } from './log-managers';
import { audioApis } from './audio';
import { mediaContextApis } from './media-contexts';
import { fileSystemApis } from './file-system';

export interface WxContext {
  appId: string;
  system: SystemInfo;
  launch: LaunchOptions;
  navigator: () => Navigator;
}

function navigation(context: WxContext): Data {
  const apis: Data = {};
  for (const mode of ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'] as NavigationMode[]) {
    apis[mode] = asyncApi(mode, async (options) => {
      const result = await context.navigator().navigate(mode, String(options['url'] ?? ''), Number(options['delta'] ?? 1), options['events']);
      if (!result.ok) {
        throw new ApiFailure(result.errMsg);
      }
      return result.eventChannel ? { eventChannel: result.eventChannel } : {};
    });
  }
  return apis;
}

function base64(): Data {
  return {
    arrayBufferToBase64: (buffer: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buffer))),
    base64ToArrayBuffer: (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0)).buffer,
  };
}

function updateManager(): Data {
  return {
    getUpdateManager: () => ({
      onCheckForUpdate: (listener: (r: Data) => void) => setTimeout(() => listener({ hasUpdate: false }), 0),
      onUpdateReady: () => undefined,
      onUpdateFailed: () => undefined,
      applyUpdate: () => undefined,
    }),
  };
}

export function createWx(context: WxContext): Data {
  const implemented: Data = {
    ...storageApis,
    ...systemApis(context.system, context.launch, () => context.navigator().customNavigation()),
    ...windowResizeApis(),
    ...appEventApis(),
    ...appErrorApis(),
    ...logManagerApis(),
    ...audioApis(),
    ...mediaContextApis(() => context.navigator().current?.instance.id ?? 0),
    ...hostApis(),
    ...userInfoApis(),
    ...networkApis(),
    ...fileSystemApis(),
    ...networkStatusApis(),
    ...cloudApis(),
    ...socketApis(),
    ...navigation(context),
    ...base64(),
    ...updateManager(),
    ...canvasApis(() => context.navigator().current?.instance.id ?? 0),
    nextTick: (fn: () => void) => queueMicrotask(fn),
    createSelectorQuery: () => createSelectorQuery(() => context.navigator().current?.instance.id ?? 0),
    createIntersectionObserver: wxIntersectionObserver(() => context.navigator().current?.instance.id ?? 0),
    createAnimation,
    createOffscreenCanvas,
    getAccountInfoSync: () => ({ miniProgram: { appId: context.appId, envVersion: 'release', version: '' } }),
    env: { USER_DATA_PATH: 'wxfile://usr' },
    canIUse: (schema: string) => typeof schema === 'string' && Object.hasOwn(implemented, schema.split('.')[0] ?? ''),
  };
  return partial('', implemented);
}
