// A program's wx storage on the host side: one record per program and user in IndexedDB, so programs
// never see each other's data. The container gets a snapshot at launch and sends every change back.
const DB_NAME = 'capsule-program-storage';
const STORE = 'programs';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('storage is unavailable'));
  });
}

export class ProgramStore {
  private items: Record<string, string> = {};
  private writing: Promise<void> = Promise.resolve();
  private database: Promise<IDBDatabase> | undefined;

  constructor(private readonly scope: string) {}

  /** The database, opened on first use and kept open for this program's writes. */
  private db(): Promise<IDBDatabase> {
    this.database ??= open();
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

  set(key: string, value: string | null): void {
    if (value === null) {
      delete this.items[key];
    } else {
      this.items[key] = value;
    }
    this.persist();
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
