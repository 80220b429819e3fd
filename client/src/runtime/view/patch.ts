// Brings the DOM in line with a newly rendered tree by comparing it with the previous one, node by node,
// so only what changed is touched. Values are set as text and attributes only, never parsed as HTML.
import type { RElement, RNode, ViewInstance } from './instance';

/** What the patcher needs from the rest of the view: components, built-ins and attributes. */
export interface Host {
  /** Creates the DOM element for a rendered element (a built-in, a custom component's host, or plain). */
  create(node: RElement): HTMLElement;
  /** Applies an element's attributes; `previous` is undefined for a new element. */
  update(element: HTMLElement, node: RElement, previous: RElement | undefined): void;
  /** Called for every element leaving the DOM (and each of its descendants), before it goes. */
  remove(element: HTMLElement): void;
}

const rendered = new WeakMap<Node, RNode>();

export function nodeOf(element: Node): RElement | undefined {
  const node = rendered.get(element);
  return typeof node === 'object' ? node : undefined;
}

export function ownerOf(element: Node): ViewInstance | undefined {
  return nodeOf(element)?.owner;
}

function same(a: RNode, b: RNode): boolean {
  if (typeof a === 'string' || typeof b === 'string') {
    return typeof a === typeof b;
  }
  return a.tag === b.tag && a.owner === b.owner;
}

function build(node: RNode, host: Host, doc: Document): Node {
  if (typeof node === 'string') {
    const text = doc.createTextNode(node);
    rendered.set(text, node);
    return text;
  }
  const element = host.create(node);
  rendered.set(element, node);
  host.update(element, node, undefined);
  for (const child of node.children) {
    element.appendChild(build(child, host, doc));
  }
  return element;
}

function release(node: Node, host: Host): void {
  if (node instanceof HTMLElement) {
    for (const child of Array.from(node.childNodes)) {
      release(child, host);
    }
    host.remove(node);
  }
}

/** Patches `parent`'s children (which reflect `previous`) to reflect `next`. */
export function patchChildren(parent: Node, previous: RNode[], next: RNode[], host: Host): void {
  const doc = parent.ownerDocument ?? document;
  const existing = Array.from(parent.childNodes).filter((n) => rendered.has(n));
  const shared = Math.min(previous.length, next.length, existing.length);
  for (let i = 0; i < shared; i++) {
    const before = previous[i] as RNode;
    const after = next[i] as RNode;
    const dom = existing[i] as Node;
    if (!same(before, after)) {
      release(dom, host);
      parent.replaceChild(build(after, host, doc), dom);
      continue;
    }
    rendered.set(dom, after);
    if (typeof after === 'string') {
      if (before !== after) {
        dom.textContent = after;
      }
      continue;
    }
    const element = dom as HTMLElement;
    host.update(element, after, before as RElement);
    patchChildren(element, (before as RElement).children, after.children, host);
  }
  for (let i = existing.length - 1; i >= shared; i--) {
    const dom = existing[i] as Node;
    release(dom, host);
    parent.removeChild(dom);
  }
  for (let i = shared; i < next.length; i++) {
    parent.appendChild(build(next[i] as RNode, host, doc));
  }
}
