// The view layer's side of a page or component instance: its render function, its copy of the data
// (kept in step with the logic layer by setData patches), where it renders and what it rendered last.
import type { ComponentOptions, Data, VElement } from '../bridge/messages';
import type { ComponentManifest } from '../bridge/manifest';

export type RenderFunction = (data: Data) => VElement;

export interface ViewInstance {
  id: number;
  kind: 'page' | 'component';
  /** A page's route or a component's path: the key of its render function and usingComponents. */
  path: string;
  pageId: number;
  render: RenderFunction | undefined;
  data: Data;
  /** Where the instance's tree goes: a page's or component's shadow root. */
  root: ShadowRoot;
  /** The element the instance hangs from: the page element, or the component's host element. */
  host: HTMLElement;
  /** The component's class prefix and settings; absent for pages. */
  component?: ComponentManifest;
  /** What the instance rendered last (children of the render root), to diff the next render against. */
  rendered: RNode[];
  /** True until the logic layer sent the instance's first data. */
  waiting: boolean;
  /** A component's externalClasses and styleIsolation, as its JavaScript declares them. */
  options?: ComponentOptions;
}

/** A rendered node: the virtual DOM node and the instance whose template produced it. */
export type RNode = string | RElement;

export interface RElement {
  tag: string;
  attr: Record<string, unknown>;
  children: RNode[];
  owner: ViewInstance;
  generics?: Record<string, string>;
  rawAttr?: Record<string, string>;
  /** The `wx:key` identity of a `wx:for` item's element (its loop, key value and place in the item). */
  key?: string;
}

export function annotate(children: unknown[] | undefined, owner: ViewInstance): RNode[] {
  const result: RNode[] = [];
  for (const child of children ?? []) {
    if (typeof child === 'string') {
      result.push(child);
    } else if (child && typeof child === 'object' && typeof (child as VElement).tag === 'string') {
      const v = child as VElement;
      const element: RElement = { tag: v.tag, attr: v.attr ?? {}, children: annotate(v.children, owner), owner };
      if (v.generics && Object.keys(v.generics).length > 0) {
        element.generics = v.generics;
      }
      if (v.rawAttr) {
        element.rawAttr = v.rawAttr;
      }
      if (typeof v.key === 'string') {
        element.key = v.key;
      }
      result.push(element);
    }
  }
  return result;
}
