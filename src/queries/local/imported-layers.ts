import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { del, entries, set } from 'idb-keyval';
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

const store = () => localStore('onemap-imports', 'layers');
const KEY = ['local', 'imported-layers'] as const;

async function loadLayers(): Promise<ImportedLayer[]> {
  const all = await entries<string, ImportedLayer>(store());
  // layers kept before the choice existed sat beside the demo
  return all.map(([, v]) => ({ ...v, mode: v.mode === 'replace' ? 'replace' : 'beside' }) as ImportedLayer)
    .sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
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
    await set(layer.id, layer, store());
    update((prev) => [...prev.filter((l) => l.id !== layer.id), layer]);
  }, [client]); // eslint-disable-line react-hooks/exhaustive-deps
  const remove = useCallback(async (id: string) => {
    await del(id, store());
    update((prev) => prev.filter((l) => l.id !== id));
  }, [client]); // eslint-disable-line react-hooks/exhaustive-deps
  return { layers: query.data ?? NONE, ready: query.isSuccess || query.isError, add, remove, error: query.error?.message ?? null };
}

const NONE: readonly ImportedLayer[] = [];
