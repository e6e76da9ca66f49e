import { RESOURCE_KINDS, type Resource, type ResourceKind } from '../../io/schemas/resource';
import type { ImportedLayer, ImportMode } from './imported-layers';
import type { ShelterEdit } from './shelter-edits';

/** An imported layer as the layer panel tells it. */
export interface LocalLayerInfo {
  readonly layerId: string;
  readonly sourceFile: string;
  readonly importedAt: string;
  readonly mode: ImportMode;
  /** its rows */
  readonly count: number;
  /** of them, rows that took the place of an earlier row with the same id (demo or imported) */
  readonly replacedById: number;
}

/** Where an imported row came from. */
export interface ImportedFrom {
  readonly layerId: string;
  readonly sourceFile: string;
  readonly importedAt: string;
}

export interface LocalData {
  /** imported layers per kind, in import order */
  readonly layersByKind: Readonly<Partial<Record<ResourceKind, readonly LocalLayerInfo[]>>>;
  /** the imported rows shown, by id */
  readonly importedFrom: ReadonlyMap<string, ImportedFrom>;
  /** the edits laid over a shown shelter, by id */
  readonly edited: ReadonlyMap<string, ShelterEdit>;
  /** kinds whose demo (or live) rows an imported layer replaces */
  readonly replacedKinds: ReadonlySet<ResourceKind>;
}

/** A shelter with an edit laid over it: open flag, occupancy (never above capacity), updatedAt. */
export function applyShelterEdit(r: Resource, edit: ShelterEdit | undefined): Resource {
  if (!edit || r.kind !== 'shelter') return r;
  return { ...r, open: edit.open, occupancy: Math.max(0, Math.min(edit.occupancy, r.capacity)), updatedAt: edit.editedAt };
}

/**
 * The resources the app shows: per kind the demo (or live) rows, unless an imported layer of that
 * kind replaces them, then every imported layer in import order (a row whose id is already shown
 * takes that row's place, so ids stay unique), then the shelter edits laid over their rows by id.
 * Kinds nothing touches keep their array (same identity), so nothing downstream recomputes.
 */
export function mergeLocalData(
  byKind: Readonly<Record<ResourceKind, readonly Resource[]>>,
  layers: readonly ImportedLayer[],
  edits: ReadonlyMap<string, ShelterEdit>,
): { byKind: Record<ResourceKind, Resource[]>; local: LocalData } {
  const out = {} as Record<ResourceKind, Resource[]>;
  const layersByKind: Partial<Record<ResourceKind, LocalLayerInfo[]>> = {};
  const importedFrom = new Map<string, ImportedFrom>();
  const edited = new Map<string, ShelterEdit>();
  const replacedKinds = new Set<ResourceKind>();
  for (const kind of RESOURCE_KINDS) {
    const mine = layers.filter((l) => l.kind === kind);
    const base = byKind[kind];
    if (mine.length === 0 && (kind !== 'shelter' || edits.size === 0)) {
      out[kind] = base as Resource[];
      continue;
    }
    const replace = mine.some((l) => l.mode === 'replace');
    if (replace) replacedKinds.add(kind);
    const rows: Resource[] = replace ? [] : [...base];
    const at = new Map<string, number>();
    rows.forEach((r, i) => at.set(r.id, i));
    const infos: LocalLayerInfo[] = [];
    for (const l of mine) {
      let replacedById = 0;
      const from: ImportedFrom = { layerId: l.id, sourceFile: l.sourceFile, importedAt: l.importedAt };
      for (const r of l.resources) {
        if (r.kind !== kind) continue;
        const i = at.get(r.id);
        if (i === undefined) {
          at.set(r.id, rows.length);
          rows.push(r);
        } else {
          rows[i] = r;
          replacedById++;
        }
        importedFrom.set(r.id, from);
      }
      infos.push({ layerId: l.id, sourceFile: l.sourceFile, importedAt: l.importedAt, mode: l.mode, count: l.resources.length, replacedById });
    }
    if (infos.length > 0) layersByKind[kind] = infos;
    if (kind === 'shelter') {
      for (let i = 0; i < rows.length; i++) {
        const e = edits.get(rows[i]!.id);
        if (!e) continue;
        rows[i] = applyShelterEdit(rows[i]!, e);
        edited.set(rows[i]!.id, e);
      }
    }
    out[kind] = rows;
  }
  return { byKind: out, local: { layersByKind, importedFrom, edited, replacedKinds } };
}
