// The `animation` attribute: plays the steps of a wx.createAnimation export one after another as CSS
// transitions on the element. Transforms named in one step stay in the later steps of the same export.
interface Step {
  animates?: { type?: unknown; args?: unknown[] }[];
  option?: { transformOrigin?: unknown; transition?: { duration?: unknown; timingFunction?: unknown; delay?: unknown } };
}

const playing = new WeakMap<HTMLElement, number>();

function unit(value: unknown, suffix: string): string {
  return typeof value === 'number' ? `${value}${suffix}` : String(value);
}

function transform(type: string, args: unknown[]): string {
  if (/^rotate[XYZ]?$|^skew[XY]?$/.test(type)) {
    return `${type}(${args.map((a) => unit(a, 'deg')).join(',')})`;
  }
  if (type === 'rotate3d') {
    return `rotate3d(${args.slice(0, 3).map(String).join(',')},${unit(args[3], 'deg')})`;
  }
  if (/^translate/.test(type)) {
    return `${type}(${args.map((a) => unit(a, 'px')).join(',')})`;
  }
  return `${type}(${args.map(String).join(',')})`;
}

export function animate(element: HTMLElement, value: unknown): void {
  const actions = value && typeof value === 'object' ? (value as { actions?: unknown }).actions : undefined;
  if (!Array.isArray(actions)) {
    return;
  }
  const run = (playing.get(element) ?? 0) + 1;
  playing.set(element, run);
  const transforms = new Map<string, string>();
  const play = (index: number) => {
    const step = actions[index] as Step | undefined;
    if (!step || playing.get(element) !== run) {
      return;
    }
    const transition = step.option?.transition ?? {};
    const duration = Number(transition.duration ?? 400) || 0;
    const delay = Number(transition.delay ?? 0) || 0;
    element.style.transition = `all ${duration}ms ${String(transition.timingFunction ?? 'linear')} ${delay}ms`;
    element.style.transformOrigin = String(step.option?.transformOrigin ?? '50% 50% 0');
    for (const { type, args = [] } of step.animates ?? []) {
      if (type === 'style') {
        element.style.setProperty(String(args[0]), String(args[1]));
      } else if (typeof type === 'string') {
        transforms.set(type, transform(type, args));
      }
    }
    if (transforms.size > 0) {
      element.style.transform = [...transforms.values()].join(' ');
    }
    window.setTimeout(() => play(index + 1), duration + delay);
  };
  requestAnimationFrame(() => play(0));
}
