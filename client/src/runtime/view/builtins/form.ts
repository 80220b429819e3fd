// <form> collects the values of the named fields inside it on submit (a button with form-type
// "submit"), and clears them on reset; <button> and <label> act on their form and controls. Custom
// components join in through WeChat's built-in behaviors wx://form-field, -group and -button.
import type { NavigationMode } from '../../bridge/messages';
import { attributesOf, flag, remember, text, type Attributes, type Builtin, type BuiltinContext } from './builtin';
import { toggle } from './choice';
import { focusField } from './text-field';

/** Form fields by tag, registered by the built-ins module so the form can ask them for values. */
export const formFields = new Map<string, Builtin>();

type Field = { kind: 'builtin'; element: HTMLElement } | { kind: 'component'; element: HTMLElement; name: string; value: unknown };

/**
 * The fields of a form in document order: built-in controls, custom components with wx://form-field, and the
 * controls inside components with wx://form-field-group. Fields of a form nested inside belong to that form.
 */
function fieldsOf(form: HTMLElement, context: BuiltinContext): Field[] {
  const found: Field[] = [];
  const visit = (parent: ParentNode) => {
    for (const element of Array.from(parent.children) as HTMLElement[]) {
      if (element.localName === 'wx-form') {
        continue;
      }
      const component = context.formComponent(element);
      if (component?.field) {
        found.push({ kind: 'component', element, name: component.name, value: component.value });
      } else if (formFields.has(element.localName)) {
        found.push({ kind: 'builtin', element });
      }
      if (component?.group && element.shadowRoot) {
        visit(element.shadowRoot);
      }
      visit(element);
    }
  };
  visit(form);
  return found;
}

/**
 * The form a button acts on: its nearest <form>, looking out of a component's template only when the
 * component has wx://form-field-button.
 */
function formOf(button: HTMLElement, context: BuiltinContext): HTMLElement | undefined {
  let node: Node | null = button.parentNode;
  while (node) {
    if (node instanceof ShadowRoot) {
      const host = node.host as HTMLElement;
      node = context.formComponent(host)?.button ? host.parentNode : null;
      continue;
    }
    if (node instanceof HTMLElement && node.localName === 'wx-form') {
      return node;
    }
    node = node.parentNode;
  }
  return undefined;
}

export function submit(form: HTMLElement, context: BuiltinContext): void {
  const value: Record<string, unknown> = {};
  for (const field of fieldsOf(form, context)) {
    if (field.kind === 'component') {
      if (field.name !== '') {
        value[field.name] = field.value;
      }
    } else if (text(attributesOf(field.element)['name']) !== '') {
      value[text(attributesOf(field.element)['name'])] = formFields.get(field.element.localName)?.value?.(field.element);
    }
  }
  context.fire(form, 'submit', { value });
}

export function reset(form: HTMLElement, context: BuiltinContext): void {
  for (const field of fieldsOf(form, context)) {
    if (field.kind === 'component') {
      context.clearFormField(field.element);
    } else {
      formFields.get(field.element.localName)?.reset?.(field.element, context);
    }
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
      const owner = formOf(element, context);
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
