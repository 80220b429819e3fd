// <picker>: its content (the light DOM) opens a native chooser laid over it: a list for mode
// "selector", time and date inputs for "time" and "date". change carries WeChat's detail.value.
import { attributesOf, flag, remember, shadow, text, type Attributes, type Builtin } from './builtin';

const CSS = `:host{display:block;position:relative}
.chooser{position:absolute;inset:0;opacity:0;width:100%;height:100%;cursor:pointer}`;

function options(attributes: Attributes): string[] {
  const range = Array.isArray(attributes['range']) ? (attributes['range'] as unknown[]) : [];
  const key = text(attributes['rangeKey']);
  return range.map((item) => (key && item && typeof item === 'object' ? text((item as Record<string, unknown>)[key]) : text(item)));
}

function chooser(element: HTMLElement): HTMLSelectElement | HTMLInputElement | null {
  return element.shadowRoot?.querySelector<HTMLSelectElement | HTMLInputElement>('.chooser') ?? null;
}

export const picker: Builtin = {
  create(element) {
    shadow(element, CSS).appendChild(document.createElement('slot'));
  },
  update(element, attributes: Attributes, context) {
    remember(element, attributes);
    const root = element.shadowRoot;
    if (!root) {
      return;
    }
    const mode = text(attributes['mode'], 'selector');
    const wanted = mode === 'time' || mode === 'date' ? 'input' : 'select';
    let control = chooser(element);
    if (!control || control.localName !== wanted || control.dataset['mode'] !== mode) {
      control?.remove();
      control = document.createElement(wanted);
      control.className = 'chooser';
      control.dataset['mode'] = mode;
      if (control instanceof HTMLInputElement) {
        control.type = mode;
      }
      const field = control;
      field.addEventListener('change', () => {
        const value = field instanceof HTMLSelectElement ? field.selectedIndex : field.value;
        context.model(element, 'value', value);
        context.fire(element, 'change', { value });
      });
      root.appendChild(control);
    }
    control.disabled = flag(attributes['disabled']);
    if (control instanceof HTMLSelectElement) {
      const labels = options(attributes);
      if (JSON.stringify(Array.from(control.options, (o) => o.text)) !== JSON.stringify(labels)) {
        control.replaceChildren(...labels.map((label) => new Option(label)));
      }
      control.selectedIndex = Math.max(0, Number(attributes['value'] ?? 0) || 0);
    } else {
      control.value = text(attributes['value']);
      control.min = text(attributes['start']);
      control.max = text(attributes['end']);
    }
  },
  value(element) {
    const control = chooser(element);
    return control instanceof HTMLSelectElement ? control.selectedIndex : (control?.value ?? attributesOf(element)['value']);
  },
};
