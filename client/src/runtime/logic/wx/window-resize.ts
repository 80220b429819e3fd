// wx.onWindowResize / wx.offWindowResize, and what a change of the container's size means to the logic layer: the
// system information follows it and the listeners hear of it (the page's onResize is the navigator's part).
import type { Data, SystemInfo } from '../../bridge/messages';
import { guard } from '../errors';

type Listener = (result: Data) => void;

const listeners: Listener[] = [];

export function windowResizeApis(): Data {
  return {
    onWindowResize: (listener: unknown) => {
      if (typeof listener === 'function') {
        listeners.push(listener as Listener);
      }
    },
    offWindowResize: (listener?: unknown) => {
      if (typeof listener !== 'function') {
        listeners.length = 0;
        return;
      }
      const index = listeners.indexOf(listener as Listener);
      if (index >= 0) {
        listeners.splice(index, 1);
      }
    },
  };
}

/** The window's new size: kept in the system information and told to the listeners. Returns what onResize gets. */
export function windowResized(system: SystemInfo, windowWidth: number, windowHeight: number): Data {
  system.windowWidth = windowWidth;
  system.windowHeight = windowHeight;
  const result = { deviceOrientation: windowWidth > windowHeight ? 'landscape' : 'portrait', size: { windowWidth, windowHeight } };
  for (const listener of [...listeners]) {
    guard(() => listener({ ...result, size: { ...result.size } }));
  }
  return result;
}
