import { unprojectLat, unprojectLng } from '../geo/local-projection';
import type { RoadNetwork } from '../routing/road-network';
import { NearestSegments, snapToGraph, type Snap } from '../spatial/snap-to-graph';
import { projectX, projectY } from '../geo/local-projection';
import { haversineMeters } from '../geo/haversine';
import type { RoadGraph } from '../graph/road-graph';
import type { SegmentIndex } from '../spatial/segment-index';
import type { GridFrame } from './grid-frame';

const TILE = 64;
/** Tiles are TILE_CELLS × TILE_CELLS cells of the network's global lattice. */
export const TILE_CELLS = TILE;
const NO_EDGE = -1;

/**
 * Each cell centre joined to the network once: its nearest edge, fraction and off-road metres.
 * Cells a little beyond maxSnapMeters (up to one cell more) keep edge -1 but their distance, so
 * the contour can place the off-road limit between cells; farther cells hold Infinity.
 */
interface SnapTile {
  readonly edge: Int32Array;
  readonly fraction: Float32Array;
  readonly offRoadMeters: Float32Array;
  /** cells equally near to several edges keep their whole snap */
  readonly ties: Map<number, Snap>;
}

/**
 * A cache of cell-centre snaps on the network's global lattice for one cell size, filled lazily
 * in 64×64 tiles. The nearest edge of a place does not depend on the source, so every isochrone
 * and coverage over the same area reuses it (Valhalla marks a grid in the same spirit).
 */
export class SnapRaster {
  private readonly tiles = new Map<string, SnapTile>();
  private readonly scratchSegs: number[] = [];
  private readonly scratchBoxes: number[] = [];
  private scratchNear = new Int32Array(256);
  private readonly tieSeg = new Int32Array(16);
  /** the nearest distance fillCellFast found for the cell it declined (a tie) */
  private lastBest = Infinity;
  private lastBound = 0;
  private readonly tieT = new Float64Array(16);
  private readonly tieD = new Float64Array(16);
  private scratchNearDist = new Float64Array(256);
  private scratchOrder = new Uint32Array(256);
  private scratchSorted = new Int32Array(256);
  private scratchSortedDist = new Float64Array(256);
  private readonly done = new Uint8Array(TILE * TILE);
  private readonly scratchScatter = {
    best: new Float64Array(TILE * TILE), second: new Float64Array(TILE * TILE), bestSeg: new Int32Array(TILE * TILE), bestT: new Float64Array(TILE * TILE),
    rowLat: new Float64Array(TILE), rowKx: new Float64Array(TILE), colLng: new Float64Array(TILE),
  };

  constructor(
    readonly net: RoadNetwork,
    readonly cellSizeMeters: number,
    /** fill near-road cells by scattering segment distances first (default); false: blocks only */
    readonly scatter = true,
  ) {}

  /** How far beyond maxSnapMeters a cell's distance to the nearest road is still recorded (one cell). */
  get reachMeters(): number {
    return this.net.profile.maxSnapMeters + this.cellSizeMeters;
  }

