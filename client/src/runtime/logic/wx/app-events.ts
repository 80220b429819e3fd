// The program coming to the foreground and going to the background: App.onShow / App.onHide with the listeners of
// wx.onAppShow / wx.onAppHide, and the enter options wx.getEnterOptionsSync gives (the launch's, then each return's).
import type { Data, LaunchOptions } from '../../bridge/messages';
import { toTransferable } from '../data-path';
import { callApp } from '../framework/definitions';
import { listen, notify, unlisten, type Listener } from './listeners';

const shown: Listener[] = [];
const hidden: Listener[] = [];
let enter: LaunchOptions | undefined;

export function appEventApis(): Data {
  return {
    onAppShow: listen(shown),
    offAppShow: unlisten(shown),
    onAppHide: listen(hidden),
    offAppHide: unlisten(hidden),
    getEnterOptionsSync: () => toTransferable(enter ?? {}) as Data,
  };
}

/** The program is shown (launched, or back from the background) as `options` say. */
export function appShown(options: LaunchOptions): void {
  enter = options;
  callApp('onShow', toTransferable(options));
  notify(shown, () => toTransferable(options) as Data);
}

/** The program went to the background. */
export function appHidden(): void {
  callApp('onHide');
  notify(hidden);
}
