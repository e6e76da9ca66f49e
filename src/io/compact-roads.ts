/**
 * A compact same-origin roads file for phones (the public finder's walking graph and its map):
 * per way only the tags the travel-time spec reads (highway, oneway, junction) and the positions
 * as integer deltas at 1e-7 degrees. The road graph reads coordinates to 7 decimals anyway
 * (parse-geojson-roads.ts), so the decoded roads give the very same graph; the demo's roads go
 * from 63 KB to 39 KB gzipped.
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { makeIoIssue, type IoIssue } from './schemas/issue';

export const COMPACT_ROADS_FORMAT = 'onemap-compact-roads-1';
const SCALE = 1e7;
const KEPT_TAGS = ['highway', 'oneway', 'junction'] as const;

export interface CompactRoads {
  readonly format: typeof COMPACT_ROADS_FORMAT;
  /** [tags, [dx0, dy0, dx1, dy1, …]] with x = round(lng · 1e7), y = round(lat · 1e7), each relative to the previous position */
  readonly ways: ReadonlyArray<readonly [Readonly<Record<string, string>>, readonly number[]]>;
}

/** LineString (and MultiLineString, one way per part) roads → compact form; features without `highway` are left out. */
export function encodeCompactRoads(fc: FeatureCollection): CompactRoads {
  const ways: Array<[Record<string, string>, number[]]> = [];
  for (const f of fc.features) {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    if (typeof props.highway !== 'string') continue;
    const tags: Record<string, string> = {};
    for (const k of KEPT_TAGS) if (typeof props[k] === 'string' || typeof props[k] === 'number') tags[k] = String(props[k]);
    const g = f.geometry;
    const lines = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
    lines.forEach((line, part) => {
      let px = 0, py = 0;
      const deltas: number[] = [];
      for (const [lng, lat] of line as Array<[number, number]>) {
        const x = Math.round(lng * SCALE), y = Math.round(lat * SCALE);
        deltas.push(x - px, y - py);
        px = x; py = y;
      }
      ways.push([part > 0 ? { ...tags, part: String(part) } : tags, deltas]);
    });
  }
  return { format: COMPACT_ROADS_FORMAT, ways };
}

/** Compact form → GeoJSON LineStrings with their tags. Bad ways are reported (way index, field, value) and left out. */
export function decodeCompactRoads(input: unknown): { roads: FeatureCollection<LineString>; issues: IoIssue[] } {
  const issues: IoIssue[] = [];
  const c = input as Partial<CompactRoads> | null;
  if (!c || c.format !== COMPACT_ROADS_FORMAT || !Array.isArray(c.ways)) {
    issues.push(makeIoIssue({ row: -1, field: 'format', value: (c as { format?: unknown } | null)?.format, problem: `is not "${COMPACT_ROADS_FORMAT}"` }));
    return { roads: { type: 'FeatureCollection', features: [] }, issues };
  }
  const features: Feature<LineString>[] = [];
  c.ways.forEach((way, row) => {
    const [tags, deltas] = Array.isArray(way) ? way : [null, null];
    if (!tags || typeof tags !== 'object' || typeof (tags as Record<string, unknown>).highway !== 'string') {
      issues.push(makeIoIssue({ row, field: 'tags.highway', value: (tags as Record<string, unknown> | null)?.highway, problem: 'must be a highway class' }));
      return;
    }
    if (!Array.isArray(deltas) || deltas.length < 4 || deltas.length % 2 !== 0 || !deltas.every((d) => Number.isInteger(d))) {
      issues.push(makeIoIssue({ row, field: 'deltas', value: deltas, problem: 'must be an even list of at least 4 integers' }));
      return;
    }
    const coordinates: [number, number][] = [];
    let x = 0, y = 0;
    for (let i = 0; i < deltas.length; i += 2) {
      x += deltas[i]!; y += deltas[i + 1]!;
      coordinates.push([x / SCALE, y / SCALE]);
    }
    const properties: Record<string, string> = {};
    for (const [k, v] of Object.entries(tags)) if (typeof v === 'string') properties[k] = v;
    features.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } });
  });
  return { roads: { type: 'FeatureCollection', features }, issues };
}