  /**
   * Calls `visit(cellIndexInFrame, snap-like fields)` for every cell of the frame that has a road
   * within maxSnapMeters, and `beyond(cellIndexInFrame, offRoadMeters)` for cells whose nearest
   * road is farther than that but within `reachMeters`.
   */
  forEachCell(
    frame: GridFrame,
    visit: (cell: number, edge: number, fraction: number, offRoadMeters: number, tie: Snap | undefined) => void,
    beyond?: (cell: number, offRoadMeters: number) => void,
    /** only these tiles (global tile column and row) are visited (and filled when new) */
    needTile?: (tx: number, ty: number) => boolean,
  ): void {
    const c0 = frame.colOffset, r0 = frame.rowOffset;
    for (let ty = Math.floor(r0 / TILE); ty <= Math.floor((r0 + frame.height - 1) / TILE); ty++) {
      for (let tx = Math.floor(c0 / TILE); tx <= Math.floor((c0 + frame.width - 1) / TILE); tx++) {
        if (needTile && !needTile(tx, ty)) continue;
        const tile = this.tile(tx, ty);
        const rowStart = Math.max(r0, ty * TILE), rowEnd = Math.min(r0 + frame.height, (ty + 1) * TILE);
        const colStart = Math.max(c0, tx * TILE), colEnd = Math.min(c0 + frame.width, (tx + 1) * TILE);
        for (let row = rowStart; row < rowEnd; row++) {
          for (let col = colStart; col < colEnd; col++) {
            const k = (row - ty * TILE) * TILE + (col - tx * TILE);
            const edge = tile.edge[k]!;
            if (edge === NO_EDGE) {
              const d = tile.offRoadMeters[k]!;
              if (beyond && d < Infinity) beyond((row - r0) * frame.width + (col - c0), d);
              continue;
            }
            visit((row - r0) * frame.width + (col - c0), edge, tile.fraction[k]!, tile.offRoadMeters[k]!, tile.ties.get(k));
          }
        }
      }
    }
  }

  private tile(tx: number, ty: number): SnapTile {
    const key = `${tx},${ty}`;
    let t = this.tiles.get(key);
    if (!t) {
      t = this.fillTile(tx, ty);
      this.tiles.set(key, t);
    }
    return t;
  }

  /**
   * Fills a tile in two passes. Near roads (most cells of a town), each segment near the tile
   * scatters its distance to the cells within NEAR_CELLS cells of it, keeping per cell the nearest
   * and second nearest: a cell whose nearest is within that reach has met every segment that could
   * beat it, so it is done without any search. The other cells (far from roads, or a tie) are
   * filled block by block (4×4 cells): the segments near a block are fetched once, the smallest
   * "farthest corner" distance bounds every cell's nearest distance (distance to a segment is
   * convex, so its maximum over a block is at a corner), and only segments within that bound of
   * the block are tried per cell. Both passes use the same arithmetic, so the result does not
   * depend on which pass filled a cell (`scatter: false` fills by blocks only, for tests).
   */
  private fillTile(tx: number, ty: number): SnapTile {
    const n = TILE * TILE;
    const tile: SnapTile = { edge: new Int32Array(n).fill(NO_EDGE), fraction: new Float32Array(n), offRoadMeters: new Float32Array(n).fill(Infinity), ties: new Map() };
    const done = this.done.fill(0);
    if (this.scatter) this.scatterNear(tile, tx, ty, done);
    for (let by = 0; by < TILE; by += BLOCK) {
      for (let bx = 0; bx < TILE; bx += BLOCK) {
        let all = true;
        for (let r = 0; r < BLOCK && all; r++) for (let c = 0; c < BLOCK; c++) if (!done[(by + r) * TILE + bx + c]) { all = false; break; }
        if (!all) this.fillBlock(tile, tx * TILE + bx, ty * TILE + by, bx, by, done);
      }
    }
    return tile;
  }

