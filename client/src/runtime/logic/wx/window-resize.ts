// wx.onWindowResize / wx.offWindowResize, and what a change of the container's size means to the logic layer: the
// system information follows it and the listeners hear of it (the page's onResize is the navigator's part).
import type { Data, SystemInfo } from '../../bridge/messages';
import { listen, notify, unlisten, type Listener } from './listeners';

const listeners: Listener[] = [];

export function windowResizeApis(): Data {
  return { onWindowResize: listen(listeners), offWindowResize: unlisten(listeners) };
}

/** The window's new size: kept in the system information and told to the listeners. Returns what onResize gets. */
export function windowResized(system: SystemInfo, windowWidth: number, windowHeight: number): Data {
  system.windowWidth = windowWidth;
  system.windowHeight = windowHeight;
  const result = (): Data => ({ deviceOrientation: windowWidth > windowHeight ? 'landscape' : 'portrait', size: { windowWidth, windowHeight } });
  notify(listeners, result);
  return result();
}
