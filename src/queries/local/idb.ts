import { createStore, type UseStore } from 'idb-keyval';

const stores = new Map<string, UseStore>();

/** One IndexedDB object store per name, opened once per page (idb-keyval). */
export function localStore(dbName: string, storeName: string): UseStore {
  const key = `${dbName}/${storeName}`;
  let s = stores.get(key);
  if (!s) stores.set(key, (s = createStore(dbName, storeName)));
  return s;
}
