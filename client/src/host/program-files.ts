// A program's files on the host side (wx.env.USER_DATA_PATH and files kept with wx.saveFile): one IndexedDB record per
// file, keyed by program, user and path, so programs never see each other's files. The logic layer gets them all at
// launch and sends every change back, as storage does. What the logic layer checks (where a program may write, its
// 200 MB) is checked here again: a program's own code can post a change the logic layer never made.
import type { FileChange, StoredFile } from '../runtime/bridge/messages';
import { FILE_QUOTA, writable } from '../runtime/logic/wx/file-tree';
import { openDatabase } from './indexed-db';

const DB_NAME = 'capsule-program-files';
const STORE = 'files';

export class ProgramFiles {
  private database: Promise<IDBDatabase> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** The size of each file, as loaded and changed since. */
  private readonly sizes = new Map<string, number>();

  constructor(private readonly scope: string) {}

  private db(): Promise<IDBDatabase> {
    this.database ??= openDatabase(DB_NAME, STORE, 'file storage is unavailable');
    return this.database;
  }

  private key(path: string): string {
    return `${this.scope}\n${path}`;
  }

  async load(): Promise<Record<string, StoredFile>> {
    const db = await this.db();
    const prefix = this.key('');
    return new Promise((resolve, reject) => {
      const files: Record<string, StoredFile> = {};
      const request = db.transaction(STORE).objectStore(STORE).openCursor(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) {
          resolve(files);
          return;
        }
        const path = String(cursor.key).slice(prefix.length);
        const file = cursor.value as StoredFile;
        files[path] = file;
        this.sizes.set(path, file.data?.byteLength ?? 0);
        cursor.continue();
      };
      request.onerror = () => reject(request.error ?? new Error('files could not be read'));
    });
  }

  /** Keeps a change, after the ones before it; refuses (false) one outside the program's files or past its 200 MB. */
  apply(change: FileChange): boolean {
    const data = change.file?.data;
    if (typeof change.path !== 'string' || !writable(change.path) || (change.file && data !== null && !(data instanceof ArrayBuffer))) {
      return false;
    }
    const others = [...this.sizes].reduce((total, [path, size]) => total + (path === change.path ? 0 : size), 0);
    if (data && others + data.byteLength > FILE_QUOTA) {
      return false;
    }
    if (change.file) {
      this.sizes.set(change.path, data?.byteLength ?? 0);
    } else {
      this.sizes.delete(change.path);
    }
    this.writing = this.writing.then(async () => {
      const db = await this.db();
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(STORE, 'readwrite');
        const store = transaction.objectStore(STORE);
        if (change.file) {
          store.put(change.file, this.key(change.path));
        } else {
          store.delete(this.key(change.path));
        }
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('a file could not be written'));
      });
    });
    this.writing.catch(() => undefined);
    return true;
  }
}
