// <input> and <textarea>: native fields in a shadow root, with WeChat's input, focus, blur, change and confirm
// events, maxlength (140 by default), password, number types and model:value. An input fills the height it is given,
// its text centred in it, as WeChat draws its fields.
import { flag, number, remember, shadow, text, type Attributes, type Builtin, type BuiltinContext } from './builtin';

const CSS = `:host{display:block;min-height:1.4em;overflow:hidden}
input,textarea{all:unset;box-sizing:border-box;width:100%;min-height:1.4em;font:inherit;color:inherit;text-align:inherit;white-space:pre-wrap}
input{display:block;height:100%}
textarea{height:100%;resize:none}
::placeholder{color:#999}`;

type Field = HTMLInputElement | HTMLTextAreaElement;

const fields = new WeakMap<HTMLElement, { field: Field; shown: string }>();

function fieldOf(element: HTMLElement): Field | undefined {
  return fields.get(element)?.field;
}

function create(tag: 'input' | 'textarea') {
  return (element: HTMLElement, context: BuiltinContext) => {
    const field = document.createElement(tag);
    shadow(element, CSS).appendChild(field);
    fields.set(element, { field, shown: '' });
    field.addEventListener('input', () => {
      const value = field.value;
      context.model(element, 'value', value);
      context.fire(element, 'input', { value, cursor: field.selectionStart ?? value.length, keyCode: 0 });
    });
    field.addEventListener('focus', () => context.fire(element, 'focus', { value: field.value, height: 0 }));
    field.addEventListener('blur', () => context.fire(element, 'blur', { value: field.value, cursor: field.selectionStart ?? 0 }));
    // WeChat's fields still raise the change of their first releases: on losing focus with a changed value.
    field.addEventListener('change', () => context.fire(element, 'change', { value: field.value }));
    if (tag === 'input') {
      field.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Enter') {
          context.fire(element, 'confirm', { value: field.value });
        }
      });
    }
  };
}

function update(element: HTMLElement, attributes: Attributes): void {
  remember(element, attributes);
  const state = fields.get(element);
  if (!state) {
    return;
  }
  const { field } = state;
  const value = text(attributes['value']);
  if (value !== state.shown) {
    state.shown = value;
    if (field.value !== value) {
      field.value = value;
    }
  }
  field.placeholder = text(attributes['placeholder']);
  field.disabled = flag(attributes['disabled']);
  const max = number(attributes['maxlength'], 140);
  if (max >= 0) {
    field.maxLength = max;
  } else {
    field.removeAttribute('maxlength');
  }
  if (field instanceof HTMLInputElement) {
    const type = text(attributes['type'], 'text');
    field.type = flag(attributes['password']) ? 'password' : 'text';
    field.inputMode = type === 'number' ? 'numeric' : type === 'digit' ? 'decimal' : 'text';
    field.enterKeyHint = text(attributes['confirmType'], 'done') as HTMLInputElement['enterKeyHint'];
  }
  if (flag(attributes['focus']) || flag(attributes['autoFocus'])) {
    queueMicrotask(() => field.focus());
  }
}

function value(element: HTMLElement): unknown {
  return fieldOf(element)?.value ?? '';
}

function reset(element: HTMLElement, context: BuiltinContext): void {
  const field = fieldOf(element);
  if (field) {
    field.value = '';
    context.model(element, 'value', '');
  }
}

export const input: Builtin = { create: create('input'), update, value, reset };
export const textarea: Builtin = { create: create('textarea'), update, value, reset };

/** Shows a value a bindinput handler returned in place of what was typed, the cursor where it says (else at the end). */
export function replaceValue(element: HTMLElement, value: string, cursor: number | undefined): void {
  const field = fieldOf(element);
  if (field && field.value !== value) {
    field.value = value;
    const at = Math.min(cursor ?? value.length, value.length);
    if (document.activeElement === element || element.shadowRoot?.activeElement === field) {
      field.setSelectionRange(at, at);
    }
  }
}

/** Focuses the field (a label's tap does this). */
export function focusField(element: HTMLElement): void {
  fieldOf(element)?.focus();
}
