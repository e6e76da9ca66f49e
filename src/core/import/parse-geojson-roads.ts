import { CoreError } from '../errors';
import { previewValue } from '../preview-value';
import type { RawRoads, RawWay } from './raw-roads';

/** Coordinates equal to 7 decimals (≈1 cm, OSM's own precision) are one node. */
const COORD_SCALE = 1e7;
/** Problems listed one by one; past this they are counted (bounded memory on a broken file). */
const MAX_LISTED_PROBLEMS = 1000;

const numberOf = (v: unknown): number => (typeof v === 'number' || typeof v === 'string' ? Number(v) : NaN);

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
  let unlisted = 0;
  const problem = (text: string) => (problems.length < MAX_LISTED_PROBLEMS ? problems.push(text) : unlisted++);
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
    const props = f !== null && typeof f === 'object' && f.properties !== null && typeof f.properties === 'object' ? f.properties : {};
    // No prototype: a tag named "__proto__" or "constructor" is just a tag.
    const tags: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [k, v] of Object.entries(props)) if (typeof v === 'string' || typeof v === 'number') tags[k] = String(v);
    if (!tags.highway) return; // not a road: ignored as OSM ignores non-highway ways
    const g = f?.geometry;
    const lines = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : null;
    if (!Array.isArray(lines)) {
      problem(lines === null
        ? `feature ${row}: highway=${previewValue(tags.highway)} has geometry ${previewValue(g?.type ?? null)}, not a LineString; skipped`
        : `feature ${row}: highway=${previewValue(tags.highway)} ${g!.type} has no coordinates array; skipped`);
      return;
    }
    lines.forEach((line, part) => {
      if (!Array.isArray(line)) {
        problem(`feature ${row}: highway=${previewValue(tags.highway)} ${g!.type} line ${part} is ${previewValue(line, 40)}, not an array of positions; skipped`);
        return;
      }
      const ids: number[] = [];
      for (const c of line as unknown[]) {
        // Only numbers (or numeric text) count: Number() of a nested array would recurse through join().
        const lng = Array.isArray(c) ? numberOf(c[0]) : NaN, lat = Array.isArray(c) ? numberOf(c[1]) : NaN;
        if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
          problem(`feature ${row}: position ${previewValue(c)} is not a [lng, lat]; the way is cut there`);
          ids.push(NaN); // a missing node cuts the way, as in a clipped OSM extract
          continue;
        }
        ids.push(nodeIdOf(lng, lat));
      }
      const wayTags = Object.assign(Object.create(null) as Record<string, string>, tags, part > 0 ? { part: String(part) } : {});
      ways.push({ id: ways.length + 1, nodeIds: ids, tags: wayTags });
    });
  });
  if (unlisted > 0) problems.push(`… and ${unlisted} more problems of the same kinds`);
  return { nodes, ways, problems };
}
