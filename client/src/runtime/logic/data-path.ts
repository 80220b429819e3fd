import type { Data } from '../bridge/messages';

/**
 * Applies one setData key to data. Keys may be paths such as "list[2].name" or "a.b",
 * creating objects and arrays along the way as WeChat does.
 */
export function setByPath(data: Data, path: string, value: unknown): void {
  const keys = parsePath(path);
  let target: Record<string | number, unknown> = data;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      target[key] = value;
      return;
    }
    const next = target[key];
    if (next === null || typeof next !== 'object') {
      target[key] = typeof keys[i + 1] === 'number' ? [] : {};
    }
    target = target[key] as Record<string | number, unknown>;
  });
}

/**
 * setByPath on a copy: data and each object or array the path goes through are copied, everything else is
 * shared. The view keeps its data this way, so a value a setData did not reach keeps its identity and the
 * render can reuse what it made from it.
 */
export function withPath(data: Data, path: string, value: unknown): Data {
  const keys = parsePath(path);
  const root: Data = { ...data };
  let target: Record<string | number, unknown> = root;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      target[key] = value;
      return;
    }
    const next = target[key];
    const copy = Array.isArray(next) ? next.slice() : next !== null && typeof next === 'object' ? { ...next } : typeof keys[i + 1] === 'number' ? [] : {};
    target[key] = copy;
    target = copy as Record<string | number, unknown>;
  });
  return root;
}

/** Reads a path ("a.b[2]") from data; undefined when any step is missing. */
export function getByPath(data: unknown, path: string): unknown {
  let value = data;
  for (const key of parsePath(path)) {
    if (value === null || typeof value !== 'object') {
      return undefined;
    }
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** "a.b[2].c" → ["a", "b", 2, "c"]. */
export function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    keys.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? ''));
  }
  return keys;
}

/**
 * A copy of a value as it would cross between WeChat's layers: JSON, so functions and undefined drop out of objects
 * and become null in arrays, and a value that is itself a function (Vant's `setData({ container: () => … })`) is null.
 */
export function toTransferable(value: unknown): unknown {
  const json = value === undefined ? undefined : JSON.stringify(value);
  return json === undefined ? null : (JSON.parse(json) as unknown);
}
