// <movable-area> and <movable-view>: a view dragged by a finger (or the mouse) inside its area, in the
// directions it allows, kept within the area unless out-of-bounds lets it stray while held (it springs
// back when released), sliding on after a flick with inertia, moved by x/y and scaled by a pinch or
// scale-value. It raises change {x, y, source}, scale {x, y, scale} and, on a drag's first move,
// htouchmove or vtouchmove; catching those catches the drag's touchmoves too.
import { catcherOf, pathFrom } from '../events';
import { catchTouchMoves, pinch, track, type DragPoint } from '../gestures';
import { attributesOf, flag, number, remember, text, type Attributes, type Builtin, type BuiltinContext } from './builtin';
import { Slide, Spring, type Box } from './movable-motion';

const AREA = 'wx-movable-area';
const VIEW = 'wx-movable-view';
const SCALE_LIMITS = { min: 0.1, max: 10 };

type Source = 'touch' | 'touch-out-of-bounds' | 'out-of-bounds' | 'friction' | '';

/** x and y are px by default; rpx is a 750th of the window's width. */
function pixels(value: unknown): number {
  const match = /^\s*(-?[\d.]+)\s*(rpx|px)?\s*$/i.exec(text(value));
  if (!match) {
    return 0;
  }
  const n = Number(match[1]) || 0;
  return match[2]?.toLowerCase() === 'rpx' ? (n * window.innerWidth) / 750 : n;
}

const tenth = (n: number) => Math.round(n * 10) / 10;

interface Sample {
  x: number;
  y: number;
  t: number;
}

class MovableView {
  /** The translation applied (its scale is about the centre) and the scale. */
  private x = 0;
  private y = 0;
  private scale = 1;
  private placed = false;
  private frame = 0;
  /** True while the view slides on or springs back after a drag: the gesture is not over yet. */
  private settling = false;
  private shown: { x: unknown; y: unknown; scale: unknown } = { x: undefined, y: undefined, scale: undefined };
  private drag: { from: DragPoint; x: number; y: number; samples: Sample[]; firstMove: boolean; caught: HTMLElement | undefined } | undefined;
  private pinchedFrom: number | undefined;

  constructor(
    private readonly element: HTMLElement,
    private readonly context: BuiltinContext,
  ) {
    element.style.transformOrigin = 'center';
    track(element, {
      start: (point) => this.press(point),
      move: (point, event) => this.follow(point, event),
      end: () => this.release(),
    });
  }

  private get attributes(): Attributes {
    return attributesOf(this.element);
  }

  private get area(): HTMLElement | undefined {
    const parent = this.element.parentElement;
    return parent?.localName === AREA ? parent : undefined;
  }

  private get movesX(): boolean {
    const direction = text(this.attributes['direction'], 'none');
    return direction === 'all' || direction === 'horizontal';
  }

  private get movesY(): boolean {
    const direction = text(this.attributes['direction'], 'none');
    return direction === 'all' || direction === 'vertical';
  }

  private get scalable(): boolean {
    return flag(this.attributes['scale']);
  }

  private get damping(): number {
    const damping = number(this.attributes['damping'], 20);
    return damping > 0 ? damping : 20;
  }

  private get friction(): number {
    const friction = number(this.attributes['friction'], 2);
    return friction > 0 ? friction : 2;
  }

  private limitScale(scale: number): number {
    const min = Math.max(SCALE_LIMITS.min, number(this.attributes['scaleMin'], SCALE_LIMITS.min));
    const max = Math.min(SCALE_LIMITS.max, number(this.attributes['scaleMax'], SCALE_LIMITS.max));
    return Math.min(max, Math.max(min, scale));
  }

  /** How far the view's scaled box reaches past its unscaled box on each side. */
  private grown(scale: number): { x: number; y: number } {
    return { x: ((scale - 1) * this.element.offsetWidth) / 2, y: ((scale - 1) * this.element.offsetHeight) / 2 };
  }

