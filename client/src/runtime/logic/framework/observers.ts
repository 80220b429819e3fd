// Data observers: `observers: { 'a, b.c': fn, 'list.**': fn, '**': fn }`. An observer runs when setData
// sets one of its fields, an ancestor of one, or (with ".**") anything below it.
import { getByPath, parsePath } from '../data-path';
import type { ObserverSpec } from './spec';

function segments(path: string): string[] {
  return parsePath(path).map(String);
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
}

/** Whether setting `changed` concerns the observed field expression. */
export function concerns(field: string, changed: string): boolean {
  if (field === '**') {
    return true;
  }
  const deep = field.endsWith('.**');
  const observed = segments(deep ? field.slice(0, -3) : field);
  const set = segments(changed);
  return startsWith(observed, set) || (deep && startsWith(set, observed));
}

/** The observers that the changed paths trigger, each with the arguments it is called with. */
export function triggered(observers: ObserverSpec[], changed: string[], data: Record<string, unknown>): { observer: ObserverSpec; args: unknown[] }[] {
  const result: { observer: ObserverSpec; args: unknown[] }[] = [];
  for (const observer of observers) {
    if (observer.fields.some((field) => changed.some((path) => concerns(field, path)))) {
      result.push({
        observer,
        args: observer.fields.map((field) => (field === '**' ? data : getByPath(data, field.endsWith('.**') ? field.slice(0, -3) : field))),
      });
    }
  }
  return result;
}