  /** The first pass of fillTile: marks `done` the cells it filled. */
  private scatterNear(tile: SnapTile, tx: number, ty: number, done: Uint8Array): void {
    const cs = this.cellSizeMeters, { graph: g, index } = this.net;
    const near = NEAR_CELLS * cs, m = near * 1.01 + 1;
    const col0 = tx * TILE, row0 = ty * TILE;
    const x0 = (col0 + 0.5) * cs, y0 = (row0 + 0.5) * cs, x1 = x0 + (TILE - 1) * cs, y1 = y0 + (TILE - 1) * cs;
    const { best, second, bestSeg, bestT, rowLat, rowKx, colLng } = this.scratchScatter;
    best.fill(Infinity);
    second.fill(Infinity);
    const ky = index.projection.metersPerDegLat;
    for (let r = 0; r < TILE; r++) {
      rowLat[r] = unprojectLat(index.projection, (row0 + r + 0.5) * cs);
      rowKx[r] = ky * Math.cos((rowLat[r]! * Math.PI) / 180);
    }
    for (let c = 0; c < TILE; c++) colLng[c] = unprojectLng(index.projection, (col0 + c + 0.5) * cs);
    const shape = g.shapeLngLat;
    index.tree.search(x0 - m, y0 - m, x1 + m, y1 + m, (seg, bx0, by0, bx1, by1) => {
      const cA = Math.max(0, Math.ceil((bx0 - m) / cs - 0.5) - col0), cB = Math.min(TILE - 1, Math.floor((bx1 + m) / cs - 0.5) - col0);
      const rA = Math.max(0, Math.ceil((by0 - m) / cs - 0.5) - row0), rB = Math.min(TILE - 1, Math.floor((by1 + m) / cs - 0.5) - row0);
      const i = index.segmentShape[seg]!;
      const slng = shape[2 * i]!, slat = shape[2 * i + 1]!, elng = shape[2 * i + 2]!, elat = shape[2 * i + 3]!;
      for (let r = rA; r <= rB; r++) {
        const lat = rowLat[r]!, kx = rowKx[r]!;
        for (let c = cA; c <= cB; c++) {
          // NearestSegments' arithmetic, in a frame centred on the cell (as fillCellFast).
          const lng = colLng[c]!;
          const ax = (slng - lng) * kx, ay = (slat - lat) * ky;
          const dx = (elng - lng) * kx - ax, dy = (elat - lat) * ky - ay;
          const len2 = dx * dx + dy * dy;
          const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
          const d = Math.hypot(ax + t * dx, ay + t * dy);
          const k = r * TILE + c;
          if (d < best[k]!) {
            second[k] = best[k]!;
            best[k] = d;
            bestSeg[k] = seg;
            bestT[k] = t;
          } else if (d < second[k]!) second[k] = d;
        }
      }
      return false;
    });
    const maxSnap = this.net.profile.maxSnapMeters;
    for (let r = 0; r < TILE; r++) {
      for (let c = 0; c < TILE; c++) {
        const k = r * TILE + c;
        // Every segment within `near` of the cell was scattered into it (with margin), so a nearest
        // within near - 1 mm is the nearest; a tie (within 1e-6 m) is left to the block pass.
        if (!(best[k]! <= near - 1e-3) || second[k]! - best[k]! <= 1e-6) continue;
        this.storeSnap(tile, k, colLng[c]!, rowLat[r]!, bestSeg[k]!, bestT[k]!, maxSnap);
        done[k] = 1;
      }
    }
  }

  /** Stores a one-segment snap (no tie) in the tile: edge, fraction, off-road metres (haversine). */
  private storeSnap(tile: SnapTile, k: number, lng: number, lat: number, seg: number, t: number, maxSnap: number): void {
    const { graph: g, index } = this.net;
    const shape = g.shapeLngLat;
    const i = index.segmentShape[seg]!, edge = index.segmentEdge[seg]!;
    const alng = shape[2 * i]!, alat = shape[2 * i + 1]!;
    const flng = alng + t * (shape[2 * i + 2]! - alng), flat = alat + t * (shape[2 * i + 3]! - alat);
    const offRoadMeters = haversineMeters(lng, lat, flng, flat);
    if (offRoadMeters > maxSnap) {
      if (offRoadMeters <= this.reachMeters) tile.offRoadMeters[k] = offRoadMeters;
      return;
    }
    const length = g.edgeLengthMeters[edge]!;
    tile.edge[k] = edge;
    tile.fraction[k] = length > 0 ? Math.min(1, (g.shapeMetersAlong[i]! + haversineMeters(alng, alat, flng, flat)) / length) : 0;
    tile.offRoadMeters[k] = offRoadMeters;
  }

