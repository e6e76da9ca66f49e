import { haversineMeters } from '../geo/haversine';
import { unprojectLat, unprojectLng } from '../geo/local-projection';
import type { RoadNetwork } from '../routing/road-network';
import type { Snap } from '../spatial/snap-to-graph';

/**
 * The snap raster's storage: a tile of TILE × TILE cells of the network's global lattice, its
 * 4×4-cell blocks, and how one cell's snap is stored (shared by the scatter and block passes, so
 * the result does not depend on which pass filled a cell).
 */
export const TILE = 64;
export const BLOCK = 4;
export const BLOCKS_PER_ROW = TILE / BLOCK;
export const NO_EDGE = -1;
/**
 * Metres of doubt between a distance taken as sqrt(x² + y²) and as Math.hypot(x, y): both are
 * within ~2 ulp of the true value, < 1e-12 m at the raster's reach; 1e-9 m is ample.
 */
export const SQRT_SLACK = 1e-9;

/**
 * Each cell centre joined to the network once: its nearest edge, fraction and off-road metres.
 * Cells a little beyond maxSnapMeters (up to one cell more) keep edge -1 but their distance, so
 * the contour can place the off-road limit between cells; farther cells hold Infinity.
 */
export interface SnapTile {
  readonly edge: Int32Array;
  readonly fraction: Float32Array;
  readonly offRoadMeters: Float32Array;
  /** cells equally near to several edges keep their whole snap */
  readonly ties: Map<number, Snap>;
  /** 1 at the cells `ties` holds (a flag read per cell instead of a Map lookup); null without ties */
  tieAt: Uint8Array | null;
  /** per 4×4 block of the tile: 1 once all its cells are filled (the block pass runs on demand) */
  readonly blockFilled: Uint8Array;
  /** per cell: 1 when filled; kept while some block is not (null after) */
  cellDone: Uint8Array | null;
  /** blocks not filled yet */
  pendingBlocks: number;
  /** the tile's cell centres: rows' latitudes, their metres per degree of longitude, columns' longitudes */
  readonly rowLat: Float64Array;
  readonly rowKx: Float64Array;
  readonly colLng: Float64Array;
}

/** An empty tile (no cell filled) with its cell centres, for global tile column tx and row ty. */
export function createSnapTile(net: RoadNetwork, cellSizeMeters: number, tx: number, ty: number): SnapTile {
  const n = TILE * TILE;
  const tile: SnapTile = {
    edge: new Int32Array(n).fill(NO_EDGE), fraction: new Float32Array(n), offRoadMeters: new Float32Array(n).fill(Infinity), ties: new Map(), tieAt: null,
    blockFilled: new Uint8Array(BLOCKS_PER_ROW * BLOCKS_PER_ROW), cellDone: new Uint8Array(n), pendingBlocks: 0,
    rowLat: new Float64Array(TILE), rowKx: new Float64Array(TILE), colLng: new Float64Array(TILE),
  };
  const { projection } = net.index, cs = cellSizeMeters, ky = projection.metersPerDegLat;
  const { rowLat, rowKx, colLng } = tile;
  for (let r = 0; r < TILE; r++) {
    rowLat[r] = unprojectLat(projection, (ty * TILE + r + 0.5) * cs);
    rowKx[r] = ky * Math.cos((rowLat[r]! * Math.PI) / 180);
  }
  for (let c = 0; c < TILE; c++) colLng[c] = unprojectLng(projection, (tx * TILE + c + 0.5) * cs);
  return tile;
}

/** Stores a one-segment snap (no tie) in the tile: edge, fraction, off-road metres (haversine). */
export function storeSnap(net: RoadNetwork, reach: number, tile: SnapTile, k: number, lng: number, lat: number, seg: number, t: number, maxSnap: number): void {
  const { graph: g, index } = net;
  const shape = g.shapeLngLat;
  const i = index.segmentShape[seg]!, edge = index.segmentEdge[seg]!;
  const alng = shape[2 * i]!, alat = shape[2 * i + 1]!;
  const flng = alng + t * (shape[2 * i + 2]! - alng), flat = alat + t * (shape[2 * i + 3]! - alat);
  const offRoadMeters = haversineMeters(lng, lat, flng, flat);
  if (offRoadMeters > maxSnap) {
    if (offRoadMeters <= reach) tile.offRoadMeters[k] = offRoadMeters;
    return;
  }
  const length = g.edgeLengthMeters[edge]!;
  tile.edge[k] = edge;
  tile.fraction[k] = length > 0 ? Math.min(1, (g.shapeMetersAlong[i]! + haversineMeters(alng, alat, flng, flat)) / length) : 0;
  tile.offRoadMeters[k] = offRoadMeters;
}

