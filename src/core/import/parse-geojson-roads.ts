import { CoreError } from '../errors';
import type { RawRoads, RawWay } from './raw-roads';

/** Coordinates equal to 7 decimals (≈1 cm, OSM's own precision) are one node. */
const COORD_SCALE = 1e7;

/**
 * Reads GeoJSON LineStrings / MultiLineStrings with OSM tags in `properties` (`highway`, `oneway`,
 * `junction`) into raw roads. Ways join where they share a coordinate (to 7 decimals), as OSM ways
 * share nodes. Features that are not roads are reported in `problems` and skipped, never thrown.
 * @throws CoreError('invalid-input') when the input is not a FeatureCollection.
 */
export function parseGeoJsonRoads(input: unknown): RawRoads {
  const fc = input as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new CoreError('invalid-input', 'roads GeoJSON must be a FeatureCollection of LineStrings');
  }
  const nodes = new Map<number, readonly [number, number]>();
  const nodeIdByKey = new Map<string, number>();
  const ways: RawWay[] = [];
  const problems: string[] = [];
  const nodeIdOf = (lng: number, lat: number): number => {
    const rx = Math.round(lng * COORD_SCALE), ry = Math.round(lat * COORD_SCALE);
    const key = `${rx},${ry}`;
    let id = nodeIdByKey.get(key);
    if (id === undefined) {
      id = nodeIdByKey.size + 1;
      nodeIdByKey.set(key, id);
      nodes.set(id, [rx / COORD_SCALE, ry / COORD_SCALE]);
    }
    return id;
  };
  fc.features.forEach((f: { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> } | null, row) => {
    const props = f?.properties ?? {};
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(props)) if (typeof v === 'string' || typeof v === 'number') tags[k] = String(v);
    if (!tags.highway) return; // not a road: ignored as OSM ignores non-highway ways
    const g = f?.geometry;
    const lines = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : null;
    if (!Array.isArray(lines)) {
      problems.push(lines === null
        ? `feature ${row}: highway="${tags.highway}" has geometry ${g?.type ?? 'null'}, not a LineString; skipped`
        : `feature ${row}: highway="${tags.highway}" ${g!.type} has no coordinates array; skipped`);
      return;
    }
    lines.forEach((line, part) => {
      if (!Array.isArray(line)) {
        problems.push(`feature ${row}: highway="${tags.highway}" ${g!.type} line ${part} is ${String(JSON.stringify(line)).slice(0, 40)}, not an array of positions; skipped`);
        return;
      }
      const ids: number[] = [];
      for (const c of line as unknown[]) {
        const lng = Array.isArray(c) ? Number(c[0]) : NaN, lat = Array.isArray(c) ? Number(c[1]) : NaN;
        if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
          problems.push(`feature ${row}: position ${JSON.stringify(c)} is not a [lng, lat]; the way is cut there`);
          ids.push(NaN); // a missing node cuts the way, as in a clipped OSM extract
          continue;
        }
        ids.push(nodeIdOf(lng, lat));
      }
      ways.push({ id: ways.length + 1, nodeIds: ids, tags: { ...tags, ...(part > 0 ? { part: String(part) } : {}) } });
    });
  });
  return { nodes, ways, problems };
}
