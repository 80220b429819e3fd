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

/** A rendered element's `wx:key` identity (set by the compiler out of band), if the element has one. */
function keyOf(node: RNode): string | undefined {
  return typeof node === 'object' ? node.key : undefined;
}

/**
 * Patches `parent`'s children (which reflect `previous`) to reflect `next`. Elements with a `wx:key` are
 * matched by key, so a moved item keeps its DOM (typed text, focus, component instances); the rest are
 * matched by position among the unkeyed ones.
 */
export function patchChildren(parent: Node, previous: RNode[], next: RNode[], host: Host): void {
  const doc = parent.ownerDocument ?? document;
  const existing = Array.from(parent.childNodes).filter((n) => rendered.has(n));
  const keyed = new Map<string, { node: RNode; dom: Node }>();
  const unkeyed: { node: RNode; dom: Node }[] = [];
  previous.forEach((node, i) => {
    const dom = existing[i];
    if (!dom) {
      return;
    }
    const key = keyOf(node);
    if (key !== undefined && !keyed.has(key)) {
      keyed.set(key, { node, dom });
    } else {
      unkeyed.push({ node, dom });
    }
  });
  const used = new Set<Node>();
  let position = 0;
  const placed: Node[] = next.map((after) => {
    const key = keyOf(after);
    let match: { node: RNode; dom: Node } | undefined;
    if (key !== undefined) {
      match = keyed.get(key);
      keyed.delete(key);
    } else {
      while (position < unkeyed.length && used.has((unkeyed[position] as { dom: Node }).dom)) {
        position++;
      }
      match = unkeyed[position++];
    }
    if (!match || !same(match.node, after)) {
      return build(after, host, doc);
    }
    used.add(match.dom);
    reuse(match.dom, match.node, after, host);
    return match.dom;
  });
  for (const dom of existing) {
    if (!used.has(dom)) {
      release(dom, host);
      parent.removeChild(dom);
    }
  }
  let cursor: Node | null = firstRendered(parent);
  for (const dom of placed) {
    if (dom === cursor) {
      cursor = nextRendered(dom);
    } else {
      parent.insertBefore(dom, cursor);
    }
  }
}

function firstRendered(parent: Node): Node | null {
  let node = parent.firstChild;
  while (node && !rendered.has(node)) {
    node = node.nextSibling;
  }
  return node;
}

function nextRendered(node: Node): Node | null {
  let sibling = node.nextSibling;
  while (sibling && !rendered.has(sibling)) {
    sibling = sibling.nextSibling;
  }
  return sibling;
}

function reuse(dom: Node, before: RNode, after: RNode, host: Host): void {
  if (before === after) {
    return;
  }
  rendered.set(dom, after);
  if (typeof after === 'string') {
    if (before !== after) {
      dom.textContent = after;
    }
    return;
  }
  const element = dom as HTMLElement;
  host.update(element, after, before as RElement);
  patchChildren(element, (before as RElement).children, after.children, host);
}
