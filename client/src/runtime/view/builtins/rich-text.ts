// <rich-text>: nodes given as an HTML string or as WeChat's node array, rebuilt from a whitelist of
// tags and attributes so a program's data can never inject script or load anything unexpected.
import { remember, shadow, text, type Attributes, type Builtin } from './builtin';

const TAGS = new Set(['a', 'abbr', 'b', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'fieldset', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'label', 'legend', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'section', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul']);
const ATTRIBUTES = new Set(['class', 'style', 'width', 'height', 'alt', 'align', 'colspan', 'rowspan', 'src']);

interface RichNode {
  type?: string;
  name?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  children?: RichNode[];
}

function fromHtml(html: string): RichNode[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const convert = (node: Node): RichNode | undefined => {
    if (node.nodeType === Node.TEXT_NODE) {
      return { type: 'text', text: node.textContent ?? '' };
    }
    if (node instanceof Element) {
      const attrs: Record<string, unknown> = {};
      for (const attribute of Array.from(node.attributes)) {
        attrs[attribute.name] = attribute.value;
      }
      return { name: node.localName, attrs, children: Array.from(node.childNodes).map(convert).filter((n): n is RichNode => n !== undefined) };
    }
    return undefined;
  };
  return Array.from(doc.body.childNodes).map(convert).filter((n): n is RichNode => n !== undefined);
}

function build(node: RichNode): Node | undefined {
  if (node.type === 'text') {
    return document.createTextNode(text(node.text));
  }
  const name = text(node.name).toLowerCase();
  if (!TAGS.has(name)) {
    return undefined;
  }
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    const attribute = key.toLowerCase();
    if (!ATTRIBUTES.has(attribute)) {
      continue;
    }
    if (attribute === 'src' && !/^(https?:|data:image\/)/i.test(text(value))) {
      continue;
    }
    element.setAttribute(attribute, text(value));
  }
  for (const child of node.children ?? []) {
    const built = build(child);
    if (built) {
      element.appendChild(built);
    }
  }
  return element;
}

export const richText: Builtin = {
  create(element) {
    shadow(element, ':host{display:block}img{max-width:100%}');
  },
  update(element, attributes: Attributes) {
    remember(element, attributes);
    const nodes = attributes['nodes'];
    const list = typeof nodes === 'string' ? fromHtml(nodes) : Array.isArray(nodes) ? (nodes as RichNode[]) : [];
    element.shadowRoot?.replaceChildren(...list.map(build).filter((n): n is Node => n !== undefined));
  },
};