  /**
   * Where the translation may go at a scale: the scaled view stays inside the area, or, when it is
   * larger than the area, covers it (each axis on its own).
   */
  private box(scale: number): Box {
    const area = this.area;
    const grown = this.grown(scale);
    const left = this.element.offsetLeft;
    const top = this.element.offsetTop;
    const x1 = -left + grown.x;
    const x2 = (area?.clientWidth ?? 0) - this.element.offsetWidth - left - grown.x;
    const y1 = -top + grown.y;
    const y2 = (area?.clientHeight ?? 0) - this.element.offsetHeight - top - grown.y;
    return { minX: Math.min(x1, x2), maxX: Math.max(x1, x2), minY: Math.min(y1, y2), maxY: Math.max(y1, y2) };
  }

  private clamp(x: number, y: number, box: Box): { x: number; y: number; out: boolean } {
    const cx = Math.min(box.maxX, Math.max(box.minX, x));
    const cy = Math.min(box.maxY, Math.max(box.minY, y));
    return { x: cx, y: cy, out: cx !== x || cy !== y };
  }

  /** Moves and scales the view; reports change (unless `quiet`) and scale (when `scaleEvents`) if they changed. */
  private set(x: number, y: number, scale: number, source: Source, quiet: boolean, scaleEvents = false): void {
    const nx = tenth(x);
    const ny = tenth(y);
    const ns = Math.round(this.limitScale(scale) * 1000) / 1000;
    const moved = nx !== this.x || ny !== this.y;
    const scaled = ns !== this.scale;
    this.x = nx;
    this.y = ny;
    this.scale = ns;
    this.element.style.transform = `translateX(${nx}px) translateY(${ny}px) translateZ(0px) scale(${ns})`;
    if (moved && !quiet) {
      const grown = this.grown(ns);
      this.context.fire(this.element, 'change', { x: tenth(nx - grown.x), y: tenth(ny - grown.y), source });
    }
    if (scaled && scaleEvents) {
      this.context.fire(this.element, 'scale', { x: nx, y: ny, scale: ns });
    }
  }

  private stop(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.settling = false;
  }

  /** Runs `step` every frame with the seconds since the start until it says it is done. */
  private animate(step: (t: number) => boolean): void {
    this.stop();
    const started = performance.now();
    const tick = (now: number) => {
      if (!this.element.isConnected) {
        this.frame = 0;
        return;
      }
      if (step(Math.max(0, now - started) / 1000)) {
        this.frame = 0;
        this.settling = false;
      } else {
        this.frame = requestAnimationFrame(tick);
      }
    };
    this.frame = requestAnimationFrame(tick);
  }

  /** Goes to (x, y, scale) clamped to the area: with a spring, or at once when animation is false. */
  private moveTo(x: number, y: number, scale: number, source: Source, quiet: boolean, scaleEvents: boolean): void {
    const target = this.clamp(x, y, this.box(scale));
    if (!flag(this.attributes['animation'] ?? true)) {
      this.stop();
      this.set(target.x, target.y, scale, source, quiet, scaleEvents);
      return;
    }
    const damping = this.damping;
    const springs = [new Spring(target.x, this.x, 0, damping), new Spring(target.y, this.y, 0, damping), new Spring(scale, this.scale, 0, damping)] as const;
    this.animate((t) => {
      const done = springs.every((s) => s.done(t));
      const [sx, sy, ss] = springs.map((s) => (done ? s.end : s.position(t)));
      this.set(sx ?? target.x, sy ?? target.y, ss ?? scale, source, quiet, scaleEvents);
      return done;
    });
  }

