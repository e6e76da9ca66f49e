/**
 * The last good data of every live layer, kept in IndexedDB (idb-keyval, own database
 * "onemap-live" — separate from the import helper's stores) so a failing source or an offline
 * reload still shows it. Keyed by kind and source URL: pointing a layer elsewhere never shows the
 * old source's rows as the new one's.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Resource, ResourceKind } from '../../io/schemas/resource';

export interface LastGood {
  kind: ResourceKind;
  source: string;
  resources: Resource[];
  rowCount: number;
  issueCount: number;
  /** When it was fetched (ISO). */
  fetchedAt: string;
  /** The newest updatedAt of its rows, or fetchedAt (ISO). */
  asOf: string;
}

let store: UseStore | null = null;
function db(): UseStore | null {
  if (typeof indexedDB === 'undefined') return null;
  store ??= createStore('onemap-live', 'last-good');
  return store;
}

const keyOf = (kind: ResourceKind, source: string) => `${kind} ${source}`;

export async function readLastGood(kind: ResourceKind, source: string): Promise<LastGood | null> {
  const s = db();
  if (!s) return null;
  try {
    const v = await get<LastGood>(keyOf(kind, source), s);
    return v && Array.isArray(v.resources) && typeof v.fetchedAt === 'string' ? v : null;
  } catch (err) {
    console.warn(`last good data of ${kind} unreadable:`, (err as Error).message);
    return null;
  }
}

export async function writeLastGood(value: LastGood): Promise<void> {
  const s = db();
  if (!s) return;
  try {
    await set(keyOf(value.kind, value.source), value, s);
  } catch (err) {
    // Quota or private mode: the live layer still works, it just cannot survive a reload.
    console.warn(`last good data of ${value.kind} not saved:`, (err as Error).message);
  }
}