/**
 * The two nearest segments (the third is over 2e-6 m farther, beyond any tie the general path
 * could form) are consecutive segments of one edge meeting at the nearest point, their shared
 * vertex: whether the two tie or not, and whatever order they came in, the general path's snap
 * is that one point, provided both give the same point and fraction bit for bit, which is
 * checked (it holds when `a + 1·(b − a)` is exactly b, i.e. almost always). Stores it like
 * storeSnap and returns true; false (nothing stored) otherwise.
 */
export function storeVertexSnap(net: RoadNetwork, reach: number, tile: SnapTile, k: number, lng: number, lat: number, segA: number, tA: number, segB: number, tB: number, maxSnap: number): boolean {
  if (!sharedVertex(net, segA, tA, segB, tB)) return false;
  const { edge, lng: plng, lat: plat, fraction } = vertex;
  const offRoadMeters = haversineMeters(lng, lat, plng, plat);
  if (offRoadMeters > maxSnap) {
    if (offRoadMeters <= reach) tile.offRoadMeters[k] = offRoadMeters;
    return true;
  }
  tile.edge[k] = edge;
  tile.fraction[k] = fraction;
  tile.offRoadMeters[k] = offRoadMeters;
  return true;
}

/** The shared vertex sharedVertex found last (one scratch object: the fill allocates nothing per cell). */
const vertex = { edge: -1, lng: 0, lat: 0, fraction: 0 };

/**
 * Whether segA at tA and segB at tB are consecutive segments of one edge meeting at their shared
 * vertex (one at t = 1, the next at t = 0) with points and fractions, as candidateOf computes them,
 * equal bit for bit; if so that vertex's edge, point and fraction are left in `vertex`.
 */
function sharedVertex(net: RoadNetwork, segA: number, tA: number, segB: number, tB: number): boolean {
  const { graph: g, index } = net;
  let s0 = segA, s1 = segB;
  if (segB === segA - 1 && tA === 0 && tB === 1) { s0 = segB; s1 = segA; }
  else if (!(segB === segA + 1 && tA === 1 && tB === 0)) return false;
  const edge = index.segmentEdge[s0]!;
  if (index.segmentEdge[s1] !== edge) return false;
  // s0 at t = 1 and s1 at t = 0: candidateOf's point and fraction of each
  const shape = g.shapeLngLat, i0 = index.segmentShape[s0]!, i1 = index.segmentShape[s1]!;
  const alng = shape[2 * i0]!, alat = shape[2 * i0 + 1]!;
  const plng = alng + 1 * (shape[2 * i0 + 2]! - alng), plat = alat + 1 * (shape[2 * i0 + 3]! - alat);
  const qlng = shape[2 * i1]!, qlat = shape[2 * i1 + 1]!;
  const vlng = qlng + 0 * (shape[2 * i1 + 2]! - qlng), vlat = qlat + 0 * (shape[2 * i1 + 3]! - qlat);
  if (plng !== vlng || plat !== vlat) return false;
  const length = g.edgeLengthMeters[edge]!;
  const f0 = length > 0 ? Math.min(1, (g.shapeMetersAlong[i0]! + haversineMeters(alng, alat, plng, plat)) / length) : 0;
  const f1 = length > 0 ? Math.min(1, (g.shapeMetersAlong[i1]! + haversineMeters(qlng, qlat, vlng, vlat)) / length) : 0;
  if (f0 !== f1) return false;
  vertex.edge = edge;
  vertex.lng = plng;
  vertex.lat = plat;
  vertex.fraction = f0;
  return true;
}

/**
 * Whether two nearest segments are consecutive segments of one edge meeting at their shared
 * vertex (one at t = 1, the next at t = 0) whose points and fractions (as candidateOf computes
 * them) agree bit for bit: then either one gives the same snap, so which of the two a tie-breaking
 * rule would take does not matter (see storeVertexSnap).
 */
export function isSameVertex(net: RoadNetwork, segA: number, tA: number, segB: number, tB: number): boolean {
  return sharedVertex(net, segA, tA, segB, tB);
}
