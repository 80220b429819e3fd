// <form> collects the values of the named fields inside it on submit (a button with form-type
// "submit"), and clears them on reset; <button> and <label> act on their form and controls.
import type { NavigationMode } from '../../bridge/messages';
import { ancestor, attributesOf, flag, remember, text, type Attributes, type Builtin, type BuiltinContext } from './builtin';
import { toggle } from './choice';
import { focusField } from './text-field';

/** Form fields by tag, registered by the built-ins module so the form can ask them for values. */
export const formFields = new Map<string, Builtin>();

function named(form: HTMLElement): HTMLElement[] {
  return Array.from(form.querySelectorAll<HTMLElement>('*')).filter((e) => formFields.has(e.localName) && text(attributesOf(e)['name']) !== '' && ancestor(e, 'wx-form') === form);
}

export function submit(form: HTMLElement, context: BuiltinContext): void {
  const value: Record<string, unknown> = {};
  for (const field of named(form)) {
    value[text(attributesOf(field)['name'])] = formFields.get(field.localName)?.value?.(field);
  }
  context.fire(form, 'submit', { value });
}

export function reset(form: HTMLElement, context: BuiltinContext): void {
  for (const field of Array.from(form.querySelectorAll<HTMLElement>('*'))) {
    formFields.get(field.localName)?.reset?.(field, context);
  }
  context.fire(form, 'reset', {});
}

export const form: Builtin = { update: remember };

export const button: Builtin = {
  create(element, context) {
    element.setAttribute('role', 'button');
    element.addEventListener('click', (event) => {
      const attributes = attributesOf(element);
      if (flag(attributes['disabled'])) {
        event.stopPropagation();
        return;
      }
      const owner = ancestor(element, 'wx-form');
      const formType = text(attributes['formType']);
      if (owner && formType === 'submit') {
        submit(owner, context);
      } else if (owner && formType === 'reset') {
        reset(owner, context);
      }
      const openType = text(attributes['openType']);
      if (openType) {
        context.openType(openType, element);
      }
    });
  },
  update(element, attributes: Attributes) {
    remember(element, attributes);
    element.setAttribute('aria-disabled', String(flag(attributes['disabled'])));
  },
};

const CONTROLS = ['wx-checkbox', 'wx-radio', 'wx-switch', 'wx-input', 'wx-textarea', 'wx-button'];

function control(label: HTMLElement): HTMLElement | undefined {
  const target = text(attributesOf(label)['for']);
  if (target) {
    const root = label.getRootNode() as ShadowRoot | Document;
    return root.getElementById?.(target) ?? undefined;
  }
  return label.querySelector<HTMLElement>(CONTROLS.join(',')) ?? undefined;
}

export const label: Builtin = {
  create(element, context) {
    element.addEventListener('click', (event) => {
      const clicked = event.composedPath().find((n) => n instanceof HTMLElement && CONTROLS.includes(n.localName));
      const target = control(element);
      if (!target || clicked === target) {
        return;
      }
      if (target.localName === 'wx-input' || target.localName === 'wx-textarea') {
        focusField(target);
      } else if (target.localName === 'wx-button') {
        target.click();
      } else {
        toggle(target, context);
      }
    });
  },
  update: remember,
};

const OPEN_TYPES: Record<string, NavigationMode> = {
  navigate: 'navigateTo',
  redirect: 'redirectTo',
  switchTab: 'switchTab',
  reLaunch: 'reLaunch',
  navigateBack: 'navigateBack',
};

export const navigator: Builtin = {
  create(element, context) {
    element.setAttribute('role', 'link');
    element.addEventListener('click', () => {
      const attributes = attributesOf(element);
      const mode = OPEN_TYPES[text(attributes['openType'], 'navigate')];
      if (mode) {
        context.navigate(mode, text(attributes['url']), Number(attributes['delta'] ?? 1) || 1);
      }
    });
  },
  update: remember,
};
