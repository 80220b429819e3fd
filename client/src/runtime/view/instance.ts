// The view layer's side of a page or component instance: its render function, its copy of the data
// (kept in step with the logic layer by setData patches), where it renders and what it rendered last.
import type { ComponentOptions, Data, VElement } from '../bridge/messages';
import type { ComponentManifest } from '../bridge/manifest';
import { shownText } from './text-content';

/**
 * What a render function keeps between renders of one instance: the nodes each `wx:for` item made (in `p`, from
 * the last render; `n` is filled by the current one), given back while the values the item reads are the same.
 */
export interface RenderMemo {
  p: Map<string, unknown>;
  n: Map<string, unknown>;
}

export type RenderFunction = (data: Data, memo?: RenderMemo) => VElement;

export interface ViewInstance {
  id: number;
  kind: 'page' | 'component';
  /** A page's route or a component's path: the key of its render function and usingComponents. */
  path: string;
  pageId: number;
  render: RenderFunction | undefined;
  memo: RenderMemo;
  /** Replaced, never changed in place, by setData patches (see withPath), as the render memo needs. */
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

/**
 * Makes a render's nodes RElements in place: each element gets its owner, and a `<text>` the text it shows. Nodes the render reused from its memo
 * already have this owner, so they and their subtrees are passed over. Anything that is neither text nor an element is
 * dropped.
 */
export function annotate(children: unknown[] | undefined, owner: ViewInstance): RNode[] {
  const nodes = children ?? [];
  let valid = true;
  for (const child of nodes) {
    if (isElement(child)) {
      const element = child as VElement & { owner?: ViewInstance };
      if (element.owner !== owner) {
        element.owner = owner;
        element.attr ??= {};
        element.children = annotate(element.children, owner);
        element.children = shownText(element as RElement);
      }
    } else if (typeof child !== 'string') {
      valid = false;
    }
  }
  return (valid ? nodes : nodes.filter((n) => typeof n === 'string' || isElement(n))) as RNode[];
}

function isElement(node: unknown): node is VElement {
  return node !== null && typeof node === 'object' && typeof (node as VElement).tag === 'string';
}
