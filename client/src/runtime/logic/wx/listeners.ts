// The on/off pair WeChat gives for a program-wide event (wx.onWindowResize, wx.onAppShow, …): on adds a listener, off
// removes the one given, or every one when given none; each listener hears the event in turn, its errors reported.
import type { Data } from '../../bridge/messages';
import { guard } from '../errors';

export type Listener = (result?: Data) => void;

export function listen(listeners: Listener[]): (listener: unknown) => void {
  return (listener) => {
    if (typeof listener === 'function') {
      listeners.push(listener as Listener);
    }
  };
}

export function unlisten(listeners: Listener[]): (listener?: unknown) => void {
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

/** Tells each listener (a copy of the result each, as they may change it). */
export function notify(listeners: Listener[], result?: () => Data): void {
  for (const listener of [...listeners]) {
    guard(() => listener(result?.()));
  }
}
