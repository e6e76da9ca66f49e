import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { del, get, keys, set } from 'idb-keyval';
import type { Resource, ResourceKind } from '../../io/schemas/resource';
import { localStore } from './idb';

/** How an imported layer meets the demo layer of its kind. */
export type ImportMode = 'replace' | 'beside';
export const IMPORT_MODES: readonly ImportMode[] = ['beside', 'replace'];

/** An imported layer as kept in the browser (IndexedDB). */
export interface ImportedLayer {
  readonly id: string;
  readonly kind: ResourceKind;
  readonly sourceFile: string;
  /** ISO time of the import */
  readonly importedAt: string;
  /** 'replace': the demo (or live) rows of its kind are left out; 'beside': drawn with them, an imported row replacing the one of the same id */
  readonly mode: ImportMode;
  readonly resources: readonly Resource[];
}

/**
 * Stored as a record under the layer's id (everything but the rows, and how many parts) and its
 * rows in parts of PART_ROWS (1,000) under [id, part]: each part is written and read in a short task of
 * its own, so a 100,000-row layer never holds the page for long.
 */
interface StoredLayer extends Omit<ImportedLayer, 'resources'> {
  readonly parts?: number;
  /** layers kept before parts existed hold their rows here */
  readonly resources?: readonly Resource[];
}
const PART_ROWS = 1000;

const store = () => localStore('onemap-imports', 'layers');
const KEY = ['local', 'imported-layers'] as const;

async function loadLayers(): Promise<ImportedLayer[]> {
  const ids = (await keys(store())).filter((k): k is string => typeof k === 'string');
  const out: ImportedLayer[] = [];
  for (const id of ids) {
    const meta = await get<StoredLayer>(id, store());
    if (!meta) continue;
    const resources: Resource[] = [...(meta.resources ?? [])];
    for (let i = 0; i < (meta.parts ?? 0); i++) {
      for (const r of (await get<Resource[]>([id, i], store())) ?? []) resources.push(r);
    }
    const { parts: _parts, ...rest } = meta;
    // layers kept before the choice existed sat beside the demo
    out.push({ ...rest, mode: meta.mode === 'replace' ? 'replace' : 'beside', resources });
  }
  return out.sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
}

async function saveLayer(layer: ImportedLayer): Promise<void> {
  const parts = Math.ceil(layer.resources.length / PART_ROWS);
  for (let i = 0; i < parts; i++) await set([layer.id, i], layer.resources.slice(i * PART_ROWS, (i + 1) * PART_ROWS), store());
  const { resources: _rows, ...meta } = layer;
  // the record last: a layer whose parts were not all written is never listed
  await set(layer.id, { ...meta, parts } satisfies StoredLayer, store());
}

async function deleteLayer(id: string): Promise<void> {
  await del(id, store());
  for (const k of await keys(store())) if (Array.isArray(k) && k[0] === id) await del(k, store());
}

/**
 * The imported layers, persisted in IndexedDB (idb-keyval) and shared by every user of the hook
 * (TanStack Query cache): the shell merges them into the resources, the import view lists them.
 */
export function useImportedLayers() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: KEY, queryFn: loadLayers, staleTime: Infinity, gcTime: Infinity, retry: false });
  const update = (f: (prev: readonly ImportedLayer[]) => readonly ImportedLayer[]) => client.setQueryData<readonly ImportedLayer[]>(KEY, (prev) => f(prev ?? []));
  const add = useCallback(async (layer: ImportedLayer) => {
    await saveLayer(layer);
    update((prev) => [...prev.filter((l) => l.id !== layer.id), layer]);
  }, [client]); // eslint-disable-line react-hooks/exhaustive-deps
  const remove = useCallback(async (id: string) => {
    await deleteLayer(id);
    update((prev) => prev.filter((l) => l.id !== id));
  }, [client]); // eslint-disable-line react-hooks/exhaustive-deps
  return { layers: query.data ?? NONE, ready: query.isSuccess || query.isError, add, remove, error: query.error?.message ?? null };
}

const NONE: readonly ImportedLayer[] = [];
