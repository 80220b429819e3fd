// wx.getFileSystemManager() and the saved-file APIs (wx.saveFile, getSavedFileList, getSavedFileInfo, removeSavedFile,
// getFileInfo) over the program's own files (file-tree.ts). Each operation has WeChat's asynchronous form (callbacks or
// a promise) and its Sync form, which throws an Error "<name>Sync:fail <reason>". Temporary files (wxfile://tmp_…)
// are the host's: they are read through it, so only the asynchronous forms take them.
import type { Data } from '../../bridge/messages';
import { request } from '../channel';
import { ApiFailure, asyncApi } from './callback-style';
import { childrenOf, descendantsOf, entry, FileError, normalize, parentOf, put, remove, savedFiles, STORE_PREFIX, USER_DATA_PATH, writable } from './file-tree';
import { partial } from './unsupported';

const TEMP_PREFIX = 'wxfile://tmp_';

function encode(data: unknown, encoding: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) {
    return new Uint8Array(data.slice(0));
  }
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  }
  const text = String(data ?? '');
  switch (String(encoding ?? 'utf8').toLowerCase()) {
    case 'base64':
      return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    case 'hex':
      return Uint8Array.from(text.match(/[0-9a-f]{2}/gi) ?? [], (pair) => parseInt(pair, 16));
    case 'binary':
    case 'latin1':
    case 'ascii':
      return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer);
    case 'utf8':
    case 'utf-8':
      return new TextEncoder().encode(text);
    default:
      throw new FileError(`invalid encoding ${String(encoding)}`);
  }
}

function decode(bytes: Uint8Array, encoding: unknown): string | ArrayBuffer {
  if (encoding === undefined || encoding === null || encoding === '') {
    return bytes.slice().buffer;
  }
  switch (String(encoding).toLowerCase()) {
    case 'base64':
      return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
    case 'hex':
      return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    case 'binary':
    case 'latin1':
    case 'ascii':
      return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return String.fromCharCode(...new Uint16Array(bytes.slice(0, bytes.byteLength - (bytes.byteLength % 2)).buffer));
    case 'utf8':
    case 'utf-8':
      return new TextDecoder().decode(bytes);
    default:
      throw new FileError(`invalid encoding ${String(encoding)}`);
  }
}

function stats(path: string): Data {
  const found = entry(path);
  if (!found) {
    throw new FileError(`no such file or directory ${path}`);
  }
  const directory = found.data === null;
  return {
    mode: directory ? 0o40777 : 0o100666,
    size: found.data?.byteLength ?? 0,
    lastAccessedTime: found.mtime,
    lastModifiedTime: found.mtime,
    isDirectory: () => directory,
    isFile: () => !directory,
  };
}

function fileBytes(path: string, verb = 'open'): Uint8Array {
  const found = entry(path);
  if (!found) {
    throw new FileError(path.startsWith(TEMP_PREFIX) ? `${path} is a temporary file: only the asynchronous API reads it in Capsule` : `no such file or directory, ${verb} ${path}`);
  }
  if (!found.data) {
    throw new FileError(`illegal operation on a directory, ${verb} ${path}`);
  }
  return found.data;
}

function checkWritable(path: string, verb: string): void {
  if (!writable(path)) {
    throw new FileError(`permission denied, ${verb} ${path}`);
  }
  if (!path.startsWith(STORE_PREFIX) && entry(parentOf(path))?.data !== null) {
    throw new FileError(`no such file or directory, ${verb} ${path}`);
  }
}

function write(path: string, bytes: Uint8Array): void {
  checkWritable(path, 'open');
  if (entry(path)?.data === null) {
    throw new FileError(`illegal operation on a directory, open ${path}`);
  }
  put(path, bytes);
}

function makeDirectory(path: string, recursive: boolean): void {
  if (!writable(path) || path.startsWith(STORE_PREFIX)) {
    throw new FileError(`permission denied, open ${path}`);
  }
  if (entry(path)) {
    throw new FileError(`file already exists ${path}`);
  }
  const parent = parentOf(path);
  if (!entry(parent)) {
    if (!recursive || !writable(parent)) {
      throw new FileError(`no such file or directory ${path}`);
    }
    makeDirectory(parent, true);
  } else if (entry(parent)?.data !== null) {
    throw new FileError(`not a directory ${parent}`);
  }
  put(path, null);
}

