// How a movable-view moves by itself: a damped spring towards a target (x, y or scale-value changed, or a
// drag released out of bounds), and a slide slowed by friction after a flick (inertia). Times are seconds.

const REST = 0.1;

/**
 * One coordinate pulled to `end` by a spring of unit mass whose damping is movable-view's `damping` and
 * whose stiffness is 9·damping²/40, so it never overshoots and a higher damping arrives sooner.
 */
export class Spring {
  private readonly slow: number;
  private readonly fast: number;
  private readonly a: number;
  private readonly b: number;

  constructor(
    readonly end: number,
    from: number,
    velocity: number,
    damping: number,
  ) {
    const stiffness = (9 * damping * damping) / 40;
    const root = Math.sqrt(damping * damping - 4 * stiffness);
    this.fast = (-damping - root) / 2;
    this.slow = (-damping + root) / 2;
    const offset = from - end;
    this.b = (velocity - this.fast * offset) / (this.slow - this.fast);
    this.a = offset - this.b;
  }

  position(t: number): number {
    return this.end + this.a * Math.exp(this.fast * t) + this.b * Math.exp(this.slow * t);
  }

  velocity(t: number): number {
    return this.a * this.fast * Math.exp(this.fast * t) + this.b * this.slow * Math.exp(this.slow * t);
  }

  done(t: number): boolean {
    return Math.abs(this.position(t) - this.end) < REST && Math.abs(this.velocity(t)) < REST;
  }
}

export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/**
 * A flick released at (x, y) with velocity (vx, vy) px/s slides on in a straight line, slowing by
 * 1000·friction px/s², and stops early where the line leaves `box`.
 */
export class Slide {
  private readonly speed: number;
  private readonly ux: number;
  private readonly uy: number;
  private readonly deceleration: number;
  private readonly distance: number;

  constructor(
    private readonly x: number,
    private readonly y: number,
    vx: number,
    vy: number,
    friction: number,
    box: Box,
  ) {
    this.speed = Math.hypot(vx, vy);
    this.ux = this.speed > 0 ? vx / this.speed : 0;
    this.uy = this.speed > 0 ? vy / this.speed : 0;
    this.deceleration = 1000 * friction;
    let distance = (this.speed * this.speed) / (2 * this.deceleration);
    for (const [u, at, min, max] of [
      [this.ux, x, box.minX, box.maxX],
      [this.uy, y, box.minY, box.maxY],
    ] as const) {
      if (u > 0) {
        distance = Math.min(distance, Math.max(0, (max - at) / u));
      } else if (u < 0) {
        distance = Math.min(distance, Math.max(0, (min - at) / u));
      }
    }
    this.distance = distance;
  }

  private travelled(t: number): number {
    const stop = this.speed / this.deceleration;
    const time = Math.min(t, stop);
    return Math.min(this.distance, this.speed * time - (this.deceleration * time * time) / 2);
  }

  position(t: number): { x: number; y: number } {
    const s = this.travelled(t);
    return { x: this.x + this.ux * s, y: this.y + this.uy * s };
  }

  done(t: number): boolean {
    return this.travelled(t) >= this.distance - 1e-6 || t >= this.speed / this.deceleration;
  }
}
