// Turns the browser's input on a page into WeChat's touch events: tap (a click), longpress and longtap
// (held 350 ms without moving), and touchstart/touchmove/touchend/touchcancel from touch or mouse.
// Built-ins that follow a finger (movable-view) track a drag the same way: the mouse's left button is a
// finger, so the simulator drags with the mouse what a phone drags by touch.
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

/** Elements where touchmove stops bubbling for the drag under way (a movable-view whose htouchmove is caught). */
const catchingTouchMoves = new Set<HTMLElement>();

/** Makes touchmove stop at `element` (as a catch binding would) until the drag ends, or stops doing so. */
export function catchTouchMoves(element: HTMLElement, on: boolean): void {
  if (on) {
    catchingTouchMoves.add(element);
  } else {
    catchingTouchMoves.delete(element);
  }
}

function touchMove(path: HTMLElement[], touches: Data[], changed?: Data[]): WxEventInit {
  const init = bubbling('touchmove', {}, touches, changed);
  const caught = path.find((element) => catchingTouchMoves.has(element));
  if (caught) {
    init.stopAt = caught;
  }
  return init;
}

/** Listens on a page's element; `disabled` says whether a click should be ignored (a disabled button). */
export function listen(page: HTMLElement, raise: Raise, disabled: (path: HTMLElement[]) => boolean): void {
  let press: { x: number; y: number; timer: number; fired: boolean; moved: boolean; path: HTMLElement[] } | undefined;
  let suppressTap = false;

  page.addEventListener('click', (event) => {
    const path = pathOf(event);
    // Only the browser's own click that ends a press is suppressed, never one from script or the keyboard.
    const suppressed = suppressTap && event.isTrusted && event.detail > 0;
    suppressTap = false;
    if (suppressed || disabled(path)) {
      return;
    }
    raise(path, bubbling('tap', { x: event.pageX, y: event.pageY }, touchList([{ identifier: 0, pageX: event.pageX, pageY: event.pageY, clientX: event.clientX, clientY: event.clientY }])));
  });

  page.addEventListener('pointerdown', (event) => {
    const path = pathOf(event);
    const point = { identifier: event.pointerId, pageX: event.pageX, pageY: event.pageY, clientX: event.clientX, clientY: event.clientY };
    if (event.pointerType === 'mouse') {
      raise(path, bubbling('touchstart', {}, touchList([point])));
    }
    window.clearTimeout(press?.timer);
    suppressTap = false;
    press = {
      x: event.clientX,
      y: event.clientY,
      fired: false,
      moved: false,
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
      press.moved = true;
    }
    if (event.pointerType === 'mouse' && event.buttons === 1) {
      const point = { identifier: event.pointerId, pageX: event.pageX, pageY: event.pageY, clientX: event.clientX, clientY: event.clientY };
      const path = pathOf(event);
      raise(path, touchMove(path, touchList([point])));
    }
  });

  const end = (event: PointerEvent, type: 'touchend' | 'touchcancel') => {
    if (press) {
      window.clearTimeout(press.timer);
      // A press that moved is a drag, not a tap (the browser still clicks after a mouse drag).
      suppressTap = press.fired || press.moved;
      press = undefined;
    }
    if (event.pointerType === 'mouse') {
      const point = { identifier: event.pointerId, pageX: event.pageX, pageY: event.pageY, clientX: event.clientX, clientY: event.clientY };
      raise(pathOf(event), bubbling(type, {}, [], touchList([point])));
    }
  };
  page.addEventListener('pointerup', (event) => end(event, 'touchend'));
  page.addEventListener('pointercancel', (event) => end(event, 'touchcancel'));

  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel'] as const) {
    page.addEventListener(
      type,
      (event: TouchEvent) => {
        const path = pathOf(event);
        const touches = touchList(Array.from(event.touches));
        const changed = touchList(Array.from(event.changedTouches));
        raise(path, type === 'touchmove' ? touchMove(path, touches, changed) : bubbling(type, {}, touches, changed));
      },
      { passive: true },
    );
  }
}

/** Where a tracked finger (or the mouse) is, and when. */
export interface DragPoint {
  clientX: number;
  clientY: number;
  timeStamp: number;
  /** The point as WeChat's touch events list it. */
  touch: Data;
}