  private fillBlock(tile: SnapTile, col0: number, row0: number, bx: number, by: number, done: Uint8Array): void {
    const cs = this.cellSizeMeters, { graph, index, profile } = this.net;
    const maxSnap = profile.maxSnapMeters, reach = this.reachMeters;
    // Block of cell centres, in local metres.
    const x0 = (col0 + 0.5) * cs, y0 = (row0 + 0.5) * cs, x1 = x0 + (BLOCK - 1) * cs, y1 = y0 + (BLOCK - 1) * cs;
    const corners = [x0, y0, x1, y0, x0, y1, x1, y1];
    const segs = this.scratchSegs, boxes = this.scratchBoxes;
    let bound = Infinity;
    // Neighbouring blocks' bounds differ by at most the block's diagonal: start near the last one
    // (one index search instead of up to four growing ones, far from roads).
    const guess = this.lastBound - BLOCK * cs * 1.5;
    for (let r = Math.min(reach, Math.max(2 * cs, guess)); ; r = Math.min(2 * r, reach)) {
      const m = r * 1.01 + 1;
      segs.length = 0;
      boxes.length = 0;
      bound = Infinity;
      index.tree.search(x0 - m, y0 - m, x1 + m, y1 + m, (s, bx0, by0, bx1, by1) => {
        segs.push(s);
        boxes.push(bx0, by0, bx1, by1);
        bound = Math.min(bound, maxCornerDistance(index, s, corners));
        return false;
      });
      if (bound <= r || r >= reach) break;
    }
    this.lastBound = bound;
    // Keep the segments that can be nearest for some cell: within the bound of the block (bbox test).
    const limit = Math.min(bound, reach) * 1.01 + 1;
    if (this.scratchNear.length < segs.length) {
      this.scratchNear = new Int32Array(2 * segs.length);
      this.scratchNearDist = new Float64Array(2 * segs.length);
      this.scratchOrder = new Uint32Array(2 * segs.length);
    }
    let nearCount = 0;
    const dist = this.scratchNearDist, order = this.scratchOrder;
    for (let i = 0; i < segs.length; i++) {
      const d = boxDistance(boxes, i, x0, y0, x1, y1);
      if (d <= limit) {
        order[nearCount] = nearCount;
        dist[nearCount] = d;
        this.scratchNear[nearCount++] = segs[i]!;
      }
    }
    if (nearCount === 0) return;
    // Candidates by distance to the block: each cell stops at the first one that cannot beat it.
    const byDist = order.subarray(0, nearCount).sort((a, b) => dist[a]! - dist[b]!);
    const near = this.scratchSorted.length >= nearCount ? this.scratchSorted.subarray(0, nearCount) : (this.scratchSorted = new Int32Array(2 * nearCount)).subarray(0, nearCount);
    const nearDist = this.scratchSortedDist.length >= nearCount ? this.scratchSortedDist.subarray(0, nearCount) : (this.scratchSortedDist = new Float64Array(2 * nearCount)).subarray(0, nearCount);
    for (let j = 0; j < nearCount; j++) {
      near[j] = this.scratchNear[byDist[j]!]!;
      nearDist[j] = dist[byDist[j]!]!;
    }
    for (let r = 0; r < BLOCK; r++) {
      const lat = unprojectLat(index.projection, (row0 + r + 0.5) * cs);
      for (let c = 0; c < BLOCK; c++) {
        const lng = unprojectLng(index.projection, (col0 + c + 0.5) * cs);
        const k = (by + r) * TILE + (bx + c);
        if (done[k]) continue;
        if (this.fillCellFast(tile, k, near, nearDist, lng, lat, maxSnap, reach)) continue;
        if (nearCount <= TIE_SEARCH_ABOVE && this.fillSameEdgeTie(tile, k, nearCount, lng, lat, maxSnap, reach, this.lastBest)) continue;
        // A tie (equally near segments): the general path keeps all of them, in the order the
        // candidates came (as before the sorted fast path, so the raster stays byte-identical).
        let snap: Snap | null;
        if (nearCount > TIE_SEARCH_ABOVE) snap = snapToGraph(graph, index, lng, lat, { maxSnapMeters: reach });
        else {
          const nearest = new NearestSegments(graph, index, lng, lat, undefined);
          for (let j = 0; j < nearCount; j++) nearest.consider(this.scratchNear[j]!);
          snap = nearest.toSnap(reach);
        }
        if (!snap) continue;
        if (snap.offRoadMeters > maxSnap) {
          tile.offRoadMeters[k] = snap.offRoadMeters;
          continue;
        }
        const first = snap.candidates[0]!;
        tile.edge[k] = first.edge;
        tile.fraction[k] = first.fraction;
        tile.offRoadMeters[k] = snap.offRoadMeters;
        if (snap.candidates.length > 1) tile.ties.set(k, snap);
      }
    }
  }

