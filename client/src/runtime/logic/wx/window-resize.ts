// wx.onWindowResize / wx.offWindowResize, and what a change of the container's size means to the logic layer: the
// system information follows it and the listeners hear of it (the page's onResize is the navigator's part).
import type { Data, SystemInfo } from '../../bridge/messages';
import { listen, notify, unlisten, type Listener } from './listeners';
import { windowHeight } from './system';

const listeners: Listener[] = [];

export function windowResizeApis(): Data {
  return { onWindowResize: listen(listeners), offWindowResize: unlisten(listeners) };
}

/**
 * The program's area has a new size: kept in the system information and told to the listeners, with the window of
 * the page shown (`customNavigation`: it draws its own navigation bar). Returns what onResize gets.
 */
export function windowResized(system: SystemInfo, screenWidth: number, screenHeight: number, customNavigation: boolean): Data {
  // The capsule button keeps its distance from the right edge.
  const wider = screenWidth - system.screenWidth;
  system.menuButton = { ...system.menuButton, left: system.menuButton.left + wider, right: system.menuButton.right + wider };
  system.screenWidth = screenWidth;
  system.screenHeight = screenHeight;
  const windowWidth = screenWidth;
  const height = windowHeight(system, customNavigation);
  const result = (): Data => ({ deviceOrientation: windowWidth > height ? 'landscape' : 'portrait', size: { windowWidth, windowHeight: height } });
  notify(listeners, result);
  return result();
}
