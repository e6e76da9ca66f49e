import type { ResourceKind } from '../../../../config/resource-kinds';
import type { Resource } from '../../../../io/schemas/resource';
import type { Place } from '../../../state/selection';

export type EntryKind = 'village' | Exclude<ResourceKind, 'camera'>;
export const ENTRY_KINDS: readonly EntryKind[] = ['village', 'shelter', 'rescue_team', 'fire_station', 'depot'];

/** Something the storm can reach: a village (people) or a resource (shelter places). */
export interface Entry {
  readonly key: string;
  readonly kind: EntryKind;
  readonly id: string;
  readonly name: string;
  readonly lngLat: readonly [number, number];
  /** villages: people */
  readonly population: number;
  /** shelters: free places (capacity − occupancy) when open, else 0 */
  readonly freePlaces: number;
  /** shelters: open with free places, so a village can be sent there */
  readonly receives: boolean;
  /** shelters: open now */
  readonly open: boolean;
}

/** Villages and the four resource kinds the typhoon view counts (cameras are not counted). */
export function buildEntries(places: readonly Place[], byKind: Readonly<Record<ResourceKind, Resource[]>>): Entry[] {
  const out: Entry[] = [];
  for (const p of places) {
    if (p.target !== 'village') continue;
    out.push({ key: `village:${p.id}`, kind: 'village', id: p.id, name: p.name, lngLat: p.lngLat, population: p.population ?? 0, freePlaces: 0, receives: false, open: false });
  }
  for (const kind of ENTRY_KINDS) {
    if (kind === 'village') continue;
    for (const r of byKind[kind] ?? []) {
      const free = r.kind === 'shelter' && r.open ? Math.max(0, r.capacity - r.occupancy) : 0;
      out.push({ key: `${kind}:${r.id}`, kind, id: r.id, name: r.name, lngLat: r.lngLat, population: 0, freePlaces: free, receives: r.kind === 'shelter' && r.open && free > 0, open: r.kind === 'shelter' && r.open });
    }
  }
  return out;
}