  /** Lays the view out in its area: the first time where x, y and scale-value say, later where it was, clamped. */
  place(): void {
    // Not before the view is laid out (its area may still be hidden).
    if (!this.element.offsetParent || !this.area || this.drag) {
      return;
    }
    this.stop();
    const attributes = this.attributes;
    const scale = this.placed ? this.scale : this.scalable ? this.limitScale(number(attributes['scaleValue'], 1)) : 1;
    const grown = this.grown(scale);
    const x = this.placed ? this.x : pixels(attributes['x']) + grown.x;
    const y = this.placed ? this.y : pixels(attributes['y']) + grown.y;
    const at = this.clamp(x, y, this.box(scale));
    this.placed = true;
    this.shown = { x: attributes['x'], y: attributes['y'], scale: attributes['scaleValue'] };
    this.set(at.x, at.y, scale, '', true);
  }

  /** Follows new attributes: x or y moved by setData animate there, scale-value scales. */
  update(attributes: Attributes): void {
    const direction = text(attributes['direction'], 'none');
    const free = !flag(attributes['disabled']);
    this.element.style.touchAction = !free || direction === 'none' ? '' : direction === 'horizontal' ? 'pan-y' : direction === 'vertical' ? 'pan-x' : 'none';
    if (!this.placed) {
      queueMicrotask(() => this.placed || this.place());
      return;
    }
    const moved = attributes['x'] !== this.shown.x || attributes['y'] !== this.shown.y;
    const rescaled = attributes['scaleValue'] !== this.shown.scale;
    this.shown = { x: attributes['x'], y: attributes['y'], scale: attributes['scaleValue'] };
    // Until a drag is over, values the program writes back from change events would pull the view back
    // to where it was a moment ago; the gesture wins.
    if (this.drag || this.settling) {
      return;
    }
    if (rescaled && this.scalable) {
      this.rescale(this.limitScale(number(attributes['scaleValue'], 1)), true);
    } else if (moved) {
      const grown = this.grown(this.scale);
      const x = this.movesX ? pixels(attributes['x']) + grown.x : this.x;
      const y = this.movesY ? pixels(attributes['y']) + grown.y : this.y;
      if (x !== this.x || y !== this.y) {
        this.moveTo(x, y, this.scale, '', false, false);
      }
    } else if (this.scalable && this.limitScale(this.scale) !== this.scale) {
      this.rescale(this.limitScale(this.scale), false);
    }
  }

  private press(point: DragPoint): boolean {
    if (!this.area || flag(this.attributes['disabled']) || this.pinchedFrom !== undefined) {
      return false;
    }
    this.stop();
    this.drag = { from: point, x: this.x, y: this.y, samples: [], firstMove: true, caught: undefined };
    return true;
  }

  private follow(point: DragPoint, event: Event): void {
    const drag = this.drag;
    if (!drag) {
      return;
    }
    const dx = point.clientX - drag.from.clientX;
    const dy = point.clientY - drag.from.clientY;
    if (drag.firstMove && (dx !== 0 || dy !== 0)) {
      drag.firstMove = false;
      const type = Math.abs(dx) > Math.abs(dy) ? 'htouchmove' : 'vtouchmove';
      this.context.touch(this.element, type, [point.touch]);
      drag.caught = catcherOf(pathFrom(this.element), type);
      if (drag.caught) {
        catchTouchMoves(drag.caught, true);
      }
    }
    const movesX = this.movesX;
    const movesY = this.movesY;
    // A view that moves along one axis lets a drag mostly along the other one scroll the page instead.
    if ((!movesX && !movesY) || (movesX && !movesY && Math.abs(dy) >= Math.abs(dx)) || (movesY && !movesX && Math.abs(dx) >= Math.abs(dy))) {
      return;
    }
    if (event.cancelable) {
      event.preventDefault();
    }
    const box = this.box(this.scale);
    const stray = flag(this.attributes['outOfBounds']);
    let source: Source = 'touch';
    const limit = (value: number, min: number, max: number): number => {
      if (value >= min && value <= max) {
        return value;
      }
      if (!stray) {
        return value < min ? min : max;
      }
      source = 'touch-out-of-bounds';
      // Past the edge the view follows the finger ever more reluctantly.
      return value < min ? min - Math.sqrt(min - value) : max + Math.sqrt(value - max);
    };
    const x = movesX ? limit(drag.x + dx, box.minX, box.maxX) : this.x;
    const y = movesY ? limit(drag.y + dy, box.minY, box.maxY) : this.y;
    drag.samples = [...drag.samples.slice(-1), { x, y, t: point.timeStamp }];
    this.set(x, y, this.scale, source, false);
  }

