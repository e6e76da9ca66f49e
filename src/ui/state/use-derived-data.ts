import { useCallback, useMemo } from 'react';
import { RESOURCE_KINDS, type ResourceKind } from '../../config/resource-kinds';
import type { Resource } from '../../io/schemas/resource';
import type { BasemapData } from '../../map/basemap-style';
import type { KindCount } from '../components/LayerPanel';
import type { TownshipOption } from '../components/FilterControls';
import type { ShelterState } from '../../config/resource-kinds';
import { countShelterTonight, distinctSpecialties, filterResources, type ResourceFilters } from './filters';
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
  resourceById: Map<string, Resource>;
  placeById: Map<string, Place>;
}

/** Everything the views compute from loaded data, filters and toggles (memoised per input). */
export function useDerivedData(
  byKind: Record<ResourceKind, Resource[]>,
  basemap: BasemapData | undefined,
  filters: ResourceFilters,
  visibleKinds: ReadonlySet<ResourceKind>,
): DerivedData {
  const all = useMemo(() => RESOURCE_KINDS.flatMap((k) => byKind[k]), [byKind]);
  const filteredByKind = useMemo(() => {
    const out = {} as Record<ResourceKind, Resource[]>;
    for (const k of RESOURCE_KINDS) out[k] = filterResources(byKind[k], filters);
    return out;
  }, [byKind, filters]);
  const counts = useMemo(() => {
    const out = {} as Record<ResourceKind, KindCount>;
    for (const k of RESOURCE_KINDS) {
      out[k] = { visible: visibleKinds.has(k) ? filteredByKind[k].length : 0, total: byKind[k].length };
    }
    return out;
  }, [byKind, filteredByKind, visibleKinds]);
  const shelterTonight = useMemo(() => countShelterTonight(filteredByKind.shelter), [filteredByKind]);
  const places = useMemo(() => (basemap ? placesFromBasemap(basemap.villages, basemap.townships) : []), [basemap]);
  const searchEntries = useMemo(() => buildSearchEntries(all, places), [all, places]);
  const townships = useMemo(
    () => places.filter((p) => p.target === 'township').map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn })),
    [places],
  );
  const specialties = useMemo(() => distinctSpecialties(byKind.rescue_team), [byKind]);
  const resourceById = useMemo(() => new Map(all.map((r) => [r.id, r])), [all]);
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