function directory(path: string): void {
  const found = entry(path);
  if (!found) {
    throw new FileError(`no such file or directory ${path}`);
  }
  if (found.data !== null) {
    throw new FileError(`not a directory ${path}`);
  }
}

function savedPath(source: string): string {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(source)?.[1];
  const id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${STORE_PREFIX}${id}${extension ? `.${extension}` : ''}`;
}

/** The operations, on an options object as the asynchronous form takes it; each returns its result or throws a FileError. */
const OPERATIONS: Record<string, (o: Data) => Data | void> = {
  access: (o) => void stats(normalize(o['path'])),
  stat: (o) => ({ stats: stats(normalize(o['path'])) }),
  readFile: (o) => {
    const bytes = fileBytes(normalize(o['filePath']));
    const position = Number(o['position'] ?? 0) || 0;
    const length = o['length'] === undefined ? bytes.byteLength - position : Number(o['length']);
    return { data: decode(bytes.subarray(position, position + length), o['encoding']) };
  },
  writeFile: (o) => write(normalize(o['filePath']), encode(o['data'], o['encoding'])),
  appendFile: (o) => {
    const path = normalize(o['filePath']);
    const before = fileBytes(path);
    const added = encode(o['data'], o['encoding']);
    const joined = new Uint8Array(before.byteLength + added.byteLength);
    joined.set(before);
    joined.set(added, before.byteLength);
    write(path, joined);
  },
  truncate: (o) => {
    const path = normalize(o['filePath']);
    const bytes = fileBytes(path);
    const kept = new Uint8Array(Math.max(0, Number(o['length'] ?? 0) || 0));
    kept.set(bytes.subarray(0, kept.byteLength));
    write(path, kept);
  },
  copyFile: (o) => write(normalize(o['destPath']), fileBytes(normalize(o['srcPath'])).slice()),
  unlink: (o) => {
    const path = normalize(o['filePath']);
    fileBytes(path, 'unlink');
    if (!writable(path)) {
      throw new FileError(`permission denied, unlink ${path}`);
    }
    remove(path);
  },
  mkdir: (o) => makeDirectory(normalize(o['dirPath']), o['recursive'] === true),
  rmdir: (o) => {
    const path = normalize(o['dirPath']);
    directory(path);
    if (path === USER_DATA_PATH || !writable(path)) {
      throw new FileError(`permission denied, rmdir ${path}`);
    }
    const inside = descendantsOf(path);
    if (inside.length > 0 && o['recursive'] !== true) {
      throw new FileError(`directory not empty ${path}`);
    }
    inside.forEach(remove);
    remove(path);
  },
  readdir: (o) => {
    const path = normalize(o['dirPath']);
    directory(path);
    return { files: childrenOf(path) };
  },
  rename: (o) => {
    const from = normalize(o['oldPath']);
    const to = normalize(o['newPath']);
    const found = entry(from);
    if (!found) {
      throw new FileError(`no such file or directory, rename ${from} -> ${to}`);
    }
    if (!writable(from) || !writable(to)) {
      throw new FileError(`permission denied, rename ${from} -> ${to}`);
    }
    checkWritable(to, 'rename');
    for (const inner of descendantsOf(from)) {
      put(to + inner.slice(from.length), entry(inner)?.data ?? null);
      remove(inner);
    }
    put(to, found.data);
    remove(from);
  },
  getFileInfo: (o) => ({ size: fileBytes(normalize(o['filePath'])).byteLength }),
  removeSavedFile: (o) => {
    const path = normalize(o['filePath']);
    if (!path.startsWith(STORE_PREFIX) || !entry(path)) {
      throw new FileError(`file not exist ${path}`);
    }
    remove(path);
  },
  getSavedFileList: () => ({
    fileList: savedFiles().map((filePath) => ({ filePath, size: entry(filePath)?.data?.byteLength ?? 0, createTime: entry(filePath)?.mtime ?? 0 })),
  }),
  saveFile: (o) => {
    const source = normalize(o['tempFilePath']);
    const target = o['filePath'] === undefined ? savedPath(source) : normalize(o['filePath']);
    write(target, fileBytes(source).slice());
    if (source.startsWith(STORE_PREFIX) || source.startsWith(`${USER_DATA_PATH}/`)) {
      remove(source);
    }
    return { savedFilePath: target };
  },
};

/** The positional arguments of each Sync form, as the options the operation takes. */
const SYNC_ARGUMENTS: Record<string, string[]> = {
  access: ['path'],
  stat: ['path', 'recursive'],
  readFile: ['filePath', 'encoding', 'position', 'length'],
  writeFile: ['filePath', 'data', 'encoding'],
  appendFile: ['filePath', 'data', 'encoding'],
  truncate: ['filePath', 'length'],
  copyFile: ['srcPath', 'destPath'],
  unlink: ['filePath'],
  mkdir: ['dirPath', 'recursive'],
  rmdir: ['dirPath', 'recursive'],
  readdir: ['dirPath'],
  rename: ['oldPath', 'newPath'],
  saveFile: ['tempFilePath', 'filePath'],
};

/** What each Sync form returns: the field of the asynchronous form's result it is (the others return nothing). */
const SYNC_RESULTS: Record<string, string> = { readFile: 'data', stat: 'stats', readdir: 'files', saveFile: 'savedFilePath' };

/** Copies a temporary file's bytes into the tree's reach for one operation: the host has them. */
async function withTemporary<T>(path: unknown, run: (bytes: Uint8Array | undefined) => T): Promise<T> {
  const name = normalize(path);
  if (!name.startsWith(TEMP_PREFIX)) {
    return run(undefined);
  }
  const answer = await request('readTempFile', { path: name });
  const blob = (answer.result as { blob?: unknown } | undefined)?.blob;
  if (!answer.ok || !(blob instanceof Blob)) {
    throw new FileError(`no such file or directory, open ${name}`);
  }
  return run(new Uint8Array(await blob.arrayBuffer()));
}

function failure(error: unknown): never {
  throw error instanceof FileError ? new ApiFailure(error.message) : error;
}

function asynchronous(name: string): (options?: Data) => unknown {
  const operation = OPERATIONS[name] ?? (() => undefined);
  return asyncApi(name, async (o) => {
    const source = name === 'saveFile' ? o['tempFilePath'] : name === 'copyFile' ? o['srcPath'] : name === 'getFileInfo' || name === 'readFile' ? o['filePath'] : undefined;
    try {
      return await withTemporary(source, (bytes) => (bytes ? fromTemporary(name, o, bytes) : operation(o)));
    } catch (error) {
      return failure(error);
    }
  });
}

/** An operation whose source is a temporary file, given its bytes. */
function fromTemporary(name: string, o: Data, bytes: Uint8Array): Data | void {
  switch (name) {
    case 'readFile':
      return { data: decode(bytes, o['encoding']) };
    case 'getFileInfo':
      return { size: bytes.byteLength };
    case 'copyFile':
      return write(normalize(o['destPath']), bytes);
    default: {
      const target = o['filePath'] === undefined ? savedPath(normalize(o['tempFilePath'])) : normalize(o['filePath']);
      write(target, bytes);
      return { savedFilePath: target };
    }
  }
}

function synchronous(name: string): (...args: unknown[]) => unknown {
  const operation = OPERATIONS[name] ?? (() => undefined);
  const names = SYNC_ARGUMENTS[name] ?? [];
  return (...args: unknown[]) => {
    const options: Data = {};
    names.forEach((key, i) => (options[key] = args[i]));
    try {
      const result = operation(options);
      const returned = SYNC_RESULTS[name];
      return returned === undefined ? undefined : result?.[returned];
    } catch (error) {
      throw error instanceof FileError ? new Error(`${name}Sync:fail ${error.message}`) : error;
    }
  };
}

function fileSystemManager(): Data {
  const manager: Data = {};
  for (const name of Object.keys(OPERATIONS)) {
    manager[name] = asynchronous(name);
    if (SYNC_ARGUMENTS[name]) {
      manager[`${name}Sync`] = synchronous(name);
    }
  }
  return partial('fileSystemManager', manager);
}

export function fileSystemApis(): Data {
  return {
    getFileSystemManager: fileSystemManager,
    saveFile: asynchronous('saveFile'),
    getSavedFileList: asynchronous('getSavedFileList'),
    getSavedFileInfo: asyncApi('getSavedFileInfo', (o) => {
      const path = normalize(o['filePath']);
      const found = path.startsWith(STORE_PREFIX) ? entry(path) : undefined;
      if (!found?.data) {
        throw new ApiFailure(`file not exist ${path}`);
      }
      return { size: found.data.byteLength, createTime: found.mtime };
    }),
    removeSavedFile: asynchronous('removeSavedFile'),
    getFileInfo: asynchronous('getFileInfo'),
  };
}