  private release(): void {
    const drag = this.drag;
    if (!drag) {
      return;
    }
    this.drag = undefined;
    if (drag.caught) {
      catchTouchMoves(drag.caught, false);
    }
    const box = this.box(this.scale);
    const inside = this.clamp(this.x, this.y, box);
    if (inside.out) {
      this.moveTo(inside.x, inside.y, this.scale, 'out-of-bounds', false, false);
      this.settling = this.frame !== 0;
      return;
    }
    const [before, last] = drag.samples;
    if (!flag(this.attributes['inertia']) || !before || !last || last.t <= before.t) {
      return;
    }
    const vx = ((last.x - before.x) * 1000) / (last.t - before.t);
    const vy = ((last.y - before.y) * 1000) / (last.t - before.t);
    const slide = new Slide(this.x, this.y, vx, vy, this.friction, box);
    this.animate((t) => {
      const at = slide.position(t);
      this.set(at.x, at.y, this.scale, 'friction', false);
      return slide.done(t);
    });
    this.settling = true;
  }

  /** Scales about the centre, keeping the view inside the area; with a spring when `animated`. */
  private rescale(scale: number, animated: boolean): void {
    const at = this.clamp(this.x, this.y, this.box(scale));
    if (animated) {
      this.moveTo(at.x, at.y, scale, '', true, true);
    } else {
      this.stop();
      this.set(at.x, at.y, scale, '', true, true);
    }
  }

  /** A pinch over the view (or over its area with scale-area) began; false when the view does not scale. */
  pinchStart(): boolean {
    if (!this.scalable || flag(this.attributes['disabled']) || !this.placed) {
      return false;
    }
    this.stop();
    this.pinchedFrom = this.scale;
    return true;
  }

  pinchChange(ratio: number): void {
    if (this.pinchedFrom !== undefined) {
      this.rescale(this.limitScale(this.pinchedFrom * ratio), false);
    }
  }

  pinchEnd(): void {
    this.pinchedFrom = undefined;
  }
}

const views = new WeakMap<HTMLElement, MovableView>();

/** Views and areas are laid out again whenever either changes size. */
const resized = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    const element = target as HTMLElement;
    const children = element.localName === AREA ? Array.from(element.children) : [element];
    for (const child of children) {
      if (child instanceof HTMLElement) {
        views.get(child)?.place();
      }
    }
  }
});

export const movableView: Builtin = {
  create(element, context) {
    views.set(element, new MovableView(element, context));
    resized.observe(element);
  },
  update(element, attributes) {
    remember(element, attributes);
    views.get(element)?.update(attributes);
  },
};

/** The views that a pinch starting on `target` scales: the one under it, or all of them with scale-area. */
function pinched(area: HTMLElement, target: EventTarget | null): MovableView[] {
  const children = Array.from(area.children).filter((c): c is HTMLElement => c instanceof HTMLElement && c.localName === VIEW);
  const chosen = flag(attributesOf(area)['scaleArea']) ? children : children.filter((c) => target instanceof Node && c.contains(target));
  return chosen.flatMap((c) => views.get(c) ?? []);
}

export const movableArea: Builtin = {
  create(element) {
    resized.observe(element);
    let scaling: MovableView[] = [];
    pinch(element, {
      start: (target) => {
        scaling = pinched(element, target).filter((view) => view.pinchStart());
        return scaling.length > 0;
      },
      change: (ratio) => scaling.forEach((view) => view.pinchChange(ratio)),
      end: () => {
        scaling.forEach((view) => view.pinchEnd());
        scaling = [];
      },
    });
  },
  update(element, attributes) {
    remember(element, attributes);
  },
};
