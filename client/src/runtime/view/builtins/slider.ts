// <slider>: a native range in a shadow root; changing while dragging, change when released.
import { attributesOf, color, flag, number, remember, shadow, type Attributes, type Builtin } from './builtin';

const CSS = `:host{display:flex;align-items:center;margin:10px 18px}
input{flex:1;accent-color:var(--active,#1aad19)}
span{margin-left:10px;min-width:3em}`;

export const slider: Builtin = {
  create(element, context) {
    const root = shadow(element, CSS);
    const range = document.createElement('input');
    range.type = 'range';
    const shown = document.createElement('span');
    root.append(range, shown);
    range.addEventListener('input', () => {
      shown.textContent = range.value;
      context.fire(element, 'changing', { value: Number(range.value) });
    });
    range.addEventListener('change', () => {
      context.model(element, 'value', Number(range.value));
      context.fire(element, 'change', { value: Number(range.value) });
    });
  },
  update(element, attributes: Attributes) {
    remember(element, attributes);
    const range = element.shadowRoot?.querySelector('input');
    const shown = element.shadowRoot?.querySelector('span');
    if (!range || !shown) {
      return;
    }
    range.min = String(number(attributes['min'], 0));
    range.max = String(number(attributes['max'], 100));
    range.step = String(number(attributes['step'], 1));
    range.value = String(number(attributes['value'], number(attributes['min'], 0)));
    range.disabled = flag(attributes['disabled']);
    range.style.setProperty('--active', color(attributes['activeColor'], '#1aad19'));
    shown.hidden = !flag(attributes['showValue']);
    shown.textContent = range.value;
  },
};

export function sliderValue(element: HTMLElement): unknown {
  return Number(element.shadowRoot?.querySelector('input')?.value ?? attributesOf(element)['value'] ?? 0);
}
