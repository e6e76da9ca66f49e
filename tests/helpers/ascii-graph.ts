/**
 * Road networks drawn in ASCII, after valhalla's gurka tests: letters and digits are OSM nodes on a
 * grid (one character = `gridMeters`, north up), everything else is decoration. Ways are strings of
 * node letters with OSM tags. A letter a way names but the drawing lacks is a node the extract
 * misses (the builder must cut the way there).
 *
 *     const g = asciiGraph(`
 *       A---B---C
 *           |
 *           D
 *     `, [{ nodes: 'ABC', tags: { highway: 'primary', oneway: 'yes' } }, 'BD'], { gridMeters: 100 });
 *
 * Node coordinates are exact for hand computation: rows are exactly `gridMeters` apart in latitude,
 * and each node's longitude uses the cosine of its own latitude, so two nodes on one row are
 * `gridMeters × columns` apart along the parallel (to ~1e-9 relative by haversine).
 */
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { RawRoads, RawWay } from '../../src/core/import/raw-roads';

/** Metres per degree of latitude on the spec's sphere (R = 6,371,008.8 m). */
export const METERS_PER_DEG_LAT = (6_371_008.8 * Math.PI) / 180;

export interface AsciiWay {
  /** node letters in way order, e.g. "ABCA" */
  readonly nodes: string;
  /** OSM tags; default { highway: 'residential' } */
  readonly tags?: Readonly<Record<string, string>>;
  /** OSM way id; default the way's position in the list + 1 */
  readonly id?: number;
}

export interface AsciiGraphOptions {
  /** metres per character, horizontally and vertically (default 100) */
  readonly gridMeters?: number;
  /** [lng, lat] of row 0, column 0 of the drawing (default [1.5, 42.5], Andorra's latitude) */
  readonly origin?: readonly [number, number];
}

export interface AsciiGraph {
  readonly raw: RawRoads;
  /** node letter → [lng, lat], for every letter of the drawing */
  readonly nodes: Readonly<Record<string, [number, number]>>;
  /** [lng, lat] of a node letter (throws on an unknown letter) */
  at(letter: string): [number, number];
  /** the OSM node id of a letter (its char code) */
  nodeId(letter: string): number;
  /** [lng, lat] of a grid position in characters (fractions allowed; rows count downwards) */
  point(col: number, row: number): [number, number];
  /** [lng, lat] of the point `eastMeters` east along the node's parallel, then `northMeters` due north */
  offset(letter: string, eastMeters: number, northMeters: number): [number, number];
  /** the same roads as GeoJSON LineStrings (MultiLineStrings where a missing node cuts a way), 7 decimals */
  toGeoJson(): FeatureCollection<LineString | MultiLineString>;
}

const NODE_CHAR = /[A-Za-z0-9]/;

/** Drops the blank first/last lines and the common indentation of a template literal. */
function dedent(drawing: string): string[] {
  const lines = drawing.replace(/\t/g, '    ').split('\n');
  while (lines.length && lines[0]!.trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent));
}

export function asciiGraph(drawing: string, ways: ReadonlyArray<AsciiWay | string>, options: AsciiGraphOptions = {}): AsciiGraph {
  const grid = options.gridMeters ?? 100;
  const [lng0, lat0] = options.origin ?? [1.5, 42.5];
  const point = (col: number, row: number): [number, number] => {
    const lat = lat0 - (row * grid) / METERS_PER_DEG_LAT;
    return [lng0 + (col * grid) / (METERS_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)), lat];
  };
  const nodes: Record<string, [number, number]> = {};
  dedent(drawing).forEach((line, row) => {
    [...line].forEach((ch, col) => {
      if (!NODE_CHAR.test(ch)) return;
      if (nodes[ch]) throw new Error(`ascii graph: node ${ch} is drawn twice`);
      nodes[ch] = point(col, row);
    });
  });
  const nodeId = (letter: string) => letter.charCodeAt(0);
  const rawNodes = new Map<number, readonly [number, number]>();
  for (const [letter, lngLat] of Object.entries(nodes)) rawNodes.set(nodeId(letter), lngLat);
  const rawWays: RawWay[] = ways.map((w, i) => {
    const way: AsciiWay = typeof w === 'string' ? { nodes: w } : w;
    return { id: way.id ?? i + 1, nodeIds: [...way.nodes].map(nodeId), tags: way.tags ?? { highway: 'residential' } };
  });
  const at = (letter: string): [number, number] => {
    const p = nodes[letter];
    if (!p) throw new Error(`ascii graph: no node ${letter} in the drawing`);
    return p;
  };
  const offset = (letter: string, eastMeters: number, northMeters: number): [number, number] => {
    const [lng, lat] = at(letter);
    // East along the node's own parallel, then due north: the foot of the point on a road through
    // the node along its row is exactly `eastMeters` from the node.
    return [lng + eastMeters / (METERS_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)), lat + northMeters / METERS_PER_DEG_LAT];
  };
  const round7 = (x: number) => Math.round(x * 1e7) / 1e7;
  const toGeoJson = (): FeatureCollection<LineString | MultiLineString> => ({
    type: 'FeatureCollection',
    features: rawWays.map((w): Feature<LineString | MultiLineString> => {
      const parts: number[][][] = [[]];
      for (const id of w.nodeIds) {
        const p = rawNodes.get(id);
        if (!p) parts.push([]);
        else parts[parts.length - 1]!.push([round7(p[0]), round7(p[1])]);
      }
      const lines = parts.filter((p) => p.length > 0);
      return {
        type: 'Feature',
        properties: { ...w.tags },
        geometry: lines.length === 1 ? { type: 'LineString', coordinates: lines[0]! } : { type: 'MultiLineString', coordinates: lines },
      };
    }),
  });
  return { raw: { nodes: rawNodes, ways: rawWays, problems: [] }, nodes, at, nodeId, point, offset, toGeoJson };
}
