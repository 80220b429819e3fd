// The selectors selectComponent and selectAllComponents accept: "#id", ".a.b", "#id.a", and lists
// separated by commas.
import type { HostNode } from '../../bridge/messages';

export function matches(node: HostNode, selector: string): boolean {
  return selector.split(',').some((part) => matchesOne(node, part.trim()));
}

function matchesOne(node: HostNode, selector: string): boolean {
  const tokens = selector.match(/[#.][\w-]+/g);
  if (!tokens || tokens.join('') !== selector) {
    return false;
  }
  return tokens.every((token) => (token.startsWith('#') ? node.id === token.slice(1) : node.classes.includes(token.slice(1))));
}
