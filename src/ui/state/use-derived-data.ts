import { useCallback, useEffect, useMemo, useState } from 'react';
import { RESOURCE_KINDS, type ResourceKind } from '../../config/resource-kinds';
import type { Resource } from '../../io/schemas/resource';
import type { BasemapData } from '../../map/basemap-style';
import type { KindCount } from '../components/LayerPanel';
import type { TownshipOption } from '../components/FilterControls';
import type { ShelterState } from '../../config/resource-kinds';
import { countShelterTonight, distinctSpecialties, filterResources, isDefaultFilters, type ResourceFilters } from './filters';
import { buildSearchEntries, placesFromBasemap, type Place } from './selection';
import type { SearchEntry } from './search';

export interface DerivedData {
  filteredByKind: Record<ResourceKind, Resource[]>;
  counts: Record<ResourceKind, KindCount>;
  /** Filtered shelters by tonight's state. */
  shelterTonight: Record<ShelterState, number>;
  places: Place[];
  searchEntries: SearchEntry[];
  townships: TownshipOption[];
  specialties: string[];
  resourceById: ResourceLookup;
  placeById: Map<string, Place>;
}

/** A resource by id (every kind); a ReadonlyMap is one. */
export interface ResourceLookup {
  get(id: string): Resource | undefined;
}

/*
 * Per-kind results, keyed by the kind's row array: a kind's rows keep their identity until its data
 * changes, so when one kind of a province arrives (or a live layer polls) only that kind is derived
 * again, not the 100,000 rows of all five in one render (~200–800 ms on the page's thread).
 */
const filteredCache = new WeakMap<readonly Resource[], { filters: ResourceFilters; out: Resource[] }>();
const byIdCache = new WeakMap<readonly Resource[], Map<string, Resource>>();
const entriesCache = new WeakMap<readonly Resource[], SearchEntry[]>();

function filteredOf(rows: Resource[], filters: ResourceFilters): Resource[] {
  // the default filters keep every row: the same array (no copy of 48,000 cameras)
  if (isDefaultFilters(filters)) return rows;
  const hit = filteredCache.get(rows);
  if (hit && hit.filters === filters) return hit.out;
  const out = filterResources(rows, filters);
  filteredCache.set(rows, { filters, out });
  return out;
}

function cached<T>(cache: WeakMap<readonly Resource[], T>, rows: readonly Resource[], make: (rows: readonly Resource[]) => T): T {
  let v = cache.get(rows);
  if (v === undefined) {
    v = make(rows);
    cache.set(rows, v);
  }
  return v;
}

/** Above this many rows the search entries and id maps are built after the render, a kind per task. */
const IDLE_ROWS = 20_000;
const rowCountOf = (byKind: Record<ResourceKind, Resource[]>) => RESOURCE_KINDS.reduce((n, k) => n + byKind[k].length, 0);

/**
 * Calls `perKind` with each kind's rows in a task of its own (setTimeout 0 between), then `done`;
 * returns what stops the rest (an effect's cleanup).
 */
function eachKindLater(byKind: Record<ResourceKind, Resource[]>, perKind: (rows: readonly Resource[]) => void, done?: () => void): () => void {
  const kinds = [...RESOURCE_KINDS];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    const k = kinds.shift();
    if (k === undefined) { done?.(); return; }
    perKind(byKind[k]);
    timer = setTimeout(step, 0);
  };
  timer = setTimeout(step, 0);
  return () => clearTimeout(timer);
}

const entriesOf = (rows: readonly Resource[]) => cached(entriesCache, rows, (r) => buildSearchEntries(r, []));

/**
 * The search box's entries: places and every resource. A province's 100,000 are built after the
 * render that brought them, one kind per task (setTimeout between), so the render itself stays
 * short; the box searches the previous entries until then (the demo's few hundred: at once).
 */
