// wx.createAnimation: records style and transform steps; export() gives WeChat's { actions } object,
// which a program puts in an element's `animation` attribute for the view to play as CSS transitions.
import type { Data } from '../../bridge/messages';

const STYLES: Record<string, string> = {
  opacity: 'opacity',
  backgroundColor: 'background-color',
  width: 'width',
  height: 'height',
  top: 'top',
  left: 'left',
  bottom: 'bottom',
  right: 'right',
};

const TRANSFORMS = ['rotate', 'rotateX', 'rotateY', 'rotateZ', 'rotate3d', 'scale', 'scaleX', 'scaleY', 'scaleZ', 'scale3d', 'translate', 'translateX', 'translateY', 'translateZ', 'translate3d', 'skew', 'skewX', 'skewY', 'matrix', 'matrix3d'];

interface Animate {
  type: string;
  args: unknown[];
}

export function createAnimation(options?: unknown): Data {
  const defaults = options && typeof options === 'object' ? (options as Data) : {};
  let current: Animate[] = [];
  let actions: Data[] = [];
  const animation: Data = {};
  for (const [method, property] of Object.entries(STYLES)) {
    animation[method] = (value: unknown) => {
      current.push({ type: 'style', args: [property, typeof value === 'number' && method !== 'opacity' ? `${value}px` : value] });
      return animation;
    };
  }
  for (const method of TRANSFORMS) {
    animation[method] = (...args: unknown[]) => {
      current.push({ type: method, args });
      return animation;
    };
  }
  animation['step'] = (stepOptions?: Data) => {
    const step = { ...defaults, ...(stepOptions ?? {}) };
    actions.push({
      animates: current,
      option: {
        transformOrigin: String(step['transformOrigin'] ?? '50% 50% 0'),
        transition: { duration: Number(step['duration'] ?? 400), timingFunction: String(step['timingFunction'] ?? 'linear'), delay: Number(step['delay'] ?? 0) },
      },
    });
    current = [];
    return animation;
  };
  animation['export'] = () => {
    const exported = { actions };
    actions = [];
    return exported;
  };
  return animation;
}
