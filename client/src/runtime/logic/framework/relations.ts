// Component relations (WeChat's `relations`): a component declaring `parent`/`ancestor` and one declaring
// the matching `child`/`descendant` are linked when one sits inside the other in the composed tree (slots
// included), which the view reports for every new component. linked/unlinked run on both sides, and
// getRelationNodes lists the linked instances.
import type { Data } from '../../bridge/messages';
import { guard } from '../errors';
import { instanceById, type Instance } from './instance';
import type { Fn } from './spec';

type RelationType = 'parent' | 'child' | 'ancestor' | 'descendant';

interface Link {
  outer: Instance;
  outerKey: string;
  inner: Instance;
  innerKey: string;
}

const links: Link[] = [];

const INVERSE: Record<RelationType, RelationType> = { parent: 'child', child: 'parent', ancestor: 'descendant', descendant: 'ancestor' };

function resolvePath(from: string, request: string): string {
  const parts = request.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const part of request.split('/')) {
    if (part === '..') {
      parts.pop();
    } else if (part && part !== '.') {
      parts.push(part);
    }
  }
  return parts.join('/');
}

/** The relation of `self` (of one of the given types) that names `other`, by path or by behavior. */
function relationTo(self: Instance, other: Instance, types: RelationType[]): string | undefined {
  for (const [key, relation] of Object.entries(self.spec.relations)) {
    if (!types.includes(relation['type'] as RelationType)) {
      continue;
    }
    const target = relation['target'];
    const named = target !== undefined ? other.spec.behaviors.includes(target) : [resolvePath(self.path, key), `${resolvePath(self.path, key)}/index`].includes(other.path);
    if (named) {
      return key;
    }
  }
  return undefined;
}

function call(instance: Instance, key: string, hook: string, other: Instance): void {
  const fn = instance.spec.relations[key]?.[hook];
  if (typeof fn === 'function') {
    guard(() => (fn as Fn).call(instance.self, other.self));
  }
}

/** Links a newly placed component with its composed-tree ancestors (nearest first) where both sides agree. */
export function placeComponent(id: number, ancestors: number[]): void {
  const inner = instanceById(id);
  if (!inner) {
    return;
  }
  ancestors.forEach((ancestorId, depth) => {
    const outer = instanceById(ancestorId);
    if (!outer) {
      return;
    }
    const innerTypes: RelationType[] = depth === 0 ? ['parent', 'ancestor'] : ['ancestor'];
    const innerKey = relationTo(inner, outer, innerTypes);
    const outerKey = innerKey === undefined ? undefined : relationTo(outer, inner, innerTypes.map((t) => INVERSE[t]));
    if (innerKey === undefined || outerKey === undefined) {
      return;
    }
    links.push({ outer, outerKey, inner, innerKey });
    call(inner, innerKey, 'linked', outer);
    call(outer, outerKey, 'linked', inner);
  });
}

/** Unlinks a component that leaves the tree, calling unlinked on both sides. */
export function unlinkComponent(instance: Instance): void {
  for (let i = links.length - 1; i >= 0; i--) {
    const link = links[i] as Link;
    if (link.inner === instance || link.outer === instance) {
      links.splice(i, 1);
      call(link.inner, link.innerKey, 'unlinked', link.outer);
      call(link.outer, link.outerKey, 'unlinked', link.inner);
    }
  }
}

/** this.getRelationNodes(key): the instances linked to `instance` through its relation `key`. */
export function relationNodes(instance: Instance, key: string): Data[] {
  const found: Data[] = [];
  for (const link of links) {
    if (link.outer === instance && link.outerKey === key) {
      found.push(link.inner.self);
    } else if (link.inner === instance && link.innerKey === key) {
      found.push(link.outer.self);
    }
  }
  return found;
}
