/**
 * Raw input → validated domain objects + issues. Bad rows never throw: each is reported
 * (row, id, field, value) and skipped; every valid row is kept.
 */
import { fromCsv } from './adapters/from-csv';
import { fromGeoJson, type FeatureCandidate } from './adapters/from-geojson';
import { validateCandidates } from './adapters/validate';
import { makeIoIssue, type IoIssue } from './schemas/issue';
import {
  TownshipPropertiesSchema,
  TownshipSeatSchema,
  VillageSchema,
  type TownshipProperties,
  type TownshipSeat,
  type Village,
} from './schemas/place';
import { ResourceSchema, type Resource, type ResourceKind } from './schemas/resource';
import type { MultiPolygon, Polygon } from 'geojson';

export interface LoadResult<T> {
  resources: T[];
  issues: IoIssue[];
}

/**
 * Validate a GeoJSON FeatureCollection of resources. With `expectedKind`, features without a
 * `kind` property take that kind and features of another kind are reported and skipped.
 */
export function resourcesFromGeoJson(input: unknown, expectedKind?: ResourceKind): LoadResult<Resource> {
  const { candidates, issues } = fromGeoJson(input, { geometry: 'point' });
  return validateResources(candidates, issues, expectedKind);
}

/**
 * Validate CSV text (already decoded; BOM ignored) of one resource kind. Rows without a `kind`
 * column take `kind`. Rows are 0-based data rows; the header is not counted.
 */
export function resourcesFromCsv(text: string, kind: ResourceKind): LoadResult<Resource> {
  const { candidates, issues } = fromCsv(text);
  return validateResources(candidates, issues, kind);
}

/** Schema-validate candidates of one kind (the file import's rules; live sources reuse them). */
export function validateResourceCandidates(
  candidates: FeatureCandidate[],
  issues: IoIssue[],
  expectedKind: ResourceKind | undefined,
): LoadResult<Resource> {
  return validateResources(candidates, issues, expectedKind);
}

function validateResources(
  candidates: FeatureCandidate[],
  issues: IoIssue[],
  expectedKind: ResourceKind | undefined,
): LoadResult<Resource> {
  const validated = validateCandidates(candidates, ResourceSchema, (record, c) => {
    if (expectedKind === undefined) return null;
    if (record['kind'] === undefined) {
      record['kind'] = expectedKind;
      return null;
    }
    if (record['kind'] !== expectedKind)
      return makeIoIssue({
        row: c.row,
        id: c.id,
        field: 'kind',
        value: record['kind'],
        problem: `expected kind "${expectedKind}" in this file`,
      });
    return null;
  });
  return { resources: validated.items.map((i) => i.value), issues: [...issues, ...validated.issues] };
}

export interface Township extends TownshipProperties {
  geometry: Polygon | MultiPolygon;
}

export interface PlacesResult<T> {
  places: T[];
  issues: IoIssue[];
}

/** Villages (Point features) → Village objects with lngLat. */
export function villagesFromGeoJson(input: unknown): PlacesResult<Village> {
  const { candidates, issues } = fromGeoJson(input, { geometry: 'point' });
  const v = validateCandidates(candidates, VillageSchema);
  return { places: v.items.map((i) => i.value), issues: [...issues, ...v.issues] };
}

/** Township seats (Point features). */
export function townshipSeatsFromGeoJson(input: unknown): PlacesResult<TownshipSeat> {
  const { candidates, issues } = fromGeoJson(input, { geometry: 'point' });
  const v = validateCandidates(candidates, TownshipSeatSchema);
  return { places: v.items.map((i) => i.value), issues: [...issues, ...v.issues] };
}

/** Township zones (Polygon/MultiPolygon features) → properties + geometry. */
export function townshipsFromGeoJson(input: unknown): PlacesResult<Township> {
  const { candidates, issues } = fromGeoJson(input, { geometry: 'area' });
  const v = validateCandidates(candidates, TownshipPropertiesSchema);
  const geometryByRow = new Map(candidates.map((c) => [c.row, c.geometry]));
  return {
    places: v.items.map((i) => ({ ...i.value, geometry: geometryByRow.get(i.row) as Polygon | MultiPolygon })),
    issues: [...issues, ...v.issues],
  };
}

/** Either kind of place file, chosen by `kind`. */
export function placesFromGeoJson(input: unknown, kind: 'village'): PlacesResult<Village>;
export function placesFromGeoJson(input: unknown, kind: 'township'): PlacesResult<Township>;
export function placesFromGeoJson(input: unknown, kind: 'village' | 'township'): PlacesResult<Village | Township> {
  return kind === 'village' ? villagesFromGeoJson(input) : townshipsFromGeoJson(input);
}
