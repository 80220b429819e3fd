// wx storage: a program's own key-value store, isolated per program and user by the host, with
// WeChat's 10 MB cap. The Worker keeps a copy so the Sync APIs are synchronous; every write is passed
// to the host, which persists it.
import type { Data } from '../../bridge/messages';
import { post } from '../channel';
import { ApiFailure, asyncApi } from './callback-style';

export const STORAGE_LIMIT_BYTES = 10 * 1024 * 1024;

const items = new Map<string, string>();

export function loadStorage(snapshot: Record<string, string>): void {
  items.clear();
  for (const [key, value] of Object.entries(snapshot)) {
    items.set(key, value);
  }
}

function size(key: string, value: string): number {
  return (key.length + value.length) * 2;
}

function usedBytes(): number {
  let total = 0;
  items.forEach((value, key) => (total += size(key, value)));
  return total;
}

function encode(data: unknown): string {
  const type = data instanceof Date ? 'Date' : typeof data;
  return JSON.stringify({ type, data: data instanceof Date ? data.toISOString() : data });
}

function decode(stored: string): unknown {
  try {
    const parsed = JSON.parse(stored) as { type?: string; data?: unknown };
    return parsed.type === 'Date' ? new Date(String(parsed.data)) : parsed.data;
  } catch {
    return stored;
  }
}

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key === '') {
    throw new ApiFailure('parameter error: parameter.key should be String instead of ' + (key === undefined ? 'Undefined' : typeof key));
  }
  return key;
}

function set(key: unknown, data: unknown): void {
  const name = checkKey(key);
  const value = encode(data === undefined ? '' : data);
  const before = items.get(name);
  const used = usedBytes() - (before === undefined ? 0 : size(name, before));
  if (used + size(name, value) > STORAGE_LIMIT_BYTES) {
    throw new ApiFailure('exceed storage max size 10MB');
  }
  items.set(name, value);
  post({ type: 'storage', key: name, value });
}

function get(key: unknown): unknown {
  const stored = items.get(checkKey(key));
  if (stored === undefined) {
    throw new ApiFailure('data not found');
  }
  return decode(stored);
}

function remove(key: unknown): void {
  const name = checkKey(key);
  items.delete(name);
  post({ type: 'storage', key: name, value: null });
}

function clear(): void {
  items.clear();
  post({ type: 'storage-clear' });
}

function info(): Data {
  return { keys: [...items.keys()], currentSize: Math.ceil(usedBytes() / 1024), limitSize: STORAGE_LIMIT_BYTES / 1024 };
}

/** Sync APIs throw WeChat's error objects; get returns "" for a missing key as WeChat does. */
function sync<T>(name: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new Error(`${name}:fail ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const storageApis: Data = {
  setStorage: asyncApi('setStorage', (o) => set(o['key'], o['data'])),
  setStorageSync: (key: unknown, data: unknown) => sync('setStorageSync', () => set(key, data)),
  getStorage: asyncApi('getStorage', (o) => ({ data: get(o['key']) })),
  getStorageSync: (key: unknown) => sync('getStorageSync', () => (items.has(checkKey(key)) ? get(key) : '')),
  removeStorage: asyncApi('removeStorage', (o) => remove(o['key'])),
  removeStorageSync: (key: unknown) => sync('removeStorageSync', () => remove(key)),
  clearStorage: asyncApi('clearStorage', () => clear()),
  clearStorageSync: () => clear(),
  getStorageInfo: asyncApi('getStorageInfo', () => info()),
  getStorageInfoSync: () => info(),
};
