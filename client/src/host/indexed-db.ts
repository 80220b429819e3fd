// Opens one of the host's IndexedDB databases, made with its one object store the first time.
export function openDatabase(name: string, store: string, unavailable: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(unavailable));
  });
}