  /**
   * The common case without allocation: one nearest segment, no tie. Same arithmetic as
   * NearestSegments (a frame centred on the cell); returns false on a tie (within 1e-6 m) so the
   * caller takes the general path. Cells with no road within reach are done (true, left empty).
   */
  /**
   * A tie within one edge (the cell's nearest point is a shape vertex, shared by two of the
   * edge's segments: common beyond every bend) without allocation: NearestSegments' logic and
   * candidate order over the block's candidates in their original order, so the stored snap is
   * byte for byte the general path's. False when the tie spans several edges (a junction).
   */
  private fillSameEdgeTie(tile: SnapTile, k: number, nearCount: number, lng: number, lat: number, maxSnap: number, reach: number, nearestMeters: number): boolean {
    const { graph: g, index } = this.net;
    const ky = index.projection.metersPerDegLat, kx = ky * Math.cos((lat * Math.PI) / 180);
    const shape = g.shapeLngLat, segs = this.scratchNear, lower = this.scratchNearDist;
    const mSeg = this.tieSeg, mT = this.tieT, mD = this.tieD;
    // Segments farther than the nearest by a metre (by their box) can never join the tie.
    let best = Infinity, count = 0;
    const cutoff = (nearestMeters + 1) * 1.01 + 1;
    for (let j = 0; j < nearCount; j++) {
      if (lower[j]! > cutoff) continue; // farther than the nearest by metres: never within the tie
      const seg = segs[j]!, i = index.segmentShape[seg]!;
      const ax = (shape[2 * i]! - lng) * kx, ay = (shape[2 * i + 1]! - lat) * ky;
      const dx = (shape[2 * i + 2]! - lng) * kx - ax, dy = (shape[2 * i + 3]! - lat) * ky - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d > best + 1e-6) continue;
      if (d < best - 1e-6) {
        best = d;
        let kept = 0;
        for (let q = 0; q < count; q++) if (mD[q]! <= d + 1e-6) { mSeg[kept] = mSeg[q]!; mT[kept] = mT[q]!; mD[kept++] = mD[q]!; }
        count = kept;
      }
      if (count === mSeg.length) return false;
      mSeg[count] = seg;
      mT[count] = t;
      mD[count++] = d;
    }
    // toSnap: the members within the tie of the best, the first one's point and off-road leg.
    let first = -1, firstFraction = 0, firstLng = 0, firstLat = 0, edge = -1;
    for (let q = 0; q < count; q++) {
      if (!(mD[q]! <= best + 1e-6)) continue;
      const seg = mSeg[q]!, i = index.segmentShape[seg]!, e = index.segmentEdge[seg]!;
      const alng = shape[2 * i]!, alat = shape[2 * i + 1]!;
      const plng = alng + mT[q]! * (shape[2 * i + 2]! - alng), plat = alat + mT[q]! * (shape[2 * i + 3]! - alat);
      const length = g.edgeLengthMeters[e]!;
      const fraction = length > 0 ? Math.min(1, (g.shapeMetersAlong[i]! + haversineMeters(alng, alat, plng, plat)) / length) : 0;
      if (first < 0) {
        first = q; edge = e; firstFraction = fraction; firstLng = plng; firstLat = plat;
      } else if (e !== edge || !(Math.abs(fraction - firstFraction) < 1e-9)) return false;
    }
    if (first < 0) return true;
    const offRoadMeters = haversineMeters(lng, lat, firstLng, firstLat);
    if (offRoadMeters > reach) return true;
    tile.offRoadMeters[k] = offRoadMeters;
    if (offRoadMeters > maxSnap) return true;
    tile.edge[k] = edge;
    tile.fraction[k] = firstFraction;
    return true;
  }

  private fillCellFast(tile: SnapTile, k: number, segs: Int32Array, blockDist: Float64Array, lng: number, lat: number, maxSnap: number, reach: number): boolean {
    const { graph: g, index } = this.net;
    const ky = index.projection.metersPerDegLat, kx = ky * Math.cos((lat * Math.PI) / 180);
    const shape = g.shapeLngLat;
    let best = Infinity, second = Infinity, bestSeg = -1, bestT = 0;
    for (let j = 0; j < segs.length; j++) {
      // Sorted by distance to the block (local metres, a lower bound of the distance to this cell
      // up to the projection's < 1 % scale): none further on can be nearest or tie the nearest.
      if (blockDist[j]! > (second + 1e-3) * 1.01 + 1) break;
      const seg = segs[j]!, i = index.segmentShape[seg]!;
      const ax = (shape[2 * i]! - lng) * kx, ay = (shape[2 * i + 1]! - lat) * ky;
      const dx = (shape[2 * i + 2]! - lng) * kx - ax, dy = (shape[2 * i + 3]! - lat) * ky - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d < best) {
        second = best;
        best = d;
        bestSeg = seg;
        bestT = t;
      } else if (d < second) second = d;
    }
    if (bestSeg < 0 || best > reach * 1.01 + 1) return true;
    this.lastBest = best;
    if (second - best <= 1e-6) return false;
    this.storeSnap(tile, k, lng, lat, bestSeg, bestT, maxSnap);
    return true;
  }
}

