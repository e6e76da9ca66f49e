import { useMemo } from 'react';
import { RESOURCE_KINDS, type ResourceKind } from '../../config/resource-kinds';
import { useResources, type ResourcesByKind } from '../use-resources';
import { useImportedLayers } from './imported-layers';
import { mergeLocalData, type LocalData } from './merge-local';
import { useShelterEdits } from './shelter-edits';

export type LocalResourcesByKind = ResourcesByKind & { local: LocalData };

/**
 * The resources every view shows: the demo (or live) layers with this browser's imported layers
 * merged in (replacing or beside the demo layer of their kind) and the shelter edits laid over,
 * so counts, filters, search, the detail panel, the map and the duty lists all see the same rows.
 * Loading until IndexedDB has answered (a link to an imported row's id then finds it).
 */
export function useLocalResources(): LocalResourcesByKind {
  const base = useResources();
  const imported = useImportedLayers();
  const shelterEdits = useShelterEdits();
  const merged = useMemo(() => mergeLocalData(base.byKind, imported.layers, shelterEdits.edits), [base.byKind, imported.layers, shelterEdits.edits]);
  return useMemo(() => {
    const rowCounts = { ...base.rowCounts };
    const issueCounts = { ...base.issueCounts };
    for (const k of RESOURCE_KINDS as readonly ResourceKind[]) {
      if (!merged.local.replacedKinds.has(k)) continue;
      rowCounts[k] = merged.byKind[k].length;
      issueCounts[k] = 0;
    }
    return { ...base, byKind: merged.byKind, rowCounts, issueCounts, isLoading: base.isLoading || !imported.ready || !shelterEdits.ready, local: merged.local };
  }, [base, merged, imported.ready, shelterEdits.ready]);
}
