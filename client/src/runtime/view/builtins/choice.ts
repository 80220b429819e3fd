// switch, checkbox and radio with their groups: tapping toggles, and the change event comes from the
// switch itself or from the enclosing checkbox-group / radio-group, as in WeChat.
import { ancestor, attributesOf, color, flag, remember, shadow, text, type Attributes, type Builtin, type BuiltinContext } from './builtin';

const CSS = `:host{display:inline-flex;align-items:center;vertical-align:middle;cursor:pointer}
:host([disabled]){opacity:.5;cursor:default}
.box{box-sizing:border-box;display:inline-flex;align-items:center;justify-content:center;border:1px solid #d1d1d1;background:#fff;margin-right:5px;color:var(--tick,#09bb07)}
.checkbox{width:22px;height:22px;border-radius:3px}
.radio{width:22px;height:22px;border-radius:50%}
.switch{width:52px;height:32px;border-radius:16px;background:#dfdfdf;border:none;position:relative;transition:background .2s}
.switch::after{content:"";position:absolute;left:2px;top:2px;width:28px;height:28px;border-radius:50%;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.4);transition:transform .2s}
.switch.on{background:var(--tick,#04be02)}
.switch.on::after{transform:translateX(20px)}
.checkbox.on::after{content:"✓";font-size:16px}
.radio.on{background:var(--tick,#09bb07);border-color:var(--tick,#09bb07)}
.radio.on::after{content:"✓";color:#fff;font-size:14px}`;

const checked = new WeakMap<HTMLElement, boolean>();
const shownAttribute = new WeakMap<HTMLElement, boolean>();

function box(element: HTMLElement): HTMLElement | null {
  return element.shadowRoot?.querySelector('.box') ?? null;
}

function render(element: HTMLElement, kind: string): void {
  const attributes = attributesOf(element);
  const b = box(element);
  if (!b) {
    return;
  }
  b.className = `box ${kind === 'switch' && text(attributes['type']) === 'checkbox' ? 'checkbox' : kind} ${checked.get(element) ? 'on' : ''}`;
  b.style.setProperty('--tick', color(attributes['color'], kind === 'switch' ? '#04be02' : '#09bb07'));
  element.setAttribute('aria-checked', String(Boolean(checked.get(element))));
}

function members(groupElement: HTMLElement, tag: string): HTMLElement[] {
  return Array.from(groupElement.querySelectorAll<HTMLElement>(tag)).filter((member) => ancestor(member, `${tag}-group`) === groupElement);
}

/** Toggles a choice as a tap (or a tap on its label) does. */
export function toggle(element: HTMLElement, context: BuiltinContext): void {
  const kind = element.localName.slice(3);
  if (flag(attributesOf(element)['disabled'])) {
    return;
  }
  if (kind === 'radio') {
    const radioGroup = ancestor(element, 'wx-radio-group');
    if (checked.get(element)) {
      return;
    }
    for (const other of radioGroup ? members(radioGroup, 'wx-radio') : []) {
      checked.set(other, false);
      render(other, 'radio');
    }
    checked.set(element, true);
    render(element, 'radio');
    if (radioGroup) {
      context.fire(radioGroup, 'change', { value: text(attributesOf(element)['value']) });
    }
    return;
  }
  checked.set(element, !checked.get(element));
  render(element, kind);
  if (kind === 'switch') {
    context.model(element, 'checked', checked.get(element));
    context.fire(element, 'change', { value: checked.get(element) });
    return;
  }
  const checkboxGroup = ancestor(element, 'wx-checkbox-group');
  if (checkboxGroup) {
    context.fire(checkboxGroup, 'change', { value: groupValue(checkboxGroup) });
  }
}

function create(kind: string) {
  return (element: HTMLElement, context: BuiltinContext) => {
    const root = shadow(element, CSS);
    const b = document.createElement('span');
    b.className = `box ${kind}`;
    root.append(b, document.createElement('slot'));
    element.setAttribute('role', kind === 'radio' ? 'radio' : kind === 'switch' ? 'switch' : 'checkbox');
    element.addEventListener('click', () => toggle(element, context));
  };
}

function update(kind: string) {
  return (element: HTMLElement, attributes: Attributes) => {
    remember(element, attributes);
    const value = flag(attributes['checked']);
    if (shownAttribute.get(element) !== value) {
      shownAttribute.set(element, value);
      checked.set(element, value);
    }
    render(element, kind);
  };
}

function groupValue(groupElement: HTMLElement): unknown {
  if (groupElement.localName === 'wx-radio-group') {
    const on = members(groupElement, 'wx-radio').find((r) => checked.get(r));
    return on ? text(attributesOf(on)['value']) : '';
  }
  return members(groupElement, 'wx-checkbox')
    .filter((c) => checked.get(c))
    .map((c) => text(attributesOf(c)['value']));
}

function resetChoice(element: HTMLElement): void {
  checked.set(element, false);
  render(element, element.localName.slice(3));
}

export const switchBuiltin: Builtin = { create: create('switch'), update: update('switch'), value: (e) => Boolean(checked.get(e)), reset: resetChoice };
export const checkbox: Builtin = { create: create('checkbox'), update: update('checkbox'), reset: resetChoice };
export const radio: Builtin = { create: create('radio'), update: update('radio'), reset: resetChoice };
export const choiceGroup: Builtin = { value: groupValue };
