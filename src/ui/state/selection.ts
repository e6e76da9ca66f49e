import type { FeatureCollection } from 'geojson';
import type { ResourceKind } from '../../config/resource-kinds';
import type { SearchEntry } from './search';

/** Places from the basemap that can be searched and selected (villages, townships). */
export interface Place {
  target: 'village' | 'township';
  id: string;
  name: string;
  nameEn?: string;
  lngLat: readonly [number, number];
  township?: string;
  population?: number;
  code?: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function lngLatOf(v: unknown): readonly [number, number] | null {
  if (Array.isArray(v) && v.length >= 2 && Number.isFinite(v[0]) && Number.isFinite(v[1])) return [v[0] as number, v[1] as number];
  return null;
}

/** Villages are points; a township is placed at its seat. Features without a usable position are skipped. */
export function placesFromBasemap(villages: FeatureCollection, townships: FeatureCollection): Place[] {
  const out: Place[] = [];
  for (const f of townships.features) {
    const p = f.properties ?? {};
    const id = str(p.id);
    const name = str(p.name);
    const seat = lngLatOf(p.seat);
    if (!id || !name || !seat) continue;
    out.push({ target: 'township', id, name, nameEn: str(p.nameEn), lngLat: seat, population: num(p.population), code: str(p.code) });
  }
  for (const f of villages.features) {
    const p = f.properties ?? {};
    const id = str(p.id);
    const name = str(p.name);
    const pos = f.geometry?.type === 'Point' ? lngLatOf(f.geometry.coordinates) : null;
    if (!id || !name || !pos) continue;
    out.push({ target: 'village', id, name, nameEn: str(p.nameEn), lngLat: pos, township: str(p.township), population: num(p.population), code: str(p.code) });
  }
  return out;
}

export function buildSearchEntries(
  resources: readonly { id: string; name: string; nameEn?: string; kind: ResourceKind; lngLat: readonly [number, number] }[],
  places: readonly Place[],
): SearchEntry[] {
  return [
    ...places.map((p) => ({ target: p.target, id: p.id, name: p.name, nameEn: p.nameEn, lngLat: p.lngLat })),
    ...resources.map((r) => ({ target: 'resource' as const, id: r.id, name: r.name, nameEn: r.nameEn, kind: r.kind, lngLat: r.lngLat })),
  ];
}