const BLOCK = 4;
/** ties in blocks with more candidates than this are snapped with their own index search */
const TIE_SEARCH_ABOVE = 160;
/** The scatter pass reaches this many cells around each segment. */
const NEAR_CELLS = 2;

/** Largest distance from a segment (in local metres) to the four corners given. */
function maxCornerDistance(index: SegmentIndex, seg: number, corners: number[]): number {
  const i = index.segmentShape[seg]!, xy = index.shapeXY;
  const ax = xy[2 * i]!, ay = xy[2 * i + 1]!, bx = xy[2 * i + 2]!, by = xy[2 * i + 3]!;
  const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  let worst = 0;
  for (let k = 0; k < 8; k += 2) {
    const qx = corners[k]! - ax, qy = corners[k + 1]! - ay;
    const t = len2 > 0 ? Math.min(1, Math.max(0, (qx * dx + qy * dy) / len2)) : 0;
    const ex = qx - t * dx, ey = qy - t * dy, d2 = ex * ex + ey * ey;
    if (d2 > worst) worst = d2;
  }
  return Math.sqrt(worst);
}

/** Distance between the i-th collected segment bounding box and a box (0 when they overlap), local metres. */
function boxDistance(b: number[], i: number, x0: number, y0: number, x1: number, y1: number): number {
  const minX = b[4 * i]!, minY = b[4 * i + 1]!, maxX = b[4 * i + 2]!, maxY = b[4 * i + 3]!;
  const dx = Math.max(0, minX - x1, x0 - maxX), dy = Math.max(0, minY - y1, y0 - maxY);
  return Math.hypot(dx, dy);
}
