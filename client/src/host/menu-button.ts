// The capsule button (WeChat's ··· and ⊙ at the top right of every page, over a custom navigation bar too): its size
// and place, the same in the shell and the simulator, and the rect wx.getMenuButtonBoundingClientRect answers with.
import type { ClientRect } from '../runtime/bridge/messages';
import './menu-button.css';

const WIDTH = 87;
const HEIGHT = 32;
/** From the right edge of the program's area. */
const RIGHT_MARGIN = 7;

/** Where the button is in the program's area (the page's coordinates when the page takes it all, as a custom one does). */
export function menuButtonRect(areaWidth: number, navigationBarHeight: number): ClientRect {
  const top = (navigationBarHeight - HEIGHT) / 2;
  const right = areaWidth - RIGHT_MARGIN;
  return { width: WIDTH, height: HEIGHT, top, right, bottom: top + HEIGHT, left: right - WIDTH };
}

/** Puts the button where menuButtonRect says it is, in a navigation bar as wide as the area and that high. */
export function placeMenuButton(button: HTMLElement, navigationBarHeight: number): void {
  const { top } = menuButtonRect(0, navigationBarHeight);
  Object.assign(button.style, { position: 'absolute', boxSizing: 'border-box', top: `${top}px`, right: `${RIGHT_MARGIN}px`, width: `${WIDTH}px`, height: `${HEIGHT}px` });
}
