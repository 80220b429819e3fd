// Built-ins read attribute names as the compiler gives them: camelCased like wcc's (form-type → formType).
// The contract of a built-in component (input, switch, swiper, …): it may give its element a shadow
// root with native controls, reads its attributes on every update, and raises WeChat events.
import type { Data, NavigationMode } from '../../bridge/messages';

export type Attributes = Record<string, unknown>;

export interface BuiltinContext {
  /** Raises a WeChat event on the element (input, change, scroll, …); bubbling ones travel up. */
  fire(element: HTMLElement, type: string, detail: unknown, bubbles?: boolean): void;
  /** Raises a touch-like event on the element (htouchmove, …): it bubbles across components with its touches. */
  touch(element: HTMLElement, type: string, touches: Data[]): void;
  /** Writes a value back through a model:attribute binding (model:value="{{text}}"). */
  model(element: HTMLElement, attribute: string, value: unknown): void;
  navigate(mode: NavigationMode, url: string, delta: number): void;
  /** A button with open-type asks the host to share, get the user's profile, … */
  openType(kind: string, element: HTMLElement): void;
  /** The URL of a program file named by path from the template that rendered the element. */
  asset(element: HTMLElement, src: string): string | undefined;
  /** A URL for a temporary file the host keeps (wxfile://tmp_…, from wx.downloadFile and the like). */
  tempFile(path: string): Promise<string | undefined>;
}

export interface Builtin {
  create?(element: HTMLElement, context: BuiltinContext): void;
  update?(element: HTMLElement, attributes: Attributes, context: BuiltinContext): void;
  /** A form field's value for form submit, when the element has a name. */
  value?(element: HTMLElement): unknown;
  reset?(element: HTMLElement, context: BuiltinContext): void;
}

const sheets = new Map<string, CSSStyleSheet>();

/** A shadow root styled with the given CSS (shared between elements of one kind). */
export function shadow(element: HTMLElement, css: string): ShadowRoot {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  root.adoptedStyleSheets = [sheet];
  return root;
}

export function flag(value: unknown): boolean {
  return value === '' || Boolean(value);
}

export function text(value: unknown, fallback = ''): string {
  return value === undefined || value === null ? fallback : String(value);
}

export function number(value: unknown, fallback: number): number {
  const n = Number(value);
  return value === undefined || value === null || value === '' || Number.isNaN(n) ? fallback : n;
}

/** Only colors written as colors reach a style: no url(), no expressions. */
export function color(value: unknown, fallback: string): string {
  const c = text(value).trim();
  return /^(#[0-9a-fA-F]{3,8}|rgba?\([\d\s.,%]+\)|[a-zA-Z]+)$/.test(c) ? c : fallback;
}

/**
 * The URL a media element may load: `src` itself when it is an address of an allowed kind (`allowed`),
 * else the program's own file when `src` is a path; nothing for other schemes (javascript:, file:, …).
 */
export function mediaSource(element: HTMLElement, src: string, allowed: RegExp, context: BuiltinContext): string | undefined {
  if (allowed.test(src)) {
    return src;
  }
  return src && !/^[a-z][\w+.-]*:/i.test(src) ? context.asset(element, src) : undefined;
}

/** Latest attributes of each element, for behaviours that run between updates (clicks, timers). */
const latest = new WeakMap<HTMLElement, Attributes>();

export function remember(element: HTMLElement, attributes: Attributes): void {
  latest.set(element, attributes);
}

export function attributesOf(element: HTMLElement): Attributes {
  return latest.get(element) ?? {};
}

/** The nearest ancestor element with the given tag (a checkbox's group, a button's form). */
export function ancestor(element: HTMLElement, tag: string): HTMLElement | undefined {
  let current = element.parentElement;
  while (current) {
    if (current.localName === tag) {
      return current;
    }
    current = current.parentElement;
  }
  return undefined;
}
