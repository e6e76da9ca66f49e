import type { MultiPolygon, Polygon, Position } from 'geojson';
import { CoreError } from '../errors';
import { previewValue } from '../preview-value';

/** Bounds on a barrier file: far beyond any real flood map, small enough to answer in seconds. */
export const MAX_BARRIER_POSITIONS = 2_000_000;

const fail = (where: string, problem: string): never => {
  throw new CoreError('invalid-input', `${where}: ${problem}`);
};
const show = (v: unknown): string => previewValue(v);

/** Checks one ring without recursion: ≥ 4 positions of finite [lng, lat], first = last. */
function checkRing(ring: unknown, where: string, budget: { left: number }): void {
  if (!Array.isArray(ring)) fail(where, `is ${show(ring)}, not an array of positions`);
  const r = ring as unknown[];
  if (r.length < 4) fail(where, `has ${r.length} positions; a closed ring needs at least 4`);
  budget.left -= r.length;
  if (budget.left < 0) fail(where, `the barriers have more than ${MAX_BARRIER_POSITIONS} positions`);
  for (let i = 0; i < r.length; i++) {
    const p = r[i];
    const lng = Array.isArray(p) ? p[0] : undefined, lat = Array.isArray(p) ? p[1] : undefined;
    if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      fail(where, `position ${i} is ${show(p)}, not [lng, lat] in degrees`);
    }
  }
  const a = r[0] as Position, b = r[r.length - 1] as Position;
  if (a[0] !== b[0] || a[1] !== b[1]) fail(where, `is not closed: it starts at ${show(a)} and ends at ${show(b)}`);
}

function checkPolygonRings(rings: unknown, where: string, budget: { left: number }): void {
  if (!Array.isArray(rings)) fail(where, `coordinates are ${show(rings)}, not an array of rings`);
  if ((rings as unknown[]).length === 0) fail(where, 'has no rings (empty coordinates)');
  (rings as unknown[]).forEach((ring, i) => checkRing(ring, `${where} ring ${i}`, budget));
}

/**
 * Checks a barrier geometry in full — every part, ring and position — before any geometry code
 * sees it, so a null or empty part, a NaN, an unclosed ring or a deeply nested array is one
 * CoreError naming where it is, never a crash, a stack overflow or a silently ignored area.
 * @throws CoreError('invalid-input')
 */
export function checkBarrierPolygon(geometry: unknown, where: string, budget = { left: MAX_BARRIER_POSITIONS }): Polygon | MultiPolygon {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (g === null || typeof g !== 'object') return fail(where, `geometry is ${show(g)}, not a Polygon or MultiPolygon`);
  if (g.type === 'Polygon') checkPolygonRings(g.coordinates, `${where} (Polygon)`, budget);
  else if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates)) fail(`${where} (MultiPolygon)`, `coordinates are ${show(g.coordinates)}, not an array of polygons`);
    if ((g.coordinates as unknown[]).length === 0) fail(`${where} (MultiPolygon)`, 'has no polygons (empty coordinates)');
    (g.coordinates as unknown[]).forEach((p, i) => checkPolygonRings(p, `${where} (MultiPolygon) polygon ${i}`, budget));
  } else fail(where, `geometry type ${show(g.type ?? null)} is not a Polygon or MultiPolygon`);
  return g as Polygon | MultiPolygon;
}

/**
 * Flood barriers from parsed GeoJSON: a FeatureCollection of (Multi)Polygon features, one such
 * Feature, or a bare Polygon / MultiPolygon geometry. Anything else, or any bad part, is refused
 * whole — an area silently dropped would leave flooded roads open.
 * @throws CoreError('invalid-input') naming the feature, part, ring and position.
 */
export function barrierPolygonsFromGeoJson(input: unknown): Array<Polygon | MultiPolygon> {
  const o = input as { type?: unknown; features?: unknown; geometry?: unknown } | null;
  const budget = { left: MAX_BARRIER_POSITIONS };
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return fail('barriers', `expected GeoJSON (a FeatureCollection, Feature, Polygon or MultiPolygon), got ${show(o)}`);
  if (o.type === 'Polygon' || o.type === 'MultiPolygon') return [checkBarrierPolygon(o, 'barriers', budget)];
  if (o.type === 'Feature') return [checkBarrierPolygon(o.geometry, 'barriers feature', budget)];
  if (o.type !== 'FeatureCollection') return fail('barriers', `GeoJSON type ${show(o.type ?? null)} is not a FeatureCollection, Feature, Polygon or MultiPolygon`);
  if (!Array.isArray(o.features)) return fail('barriers', `"features" is ${show(o.features)}, not an array`);
  if (o.features.length === 0) return fail('barriers', 'the FeatureCollection has no features');
  return (o.features as unknown[]).map((f, i) => {
    if (f === null || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') fail(`barriers feature ${i}`, `is ${show(f)}, not a GeoJSON Feature`);
    return checkBarrierPolygon((f as { geometry?: unknown }).geometry ?? null, `barriers feature ${i}`, budget);
  });
}