function useSearchEntries(byKind: Record<ResourceKind, Resource[]>, places: readonly Place[]): SearchEntry[] {
  const large = rowCountOf(byKind) > IDLE_ROWS;
  const now = useMemo(
    () => (large ? null : [...buildSearchEntries([], places), ...RESOURCE_KINDS.flatMap((k) => entriesOf(byKind[k]))]),
    [large, byKind, places],
  );
  const [later, setLater] = useState<SearchEntry[]>([]);
  useEffect(() => {
    if (!large) return;
    return eachKindLater(byKind, entriesOf, () => setLater([...buildSearchEntries([], places), ...RESOURCE_KINDS.flatMap((kind) => entriesOf(byKind[kind]))]));
  }, [large, byKind, places]);
  return now ?? later;
}

const byIdOf = (rows: readonly Resource[]) => cached(byIdCache, rows, (r) => new Map(r.map((x) => [x.id, x])));

/**
 * A resource by id over every kind. Each kind's id map is built when first asked for, not in the
 * render that brought the rows (a province's 100,000 rows took ~116 ms of its loading renders);
 * with more than IDLE_ROWS rows they are built after that render, a kind per task, so a
 * click rarely waits for one.
 */
function useResourceLookup(byKind: Record<ResourceKind, Resource[]>): ResourceLookup {
  const lookup = useMemo((): ResourceLookup => {
    const lists = RESOURCE_KINDS.map((k) => byKind[k]);
    return {
      get: (id) => {
        for (const rows of lists) {
          if (rows.length === 0) continue;
          const r = byIdOf(rows).get(id);
          if (r) return r;
        }
        return undefined;
      },
    };
  }, [byKind]);
  useEffect(() => (rowCountOf(byKind) > IDLE_ROWS ? eachKindLater(byKind, byIdOf) : undefined), [byKind]);
  return lookup;
}

/** Everything the views compute from loaded data, filters and toggles (memoised per input, and per kind). */
export function useDerivedData(
  byKind: Record<ResourceKind, Resource[]>,
  basemap: BasemapData | undefined,
  filters: ResourceFilters,
  visibleKinds: ReadonlySet<ResourceKind>,
): DerivedData {
  const filteredByKind = useMemo(() => {
    const out = {} as Record<ResourceKind, Resource[]>;
    for (const k of RESOURCE_KINDS) out[k] = filteredOf(byKind[k], filters);
    return out;
  }, [byKind, filters]);
  const counts = useMemo(() => {
    const out = {} as Record<ResourceKind, KindCount>;
    for (const k of RESOURCE_KINDS) {
      out[k] = { visible: visibleKinds.has(k) ? filteredByKind[k].length : 0, total: byKind[k].length };
    }
    return out;
  }, [byKind, filteredByKind, visibleKinds]);
  const filteredShelters = filteredByKind.shelter;
  const shelterTonight = useMemo(() => countShelterTonight(filteredShelters), [filteredShelters]);
  const places = useMemo(() => (basemap ? placesFromBasemap(basemap.villages, basemap.townships) : []), [basemap]);
  const searchEntries = useSearchEntries(byKind, places);
  const townships = useMemo(
    () => places.filter((p) => p.target === 'township').map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn })),
    [places],
  );
  const teams = byKind.rescue_team;
  const specialties = useMemo(() => distinctSpecialties(teams), [teams]);
  const resourceById = useResourceLookup(byKind);
  const placeById = useMemo(() => new Map(places.map((p) => [p.id, p])), [places]);
  return { filteredByKind, counts, shelterTonight, places, searchEntries, townships, specialties, resourceById, placeById };
}

/** A township's name by id in the page's language ('—' for none, the id when unknown). */
export function useTownshipName(placeById: ReadonlyMap<string, Place>, lang: string): (id: string | undefined) => string {
  return useCallback((id: string | undefined) => {
    if (!id) return '—';
    const p = placeById.get(id);
    return p ? (lang === 'en' && p.nameEn ? p.nameEn : p.name) : id;
  }, [placeById, lang]);
}
