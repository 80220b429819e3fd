// One wheel of a picker: a column that scrolls by whole items and settles with an item under the
// indicator band. Touch scrolls natively with scroll snapping; a mouse drags it; the wheel scrolls it;
// tapping an item picks it. picker-view columns and the picker sheet's columns are wheels.

export interface WheelEvents {
  /** The user started moving the wheel. */
  start(): void;
  /** The wheel came to rest on another item than before. */
  settle(index: number): void;
  /** The wheel came to rest, whether or not the item changed. */
  end(): void;
}

const SETTLE_AFTER_MS = 150;

export class Wheel {
  private current = 0;
  private moving = false;
  private pressed = false;
  private timer = 0;

  /**
   * `scroller` scrolls vertically over its items, with room above and below so the first and last
   * item can reach the middle; `items` lists them in order.
   */
  constructor(
    private readonly scroller: HTMLElement,
    private readonly items: () => Element[],
    private readonly itemHeight: () => number,
    private readonly events: WheelEvents,
  ) {
    scroller.addEventListener('scroll', () => this.scrolled(), { passive: true });
    scroller.addEventListener('scrollend', () => this.rest());
    scroller.addEventListener('touchstart', () => this.press(), { passive: true });
    scroller.addEventListener('touchend', () => this.release(), { passive: true });
    scroller.addEventListener('wheel', () => this.begin(), { passive: true });
    scroller.addEventListener('pointerdown', (event) => this.pointerDown(event));
  }

  get index(): number {
    return this.current;
  }

  /** Shows the given item in the middle without raising events (the value was set from outside). */
  select(index: number): void {
    this.current = this.clamp(index);
    this.scroller.scrollTop = this.current * this.itemHeight();
  }

  private clamp(index: number): number {
    return Math.max(0, Math.min(this.items().length - 1, Math.round(index) || 0));
  }

  private begin(): void {
    if (!this.moving) {
      this.moving = true;
      this.events.start();
    }
  }

  private press(): void {
    this.pressed = true;
    this.begin();
  }

  private release(): void {
    this.pressed = false;
    this.schedule();
  }

  private scrolled(): void {
    if (this.moving) {
      this.schedule();
    }
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.rest(), SETTLE_AFTER_MS);
  }

  /** The wheel stopped: the item nearest the middle is the choice. */
  private rest(): void {
    if (!this.moving || this.pressed) {
      return;
    }
    window.clearTimeout(this.timer);
    this.moving = false;
    const index = this.clamp(this.scroller.scrollTop / this.itemHeight());
    if (Math.abs(this.scroller.scrollTop - index * this.itemHeight()) > 1) {
      this.scroller.scrollTop = index * this.itemHeight();
    }
    if (index !== this.current) {
      this.current = index;
      this.events.settle(index);
    }
    this.events.end();
  }

  /**
   * A mouse drags the wheel like a finger does; a press that does not move, by mouse or finger, taps
   * the item under it. (A finger's own drag is the browser's native scroll, which cancels the press.)
   */
  private pointerDown(event: PointerEvent): void {
    if (!event.isPrimary || event.button !== 0) {
      return;
    }
    const mouse = event.pointerType === 'mouse';
    const startY = event.clientY;
    const startTop = this.scroller.scrollTop;
    let moved = false;
    if (mouse) {
      this.scroller.setPointerCapture(event.pointerId);
    }
    const move = (e: PointerEvent) => {
      if (!moved && Math.abs(e.clientY - startY) > 4) {
        moved = true;
        if (mouse) {
          this.scroller.style.scrollSnapType = 'none';
          this.press();
        }
      }
      if (moved && mouse) {
        this.scroller.scrollTop = startTop - (e.clientY - startY);
      }
    };
    const finish = (e: PointerEvent) => {
      this.scroller.removeEventListener('pointermove', move);
      this.scroller.removeEventListener('pointerup', finish);
      this.scroller.removeEventListener('pointercancel', finish);
      this.scroller.style.scrollSnapType = '';
      if (moved && mouse) {
        this.release();
      } else if (!moved && e.type === 'pointerup') {
        this.tap(e.clientY);
      }
    };
    this.scroller.addEventListener('pointermove', move);
    this.scroller.addEventListener('pointerup', finish);
    this.scroller.addEventListener('pointercancel', finish);
  }

  private tap(clientY: number): void {
    const tapped = this.items().findIndex((item) => {
      const box = item.getBoundingClientRect();
      return clientY >= box.top && clientY < box.bottom;
    });
    if (tapped >= 0) {
      this.begin();
      this.pressed = false;
      this.scroller.scrollTop = tapped * this.itemHeight();
      this.rest();
    }
  }
}

/** CSS for a wheel's scroller: vertical snapping by items, no scrollbar, room to centre the ends. */
export const WHEEL_CSS = `.wheel{height:100%;overflow-y:scroll;scroll-snap-type:y mandatory;scrollbar-width:none;overscroll-behavior:contain;touch-action:pan-y;cursor:grab}
.wheel::-webkit-scrollbar{display:none}
.wheel-room{height:calc(50% - var(--item-height,34px) / 2)}`;

/**
 * CSS for what lies over a row of wheels: `shade` fades the items above and below the middle, `band` marks the
 * middle item, both as tall as one item (--item-height).
 */
export function wheelOverlayCss(shade: string, band: string): string {
  return `.${shade},.${band}{position:absolute;left:0;right:0;pointer-events:none}
.${shade}{top:0;bottom:0;background:linear-gradient(180deg,rgba(255,255,255,.95),rgba(255,255,255,.6)) top/100% calc(50% - var(--item-height) / 2) no-repeat,linear-gradient(0deg,rgba(255,255,255,.95),rgba(255,255,255,.6)) bottom/100% calc(50% - var(--item-height) / 2) no-repeat}
.${band}{top:50%;height:var(--item-height);transform:translateY(-50%);box-sizing:border-box;border-top:1px solid #e5e5e5;border-bottom:1px solid #e5e5e5}`;
}
