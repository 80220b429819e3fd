import type { VNode } from '../bridge/messages';

/**
 * Builds DOM nodes from a virtual DOM tree. Values are set as text and attributes only, never parsed
 * as HTML, so data can never inject markup.
 */
export function createNode(node: VNode, doc: Document): Node {
  if (typeof node === 'string') {
    return doc.createTextNode(node);
  }
  const element = doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attr ?? {})) {
    setAttribute(element, name, value);
  }
  for (const child of node.children ?? []) {
    element.appendChild(createNode(child, doc));
  }
  return element;
}

function setAttribute(element: Element, name: string, value: unknown): void {
  if (value === false || value === null || value === undefined) {
    return;
  }
  if (!isSafeAttributeName(name)) {
    return;
  }
  const text = value === true ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  element.setAttribute(name, text);
}

/** Attribute names a mini program may set: no inline event handlers, nothing that isn't a plain name. */
function isSafeAttributeName(name: string): boolean {
  return /^[a-zA-Z_][\w:.-]*$/.test(name) && !/^on/i.test(name);
}

/** Replaces the content of a page root with a freshly rendered tree. */
export function renderInto(root: Element, tree: VNode): void {
  root.replaceChildren(createNode(tree, root.ownerDocument));
}
