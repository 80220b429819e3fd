// A program's own files, as WeChat's file system manager sees them: the user data directory (wx.env.USER_DATA_PATH,
// wxfile://usr) and the files kept with saveFile (wxfile://store_…). They are held here in the Worker, so the Sync
// APIs answer at once, and every change is sent to the host, which keeps them for this program and user.
import type { StoredFile } from '../../bridge/messages';
import { post } from '../channel';

export const USER_DATA_PATH = 'wxfile://usr';
export const STORE_PREFIX = 'wxfile://store_';
/** What a program may keep in all, as in WeChat. */
export const FILE_QUOTA = 200 * 1024 * 1024;

/** A failure with WeChat's reason ("no such file or directory, open wxfile://usr/a.txt"); the API adds its name. */
export class FileError extends Error {}

interface Entry {
  data: Uint8Array | null;
  mtime: number;
}

const entries = new Map<string, Entry>();

function now(): number {
  return Math.floor(Date.now() / 1000);
}

export function loadFiles(snapshot: Record<string, StoredFile>): void {
  entries.clear();
  entries.set(USER_DATA_PATH, { data: null, mtime: now() });
  for (const [path, file] of Object.entries(snapshot)) {
    entries.set(path, { data: file.data ? new Uint8Array(file.data) : null, mtime: file.mtime });
  }
}

/** A path as the tree names it: no trailing slash, no empty or "." parts, ".." folded. */
export function normalize(path: unknown): string {
  const text = String(path ?? '');
  const match = /^(wxfile:\/\/[^/]+)(.*)$/.exec(text);
  if (!match) {
    return text;
  }
  const parts: string[] = [];
  for (const part of (match[2] ?? '').split('/')) {
    if (part === '..') {
      parts.pop();
    } else if (part !== '' && part !== '.') {
      parts.push(part);
    }
  }
  return [match[1], ...parts].join('/');
}

/** Whether the program may write there: its user data directory, or a saved file. */
export function writable(path: string): boolean {
  return path === USER_DATA_PATH || path.startsWith(`${USER_DATA_PATH}/`) || path.startsWith(STORE_PREFIX);
}

export function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

export function entry(path: string): Entry | undefined {
  return entries.get(path);
}

export function childrenOf(dir: string): string[] {
  const prefix = `${dir}/`;
  return [...entries.keys()].filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/')).map((path) => path.slice(prefix.length));
}

export function descendantsOf(dir: string): string[] {
  const prefix = `${dir}/`;
  return [...entries.keys()].filter((path) => path.startsWith(prefix));
}

export function savedFiles(): string[] {
  return [...entries.keys()].filter((path) => path.startsWith(STORE_PREFIX));
}

function used(except: string): number {
  let total = 0;
  for (const [path, { data }] of entries) {
    total += path === except ? 0 : (data?.byteLength ?? 0);
  }
  return total;
}

/** Writes a file (or makes a directory, for null), checked against the quota, and tells the host. */
export function put(path: string, data: Uint8Array | null): void {
  if (data && used(path) + data.byteLength > FILE_QUOTA) {
    throw new FileError('the maximum size of the file storage limit is exceeded');
  }
  const file = { data, mtime: now() };
  entries.set(path, file);
  post({ type: 'file', path, file: { data: data ? data.slice().buffer : null, mtime: file.mtime } });
}

export function remove(path: string): void {
  entries.delete(path);
  post({ type: 'file', path, file: null });
}
