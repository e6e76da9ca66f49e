/**
 * A seeded synthetic road network for the large-graph benchmarks, as RawRoads (the same input the
 * OSM/GeoJSON importers produce), so that buildRoadGraph splits it per road-network.md.
 *
 * A jittered grid of `rows × cols` junctions about `spacingMeters` apart (default 600 × 850 at
 * 100 m: 60 × 85 km, a large Chinese county). Every row and every column is a street; each street
 * is cut into ways spanning 3–12 grid segments that share their end nodes, so every grid node is
 * a junction and the builder must split ways there (≈ 1.02 M edges). Some segments get a bend
 * (an extra shape node used by one way only, hence not a junction). Classes mix trunk, primary,
 * secondary, tertiary, residential, unclassified and service; one pair of rows is a divided
 * motorway (implied one-way, the second carriageway drawn against the node order with
 * `oneway=-1`), and about 15 % of residential ways are one-way (`yes` or `-1`).
 */
import type { RawRoads, RawWay } from '../src/core/index';
import { mulberry32 } from './timing';

export interface SyntheticRoadsOptions {
  readonly rows?: number;
  readonly cols?: number;
  readonly spacingMeters?: number;
  /** south-west corner [lng, lat] */
  readonly origin?: readonly [number, number];
  readonly seed?: number;
}

export interface SyntheticRoads {
  readonly raw: RawRoads;
  readonly rows: number;
  readonly cols: number;
  /** [minLng, minLat, maxLng, maxLat] of the grid */
  readonly bbox: [number, number, number, number];
  readonly wayCount: number;
}

const METERS_PER_DEG_LAT = 111_195;

/** OSM node id of grid node (row, col); bend nodes are numbered above every grid id. */
export function gridNodeId(cols: number, row: number, col: number): number {
  return row * cols + col + 1;
}

export function generateSyntheticRoads(options: SyntheticRoadsOptions = {}): SyntheticRoads {
  const rows = options.rows ?? 600, cols = options.cols ?? 850;
  const spacing = options.spacingMeters ?? 100;
  const [lng0, lat0] = options.origin ?? [119.6, 27.3];
  const rand = mulberry32(options.seed ?? 20261122);
  const midLat = lat0 + (rows * spacing) / METERS_PER_DEG_LAT / 2;
  const degLat = 1 / METERS_PER_DEG_LAT;
  const degLng = 1 / (METERS_PER_DEG_LAT * Math.cos((midLat * Math.PI) / 180));
  const jitter = 0.25 * spacing;

  const nodes = new Map<number, readonly [number, number]>();
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const lng = lng0 + (c * spacing + (rand() * 2 - 1) * jitter) * degLng;
      const lat = lat0 + (r * spacing + (rand() * 2 - 1) * jitter) * degLat;
      nodes.set(gridNodeId(cols, r, c), [lng, lat]);
      if (lng < minLng) minLng = lng;
      if (lng > maxLng) maxLng = lng;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }

  let nextBendId = rows * cols + 1_000_000;
  /** Node ids of a street segment a→b, with a bend node between them 15 % of the time. */
  const segmentTail = (a: number, b: number, out: number[]) => {
    if (rand() < 0.15) {
      const [alng, alat] = nodes.get(a)!, [blng, blat] = nodes.get(b)!;
      const id = nextBendId++;
      nodes.set(id, [
        (alng + blng) / 2 + (rand() * 2 - 1) * 0.1 * spacing * degLng,
        (alat + blat) / 2 + (rand() * 2 - 1) * 0.1 * spacing * degLat,
      ]);
      out.push(id);
    }
    out.push(b);
  };

  const classOf = (i: number, n: number): string => {
    if (i % 50 === 25) return 'trunk';
    if (i % 10 === 0) return 'primary';
    if (i % 5 === 0) return 'secondary';
    if (i % 5 === 2 && i % 2 === 0) return 'tertiary';
    return 'residential';
  };
  const motorwayRow = Math.floor(rows / 2) - (Math.floor(rows / 2) % 10) + 3; // away from other arterials

  const ways: RawWay[] = [];
  let wayId = 1;
  const addStreet = (ids: (k: number) => number, length: number, streetClass: string, reversed: boolean) => {
    let k = 0;
    while (k < length - 1) {
      const span = Math.min(3 + Math.floor(rand() * 10), length - 1 - k);
      const nodeIds: number[] = [ids(k)];
      for (let j = k + 1; j <= k + span; j++) segmentTail(ids(j - 1), ids(j), nodeIds);
      let highway = streetClass;
      const tags: Record<string, string> = {};
      if (streetClass === 'residential') {
        const u = rand();
        if (u < 0.04) highway = 'service';
        else if (u < 0.08) highway = 'unclassified';
        else if (u < 0.155) tags.oneway = 'yes';
        else if (u < 0.23) tags.oneway = '-1';
      }
      if (streetClass === 'motorway' && reversed) tags.oneway = '-1';
      tags.highway = highway;
      ways.push({ id: wayId++, nodeIds, tags });
      k += span;
    }
  };

  for (let r = 0; r < rows; r++) {
    const isMotorway = r === motorwayRow || r === motorwayRow + 1;
    addStreet((k) => gridNodeId(cols, r, k), cols, isMotorway ? 'motorway' : classOf(r, rows), isMotorway && r === motorwayRow + 1);
  }
  for (let c = 0; c < cols; c++) addStreet((k) => gridNodeId(cols, k, c), rows, classOf(c, cols), false);

  return { raw: { nodes, ways, problems: [] }, rows, cols, bbox: [minLng, minLat, maxLng, maxLat], wayCount: ways.length };
}
