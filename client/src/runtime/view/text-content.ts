// What a <text> shows of its own text, as WeChat's text component gives it: with `space` (ensp, emsp or nbsp) each
// space becomes that fixed space, so runs of spaces stay; with `decode` the entities it knows become characters.
// Text anywhere else, and a <text> without them, shows exactly what was written (entities included).
import type { RElement } from './instance';

const SPACES: Record<string, string> = { ensp: '\u2002', emsp: '\u2003', nbsp: '\u00A0' };

const ENTITIES: [RegExp, string][] = [
  [/&nbsp;/g, '\u00A0'],
  [/&ensp;/g, '\u2002'],
  [/&emsp;/g, '\u2003'],
  [/&lt;/g, '<'],
  [/&gt;/g, '>'],
  [/&quot;/g, '"'],
  [/&apos;/g, "'"],
  [/&amp;/g, '&'],
];

/** The element's text children as shown, for a `wx-text` with `space` or `decode`; otherwise its children unchanged. */
export function shownText(element: RElement): RElement['children'] {
  const space = SPACES[String(element.attr['space'] ?? '')];
  const decode = Boolean(element.attr['decode']);
  if (element.tag !== 'wx-text' || (!space && !decode)) {
    return element.children;
  }
  return element.children.map((child) => {
    if (typeof child !== 'string') {
      return child;
    }
    let text = space ? child.replace(/ /g, space) : child;
    if (decode) {
      for (const [entity, character] of ENTITIES) {
        text = text.replace(entity, character);
      }
    }
    return text;
  });
}
