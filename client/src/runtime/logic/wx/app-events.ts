// The program coming to the foreground and going to the background: App.onShow / App.onHide with the listeners of
// wx.onAppShow / wx.onAppHide, and the enter options wx.getEnterOptionsSync gives (the launch's, then each return's).
import type { Data, LaunchOptions } from '../../bridge/messages';
import { toTransferable } from '../data-path';
import { guard } from '../errors';
import { callApp } from '../framework/definitions';

type Listener = (result?: Data) => void;

const shown: Listener[] = [];
const hidden: Listener[] = [];
let enter: LaunchOptions | undefined;

function listen(listeners: Listener[]): (listener: unknown) => void {
  return (listener) => {
    if (typeof listener === 'function') {
      listeners.push(listener as Listener);
    }
  };
}

function unlisten(listeners: Listener[]): (listener?: unknown) => void {
  return (listener) => {
    if (typeof listener !== 'function') {
      listeners.length = 0;
      return;
    }
    const index = listeners.indexOf(listener as Listener);
    if (index >= 0) {
      listeners.splice(index, 1);
    }
  };
}

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
  for (const listener of [...shown]) {
    guard(() => listener(toTransferable(options) as Data));
  }
}

/** The program went to the background. */
export function appHidden(): void {
  callApp('onHide');
  for (const listener of [...hidden]) {
    guard(() => listener());
  }
}
