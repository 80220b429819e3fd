// How a rendered element's attributes reach the DOM: class names scoped to the component that rendered
// them, rpx in inline styles, event bindings kept out of the DOM, and nothing that could run script.
import type { RElement, ViewInstance } from './instance';
import { nodeOf } from './patch';
import { animate } from './animation';

export const EVENT_ATTRIBUTE = /^(capture-bind|capture-catch|mut-bind|bind|catch):?([A-Za-z][\w-]*)$/;

export function isEventAttribute(name: string): boolean {
  return EVENT_ATTRIBUTE.test(name);
}

/** Class names as they go into the DOM for an instance's own template: a component's get its scope prefix. */
function scopeTokens(tokens: string[], owner: ViewInstance, depth = 0): string[] {
  const component = owner.component;
  if (!component) {
    return tokens;
  }
  const external = owner.options?.externalClasses ?? [];
  const host = nodeOf(owner.host);
  const shared = isShared(owner);
  return tokens.flatMap((token) => {
    if (external.includes(token) && host && depth < 16) {
      const given = host.attr[token.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] ?? host.attr[token];
      return scopeTokens(split(given), host.owner, depth + 1);
    }
    return shared ? [`${component.scope}--${token}`, token] : [`${component.scope}--${token}`];
  });
}

function split(value: unknown): string[] {
  const text = value === undefined || value === null || value === false ? '' : String(value);
  return text.split(/\s+/).filter(Boolean);
}

/** Whether page and app styles reach into a component (styleIsolation apply-shared or shared, or addGlobalClass). */
export function isShared(instance: ViewInstance): boolean {
  const config = instance.component?.config ?? {};
  const declared = instance.options?.styleIsolation || String(config['styleIsolation'] ?? '');
  return declared === 'apply-shared' || declared === 'shared' || config['addGlobalClass'] === true;
}

/** The class attribute as it goes into the DOM; external classes take the names the host element gives. */
export function scopedClass(value: unknown, node: RElement): string {
  return scopeTokens(split(value), node.owner).join(' ');
}

/**
 * Inline styles may use rpx, as WXSS does: 750rpx is the window's width. Their vh, as WXSS's, are hundredths of the
 * page's window (above the tab bar), the size container the page is.
 */
export function inlineStyle(value: unknown): string {
  const text = value === undefined || value === null || value === false ? '' : String(value);
  return text
    .replace(/(-?\d*\.?\d+)rpx/gi, (_, n: string) => `calc(${n} * 100vw / 750)`)
    .replace(/(\d*\.?\d+)vh\b/gi, '$1cqh');
}

/** data-foo-bar → fooBar, data-fooBar → foobar, as WeChat builds dataset. */
export function datasetOf(node: RElement | undefined): Record<string, unknown> {
  const dataset: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node?.attr ?? {})) {
    if (name.startsWith('data-')) {
      const key = name
        .slice(5)
        .toLowerCase()
        .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      dataset[key] = value;
    }
  }
  return dataset;
}

export function marksOf(node: RElement | undefined): Record<string, unknown> {
  const marks: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node?.attr ?? {})) {
    if (name.startsWith('mark:')) {
      marks[name.slice(5)] = value;
    }
  }
  return marks;
}

/** Attribute names that may be set on a DOM element: plain names, never inline event handlers. */
export function isSafeAttributeName(name: string): boolean {
  return /^[a-zA-Z_][\w:.-]*$/.test(name) && !/^on/i.test(name) && !/^(src|href|srcdoc|action|formaction|xlink:href)$/i.test(name);
}

/** Text for an attribute value: true as empty (present), objects as JSON. */
export function attributeText(value: unknown): string | undefined {
  if (value === false || value === null || value === undefined) {
    return undefined;
  }
  return value === true ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Applies the attributes every element understands (a string "false" is true, as in WeChat). */
export function applyCommon(element: HTMLElement, node: RElement, previous: RElement | undefined): void {
  const before = previous?.attr ?? {};
  const after = node.attr;
  for (const name of Object.keys(before)) {
    if (!(name in after) && !isEventAttribute(name)) {
      element.removeAttribute(name);
    }
  }
  for (const [name, value] of Object.entries(after)) {
    if (before[name] === value && previous && previous.owner === node.owner) {
      continue;
    }
    if (isEventAttribute(name) || name.startsWith('mark:') || name.startsWith('model:')) {
      continue;
    }
    if (name === 'class') {
      element.className = scopedClass(value, node);
    } else if (name === 'style') {
      element.setAttribute('style', inlineStyle(value));
    } else if (name === 'animation') {
      animate(element, value);
    } else if (name === 'hidden') {
      element.hidden = value === '' || Boolean(value);
    } else if (isSafeAttributeName(name)) {
      const text = attributeText(value);
      if (text === undefined) {
        element.removeAttribute(name);
      } else {
        element.setAttribute(name, text);
      }
    }
  }
}
