// <swiper> with <swiper-item>s: one item per view, sliding by autoplay, by swipe or by `current`,
// optionally circular, with indicator dots and the change event (source "autoplay" or "touch").
import { attributesOf, color, flag, number, remember, shadow, type Attributes, type Builtin, type BuiltinContext } from './builtin';

const CSS = `:host{display:block;position:relative;overflow:hidden;height:150px;touch-action:pan-y}
.track{display:flex;height:100%;transition:transform var(--duration,500ms) ease}
:host([data-vertical]) .track{flex-direction:column}
::slotted(wx-swiper-item){flex:0 0 100%;width:100%;height:100%;overflow:hidden}
.dots{position:absolute;left:0;right:0;bottom:10px;display:flex;justify-content:center;gap:8px}
:host([data-vertical]) .dots{left:auto;right:10px;top:0;bottom:0;flex-direction:column;align-items:center}
.dot{width:8px;height:8px;border-radius:50%;background:var(--dot,rgba(0,0,0,.3))}
.dot.on{background:var(--active,#000)}`;

interface State {
  current: number;
  shownAttribute: unknown;
  timer: number | undefined;
  startX: number | undefined;
  startY: number;
}

const states = new WeakMap<HTMLElement, State>();

function items(element: HTMLElement): HTMLElement[] {
  return Array.from(element.children).filter((c): c is HTMLElement => c.localName === 'wx-swiper-item');
}

function show(element: HTMLElement): void {
  const state = states.get(element);
  const root = element.shadowRoot;
  if (!state || !root) {
    return;
  }
  const attributes = attributesOf(element);
  const vertical = flag(attributes['vertical']);
  const track = root.querySelector<HTMLElement>('.track');
  if (track) {
    track.style.setProperty('--duration', `${number(attributes['duration'], 500)}ms`);
    track.style.transform = vertical ? `translateY(${-100 * state.current}%)` : `translateX(${-100 * state.current}%)`;
  }
  const dots = root.querySelector<HTMLElement>('.dots');
  if (dots) {
    const count = items(element).length;
    dots.hidden = !flag(attributes['indicatorDots']);
    dots.style.setProperty('--dot', color(attributes['indicatorColor'], 'rgba(0,0,0,.3)'));
    dots.style.setProperty('--active', color(attributes['indicatorActiveColor'], '#000000'));
    dots.replaceChildren(...Array.from({ length: count }, (_, i) => Object.assign(document.createElement('span'), { className: i === state.current ? 'dot on' : 'dot' })));
  }
}

function go(element: HTMLElement, index: number, source: string, context: BuiltinContext): void {
  const state = states.get(element);
  const count = items(element).length;
  if (!state || count === 0) {
    return;
  }
  const circular = flag(attributesOf(element)['circular']);
  const next = circular ? (index + count) % count : Math.min(Math.max(index, 0), count - 1);
  if (next === state.current) {
    return;
  }
  state.current = next;
  show(element);
  const item = items(element)[next];
  context.model(element, 'current', next);
  context.fire(element, 'change', { current: next, currentItemId: item?.getAttribute('item-id') ?? '', source });
}

function schedule(element: HTMLElement, context: BuiltinContext): void {
  const state = states.get(element);
  if (!state) {
    return;
  }
  window.clearInterval(state.timer);
  state.timer = undefined;
  const attributes = attributesOf(element);
  if (flag(attributes['autoplay'])) {
    state.timer = window.setInterval(() => {
      if (!element.isConnected) {
        window.clearInterval(state.timer);
        return;
      }
      const count = items(element).length;
      const wrap = flag(attributesOf(element)['circular']) || state.current < count - 1;
      go(element, wrap ? (state.current + 1) % Math.max(1, count) : 0, 'autoplay', context);
    }, number(attributes['interval'], 5000));
  }
}

export const swiper: Builtin = {
  create(element, context) {
    const root = shadow(element, CSS);
    const track = document.createElement('div');
    track.className = 'track';
    track.appendChild(document.createElement('slot'));
    const dots = document.createElement('div');
    dots.className = 'dots';
    root.append(track, dots);
    const state: State = { current: 0, shownAttribute: undefined, timer: undefined, startX: undefined, startY: 0 };
    states.set(element, state);
    element.addEventListener('pointerdown', (event) => {
      state.startX = event.clientX;
      state.startY = event.clientY;
    });
    element.addEventListener('pointerup', (event) => {
      if (state.startX === undefined) {
        return;
      }
      const vertical = flag(attributesOf(element)['vertical']);
      const delta = vertical ? event.clientY - state.startY : event.clientX - state.startX;
      state.startX = undefined;
      if (Math.abs(delta) > 30) {
        go(element, state.current + (delta < 0 ? 1 : -1), 'touch', context);
        schedule(element, context);
      }
    });
  },
  update(element, attributes: Attributes, context) {
    remember(element, attributes);
    const state = states.get(element);
    if (!state) {
      return;
    }
    element.toggleAttribute('data-vertical', flag(attributes['vertical']));
    if (attributes['current'] !== state.shownAttribute) {
      state.shownAttribute = attributes['current'];
      state.current = Math.max(0, number(attributes['current'], 0));
    }
    queueMicrotask(() => show(element));
    schedule(element, context);
  },
};
