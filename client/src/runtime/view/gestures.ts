// Turns the browser's input on a page into WeChat's touch events: tap (a click), longpress and longtap
// (held 350 ms without moving), and touchstart/touchmove/touchend/touchcancel from touch or mouse. As with real
// touches, a mouse's touchmove and touchend go to the element where the press began.
import type { Data } from '../bridge/messages';
import { pathOf, type WxEventInit } from './events';

export type Raise = (path: HTMLElement[], init: WxEventInit) => void;

const LONGPRESS_MS = 350;
const MOVE_TOLERANCE = 10;

function touchList(points: { identifier: number; pageX: number; pageY: number; clientX: number; clientY: number }[]): Data[] {
  return points.map((p) => ({ identifier: p.identifier, pageX: p.pageX, pageY: p.pageY, clientX: p.clientX, clientY: p.clientY }));
}

function bubbling(type: string, detail: unknown, touches?: Data[], changed?: Data[]): WxEventInit {
  const init: WxEventInit = { type, detail, bubbles: true, composed: true, capturePhase: true };
  if (touches) {
    init.touches = touches;
    init.changedTouches = changed ?? touches;
  }
  return init;
}

/** Listens on a page's element; `disabled` says whether a click should be ignored (a disabled button). */
export function listen(page: HTMLElement, raise: Raise, disabled: (path: HTMLElement[]) => boolean): void {
  let press: { x: number; y: number; timer: number; fired: boolean; path: HTMLElement[] } | undefined;
  let suppressTap = false;
  let mousePath: HTMLElement[] | undefined;

  page.addEventListener('click', (event) => {
    const path = pathOf(event);
    if (suppressTap || disabled(path)) {
      suppressTap = false;
      return;
    }
    raise(path, bubbling('tap', { x: event.pageX, y: event.pageY }, touchList([{ identifier: 0, pageX: event.pageX, pageY: event.pageY, clientX: event.clientX, clientY: event.clientY }])));
  });

  page.addEventListener('pointerdown', (event) => {
    const path = pathOf(event);
    const point = { identifier: event.pointerId, pageX: event.pageX, pageY: event.pageY, clientX: event.clientX, clientY: event.clientY };
    if (event.pointerType === 'mouse') {
      mousePath = path;
      raise(path, bubbling('touchstart', {}, touchList([point])));
    }
    window.clearTimeout(press?.timer);
    press = {
      x: event.clientX,
      y: event.clientY,
      fired: false,
      path,
      timer: window.setTimeout(() => {
        if (press) {
          press.fired = true;
          raise(press.path, bubbling('longpress', { x: point.pageX, y: point.pageY }, touchList([point])));
          raise(press.path, bubbling('longtap', { x: point.pageX, y: point.pageY }, touchList([point])));
        }
      }, LONGPRESS_MS),
    };
  });

  page.addEventListener('pointermove', (event) => {
    if (press && Math.hypot(event.clientX - press.x, event.clientY - press.y) > MOVE_TOLERANCE) {
      window.clearTimeout(press.timer);
    }
    if (event.pointerType === 'mouse' && event.buttons === 1) {
      const point = { identifier: event.pointerId, pageX: event.pageX, pageY: event.pageY, clientX: event.clientX, clientY: event.clientY };
      raise(mousePath ?? pathOf(event), bubbling('touchmove', {}, touchList([point])));
    }
  });

  const end = (event: PointerEvent, type: 'touchend' | 'touchcancel') => {
    if (press) {
      window.clearTimeout(press.timer);
      suppressTap = press.fired;
      press = undefined;
    }
    if (event.pointerType === 'mouse') {
      const point = { identifier: event.pointerId, pageX: event.pageX, pageY: event.pageY, clientX: event.clientX, clientY: event.clientY };
      raise(mousePath ?? pathOf(event), bubbling(type, {}, [], touchList([point])));
      mousePath = undefined;
    }
  };
  page.addEventListener('pointerup', (event) => end(event, 'touchend'));
  page.addEventListener('pointercancel', (event) => end(event, 'touchcancel'));

  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel'] as const) {
    page.addEventListener(
      type,
      (event: TouchEvent) => raise(pathOf(event), bubbling(type, {}, touchList(Array.from(event.touches)), touchList(Array.from(event.changedTouches)))),
      { passive: true },
    );
  }
}