export interface Drag {
  /** A finger went down on the element; false ignores this drag. */
  start(point: DragPoint): boolean;
  /** The finger moved; `event` may be prevented to keep the page from scrolling. */
  move(point: DragPoint, event: Event): void;
  /** The finger lifted, was cancelled, or a second finger came down. */
  end(point: DragPoint): void;
}

function dragPoint(p: { identifier: number; pageX: number; pageY: number; clientX: number; clientY: number }, timeStamp: number): DragPoint {
  const [touch] = touchList([p]);
  return { clientX: p.clientX, clientY: p.clientY, timeStamp, touch: touch ?? {} };
}

function mousePoint(event: PointerEvent): DragPoint {
  return dragPoint({ identifier: event.pointerId, pageX: event.pageX, pageY: event.pageY, clientX: event.clientX, clientY: event.clientY }, event.timeStamp);
}

/** Follows one finger, or the mouse with its left button down, from the moment it presses on `element`. */
export function track(element: HTMLElement, drag: Drag): void {
  let finger: number | undefined;
  let last: DragPoint | undefined;
  const finish = () => {
    if (last) {
      const point = last;
      last = undefined;
      finger = undefined;
      drag.end(point);
    }
  };

  element.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'mouse' || event.button !== 0 || last) {
      return;
    }
    const point = mousePoint(event);
    if (drag.start(point)) {
      last = point;
      element.setPointerCapture(event.pointerId);
    }
  });
  element.addEventListener('pointermove', (event) => {
    if (event.pointerType === 'mouse' && last && finger === undefined) {
      last = mousePoint(event);
      drag.move(last, event);
    }
  });
  for (const type of ['pointerup', 'pointercancel'] as const) {
    element.addEventListener(type, (event) => {
      if (event.pointerType === 'mouse' && finger === undefined) {
        finish();
      }
    });
  }

  element.addEventListener(
    'touchstart',
    (event) => {
      const first = event.touches[0];
      if (event.touches.length > 1) {
        finish();
      } else if (first && !last) {
        const point = dragPoint(first, event.timeStamp);
        if (drag.start(point)) {
          last = point;
          finger = first.identifier;
        }
      }
    },
    { passive: true },
  );
  element.addEventListener(
    'touchmove',
    (event) => {
      const touch = Array.from(event.touches).find((t) => t.identifier === finger);
      if (touch && last && event.touches.length === 1) {
        last = dragPoint(touch, event.timeStamp);
        drag.move(last, event);
      }
    },
    { passive: false },
  );
  for (const type of ['touchend', 'touchcancel'] as const) {
    element.addEventListener(
      type,
      (event) => {
        if (finger !== undefined && Array.from(event.changedTouches).some((t) => t.identifier === finger)) {
          finish();
        }
      },
      { passive: true },
    );
  }
}

export interface Pinch {
  /** Two fingers came down (or a pinch of the trackpad began) over `target`; false ignores it. */
  start(target: EventTarget | null): boolean;
  /** The fingers are `ratio` times as far apart as when they came down. */
  change(ratio: number): void;
  end(): void;
}

function spread(touches: TouchList): number {
  const [a, b] = [touches[0], touches[1]];
  return a && b ? Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY) : 0;
}

/**
 * Follows two fingers pinching on `element`. In the simulator a trackpad pinch (or the mouse wheel with
 * Ctrl held, which is what the browser makes of a pinch) scales by the wheel's steps.
 */
export function pinch(element: HTMLElement, events: Pinch): void {
  let from = 0;
  let active = false;
  element.addEventListener(
    'touchstart',
    (event) => {
      if (event.touches.length === 2 && !active) {
        from = spread(event.touches);
        active = from > 0 && events.start(event.touches[0]?.target ?? null);
      }
    },
    { passive: true },
  );
  element.addEventListener(
    'touchmove',
    (event) => {
      if (active && event.touches.length >= 2) {
        if (event.cancelable) {
          event.preventDefault();
        }
        events.change(spread(event.touches) / from);
      }
    },
    { passive: false },
  );
  for (const type of ['touchend', 'touchcancel'] as const) {
    element.addEventListener(
      type,
      (event) => {
        if (active && event.touches.length < 2) {
          active = false;
          events.end();
        }
      },
      { passive: true },
    );
  }
  element.addEventListener(
    'wheel',
    (event) => {
      if (event.ctrlKey && !active && events.start(event.target)) {
        event.preventDefault();
        events.change(Math.exp(-event.deltaY / 100));
        events.end();
      }
    },
    { passive: false },
  );
}
