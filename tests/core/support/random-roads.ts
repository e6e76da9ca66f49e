/**
 * Random small road networks for property tests, built from a seed: nodes on a jittered grid,
 * ways as short random walks between neighbouring nodes (diagonals may cross without meeting, as
 * bridges do), random classes including non-roads, random one-way tags, and now and then a
 * repeated ref, a revisited node or a node missing from the extract. With `islands`, the left and
 * right halves of the grid share no way.
 */
import type { RawRoads, RawWay } from '../../../src/core/import/raw-roads';
import { METERS_PER_DEG_LAT } from '../../helpers/ascii-graph';
import { seededRandom } from '../../helpers/seeded-random';

export interface RandomRoadsParams {
  readonly seed: number;
  readonly cols: number;
  readonly rows: number;
  readonly ways: number;
  readonly islands: boolean;
  /** metres between grid nodes (default 250) */
  readonly spacing?: number;
}

export interface RandomRoads {
  readonly raw: RawRoads;
  /** [west, south, east, north] of the nodes */
  readonly bbox: readonly [number, number, number, number];
  /** a uniform random [lng, lat] in the bbox grown by `marginMeters` */
  randomPoint(marginMeters: number): [number, number];
}

const HIGHWAYS = ['primary', 'secondary', 'residential', 'residential', 'service', 'track', 'motorway', 'living_street', 'footway', 'path'];
const ONEWAYS = [undefined, undefined, undefined, undefined, 'yes', '-1', 'no', 'true', 'reverse', '1'];

export function randomRoads(p: RandomRoadsParams): RandomRoads {
  const rnd = seededRandom(p.seed);
  const spacing = p.spacing ?? 250;
  const lat0 = rnd.range(-60, 60), lng0 = rnd.range(-179, 178);
  const mLng = METERS_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180);
  const nodes = new Map<number, readonly [number, number]>();
  const id = (c: number, r: number) => 1 + r * p.cols + c;
  for (let r = 0; r < p.rows; r++) {
    for (let c = 0; c < p.cols; c++) {
      const x = c * spacing + rnd.range(-0.3, 0.3) * spacing, y = r * spacing + rnd.range(-0.3, 0.3) * spacing;
      nodes.set(id(c, r), [lng0 + x / mLng, lat0 + y / METERS_PER_DEG_LAT]);
    }
  }
  const split = Math.floor(p.cols / 2);
  const side = (c: number) => (!p.islands ? 0 : c < split ? -1 : c > split ? 1 : 0);
  const ways: RawWay[] = [];
  let missing = 1_000_000;
  for (let w = 0; w < p.ways; w++) {
    let c = rnd.int(0, p.cols - 1), r = rnd.int(0, p.rows - 1);
    if (p.islands && side(c) === 0) c = c > 0 ? c - 1 : c + 1; // the split column stays empty
    const refs = [id(c, r)];
    const steps = rnd.int(1, 4);
    for (let s = 0; s < steps; s++) {
      const options: Array<[number, number]> = [];
      for (let dc = -1; dc <= 1; dc++) for (let dr = -1; dr <= 1; dr++) {
        const nc = c + dc, nr = r + dr;
        if ((dc || dr) && nc >= 0 && nr >= 0 && nc < p.cols && nr < p.rows && (!p.islands || side(nc) === side(c))) options.push([nc, nr]);
      }
      if (options.length === 0) break;
      [c, r] = rnd.pick(options);
      if (rnd.chance(0.05)) refs.push(missing++); // a node the extract lacks
      refs.push(id(c, r));
      if (rnd.chance(0.08)) refs.push(id(c, r)); // repeated consecutive ref
    }
    const tags: Record<string, string> = { highway: rnd.pick(HIGHWAYS) };
    const oneway = rnd.pick(ONEWAYS);
    if (oneway) tags.oneway = oneway;
    if (rnd.chance(0.08)) tags.junction = 'roundabout';
    ways.push({ id: 10 + rnd.int(0, 5) + 10 * w, nodeIds: refs, tags });
  }
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const [lng, lat] of nodes.values()) {
    west = Math.min(west, lng); east = Math.max(east, lng); south = Math.min(south, lat); north = Math.max(north, lat);
  }
  const randomPoint = (marginMeters: number): [number, number] => {
    const dLng = marginMeters / mLng, dLat = marginMeters / METERS_PER_DEG_LAT;
    return [rnd.range(west - dLng, east + dLng), rnd.range(south - dLat, north + dLat)];
  };
  return { raw: { nodes, ways, problems: [] }, bbox: [west, south, east, north], randomPoint };
}
