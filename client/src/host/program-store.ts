// A program's wx storage on the host side: one record per program and user in IndexedDB, so programs
// never see each other's data. The container gets a snapshot at launch and sends every change back. The 10 MB
// cap the logic layer applies is applied here again: a program's own code can post a change the logic layer never made.
import { STORAGE_LIMIT_BYTES } from '../runtime/logic/wx/storage';
import { openDatabase } from './indexed-db';

const DB_NAME = 'capsule-program-storage';
const STORE = 'programs';

export class ProgramStore {
  private items: Record<string, string> = {};
  private writing: Promise<void> = Promise.resolve();
  private database: Promise<IDBDatabase> | undefined;

  constructor(private readonly scope: string) {}

  /** The database, opened on first use and kept open for this program's writes. */
  private db(): Promise<IDBDatabase> {
    this.database ??= openDatabase(DB_NAME, STORE, 'storage is unavailable');
    return this.database;
  }

  async load(): Promise<Record<string, string>> {
    const db = await this.db();
    this.items = await new Promise<Record<string, string>>((resolve, reject) => {
      const request = db.transaction(STORE).objectStore(STORE).get(this.scope);
      request.onsuccess = () => resolve((request.result as Record<string, string> | undefined) ?? {});
      request.onerror = () => reject(request.error ?? new Error('storage could not be read'));
    });
    return { ...this.items };
  }

  /** Keeps a change; refuses (false) one that is not a string or would take the program past its 10 MB. */
  set(key: unknown, value: unknown): boolean {
    if (typeof key !== 'string' || (value !== null && typeof value !== 'string')) {
      return false;
    }
    if (value === null) {
      delete this.items[key];
    } else {
      const others = Object.entries(this.items).reduce((total, [k, v]) => total + (k === key ? 0 : (k.length + v.length) * 2), 0);
      if (others + (key.length + value.length) * 2 > STORAGE_LIMIT_BYTES) {
        return false;
      }
      this.items[key] = value;
    }
    this.persist();
    return true;
  }

  clear(): void {
    this.items = {};
    this.persist();
  }

  private persist(): void {
    const snapshot = { ...this.items };
    this.writing = this.writing.then(async () => {
      const db = await this.db();
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(STORE, 'readwrite');
        transaction.objectStore(STORE).put(snapshot, this.scope);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('storage could not be written'));
      });
    });
  }
}
