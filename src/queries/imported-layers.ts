import { useCallback, useEffect, useState } from 'react';
import { createStore, del, entries, set } from 'idb-keyval';
import type { Resource, ResourceKind } from '../io/schemas/resource';

/** An imported layer as kept in the browser (IndexedDB), beside the demo layers. */
export interface ImportedLayer {
  readonly id: string;
  readonly kind: ResourceKind;
  readonly sourceFile: string;
  /** ISO time of the import */
  readonly importedAt: string;
  readonly resources: readonly Resource[];
}

const store = () => createStore('onemap-imports', 'layers');

/** The imported layers, persisted in IndexedDB (idb-keyval); add and remove keep it in sync. */
export function useImportedLayers() {
  const [layers, setLayers] = useState<readonly ImportedLayer[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    entries<string, ImportedLayer>(store())
      .then((all) => alive && setLayers(all.map(([, v]) => v).sort((a, b) => a.importedAt.localeCompare(b.importedAt))))
      .catch((e: Error) => alive && setError(e.message));
    return () => {
      alive = false;
    };
  }, []);
  const add = useCallback(async (layer: ImportedLayer) => {
    await set(layer.id, layer, store());
    setLayers((prev) => [...prev.filter((l) => l.id !== layer.id), layer]);
  }, []);
  const remove = useCallback(async (id: string) => {
    await del(id, store());
    setLayers((prev) => prev.filter((l) => l.id !== id));
  }, []);
  return { layers, add, remove, error };
}
