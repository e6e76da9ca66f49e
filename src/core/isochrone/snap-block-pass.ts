import { haversineMeters } from '../geo/haversine';
import type { RoadNetwork } from '../routing/road-network';
import { NearestSegments, snapToGraph, type Snap } from '../spatial/snap-to-graph';
import { boxDistance, type SegmentCollector } from './snap-candidates';
import { BLOCK, SQRT_SLACK, TILE, storeSnap, storeVertexSnap, type SnapTile } from './snap-tile';

/** fillBlock sorts candidates by their distance to the block in steps of 1/KEY_SCALE metres */
const KEY_SCALE = 64;
/** ties in blocks with more candidates than this are snapped with their own index search */
const TIE_SEARCH_ABOVE = 160;

/**
 * The snap raster's block pass: the cells the scatter pass left (far from roads, or a tie) are
 * filled block by block (4×4 cells). The segments near a block are fetched once, the smallest
 * "farthest corner" distance bounds every cell's nearest distance (distance to a segment is
 * convex, so its maximum over a block is at a corner), and only segments within that bound of
 * the block are tried per cell, nearest first, with an early stop. Ties take the general path
 * (NearestSegments, as snapToGraph), except ties within one edge (fillSameEdgeTie).
 */
export class BlockPass {
  private scratchNear = new Int32Array(256);
  private scratchNearDist = new Float64Array(256);
  private scratchKeys = new Float64Array(256);
  private scratchSorted = new Int32Array(256);
  private scratchSortedDist = new Float64Array(256);
  private readonly tieSeg = new Int32Array(16);
  private readonly tieT = new Float64Array(16);
  private readonly tieD = new Float64Array(16);
  /** the nearest distance fillCellFast found for the cell it declined (a tie) */
  private lastBest = Infinity;
  /** the last block's bound: neighbouring blocks start their search from it */
  private lastBound = 0;

  constructor(
    private readonly net: RoadNetwork,
    private readonly cellSizeMeters: number,
    private readonly reachMeters: number,
    private readonly collector: SegmentCollector,
  ) {}

  /** Fills the cells not `done` of the block at global cell (col0, row0), tile cell (bx, by). */
  fillBlock(tile: SnapTile, col0: number, row0: number, bx: number, by: number, done: Uint8Array): void {
    const cs = this.cellSizeMeters, { graph, index, profile } = this.net;
    const maxSnap = profile.maxSnapMeters, reach = this.reachMeters;
    // Block of cell centres, in local metres.
    const x0 = (col0 + 0.5) * cs, y0 = (row0 + 0.5) * cs, x1 = x0 + (BLOCK - 1) * cs, y1 = y0 + (BLOCK - 1) * cs;
    const collector = this.collector, corners = collector.corners;
    corners[0] = x0; corners[1] = y0; corners[2] = x1; corners[3] = y0; corners[4] = x0; corners[5] = y1; corners[6] = x1; corners[7] = y1;
    // Neighbouring blocks' bounds differ by at most the block's diagonal: start near the last one
    // (one index search instead of up to four growing ones, far from roads).
    const guess = this.lastBound - BLOCK * cs * 1.5;
    for (let r = Math.min(reach, Math.max(2 * cs, guess)); ; r = Math.min(2 * r, reach)) {
      const m = r * 1.01 + 1;
      collector.collected = 0;
      collector.searchBound = Infinity;
      index.tree.search(x0 - m, y0 - m, x1 + m, y1 + m, collector.collectWithBound);
      if (collector.searchBound <= r || r >= reach) break;
    }
    const bound = collector.searchBound;
    this.lastBound = bound;
    // Keep the segments that can be nearest for some cell: within the bound of the block (bbox test).
    const limit = Math.min(bound, reach) * 1.01 + 1;
    const segs = collector.segs, boxes = collector.boxes, collected = collector.collected;
    if (this.scratchNear.length < collected) {
      this.scratchNear = new Int32Array(2 * collected);
      this.scratchNearDist = new Float64Array(2 * collected);
      this.scratchKeys = new Float64Array(2 * collected);
      this.scratchSorted = new Int32Array(2 * collected);
      this.scratchSortedDist = new Float64Array(2 * collected);
    }
    let nearCount = 0;
    const dist = this.scratchNearDist, keys = this.scratchKeys, nearOrig = this.scratchNear;
    for (let i = 0; i < collected; i++) {
      const d = boxDistance(boxes, i, x0, y0, x1, y1);
      if (d <= limit) {
        dist[nearCount] = d;
        nearOrig[nearCount++] = segs[i]!;
      }
    }
    if (nearCount === 0) return;
    // Candidates by distance to the block (to 1/KEY_SCALE m; the numeric typed-array sort of
    // keys = quantised distance × 2^16 + position, no comparator): each cell stops at the first one
    // that cannot beat it. The order among equally near candidates does not change any answer
    // (the nearest is unique outside ties, and ties take the candidates in their original order).
    const exactSort = nearCount >= 1 << 16;
    if (!exactSort) {
      for (let j = 0; j < nearCount; j++) keys[j] = Math.floor(dist[j]! * KEY_SCALE) * 65536 + j;
      keys.subarray(0, nearCount).sort();
    } else {
      const order = Array.from({ length: nearCount }, (_, j) => j).sort((a, b) => dist[a]! - dist[b]!);
      for (let j = 0; j < nearCount; j++) keys[j] = order[j]!;
    }
    const near = this.scratchSorted, nearDist = this.scratchSortedDist;
    for (let j = 0; j < nearCount; j++) {
      const o = exactSort ? keys[j]! : keys[j]! % 65536;
      near[j] = nearOrig[o]!;
      nearDist[j] = dist[o]!;
    }
    const { rowLat, colLng } = tile;
    for (let r = 0; r < BLOCK; r++) {
      const lat = rowLat[by + r]!;
      for (let c = 0; c < BLOCK; c++) {
        const lng = colLng[bx + c]!;
        const k = (by + r) * TILE + (bx + c);
        if (done[k]) continue;
        if (this.fillCellFast(tile, k, near, nearDist, nearCount, lng, lat, maxSnap, reach)) continue;
        if (nearCount <= TIE_SEARCH_ABOVE && this.fillSameEdgeTie(tile, k, nearCount, lng, lat, maxSnap, reach, this.lastBest)) continue;
        // A tie (equally near segments): the general path keeps all of them, in the order the
        // candidates came (as before the sorted fast path, so the raster stays byte-identical).
        let snap: Snap | null;
        if (nearCount > TIE_SEARCH_ABOVE) snap = snapToGraph(graph, index, lng, lat, { maxSnapMeters: reach });
        else {
          const nearest = new NearestSegments(graph, index, lng, lat, undefined);
          for (let j = 0; j < nearCount; j++) nearest.consider(nearOrig[j]!);
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
        if (snap.candidates.length > 1) {
          tile.ties.set(k, snap);
          (tile.tieAt ??= new Uint8Array(TILE * TILE))[k] = 1;
        }
      }
    }
  }

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

  /**
   * The common case without allocation: one nearest segment (or two meeting at a vertex of one
   * edge, see storeVertexSnap), no tie. NearestSegments' arithmetic (a frame centred on the cell)
   * on squared distances, decided with SQRT_SLACK around every limit; a cell too close to a limit
   * to tell takes fillCellExact (Math.hypot, as before). Returns false on a tie (within 1e-6 m) so
   * the caller takes the general path. Cells with no road within reach are done (true, left empty).
   */
  private fillCellFast(tile: SnapTile, k: number, segs: Int32Array, blockDist: Float64Array, count: number, lng: number, lat: number, maxSnap: number, reach: number): boolean {
    const { graph: g, index } = this.net;
    const ky = index.projection.metersPerDegLat, kx = ky * Math.cos((lat * Math.PI) / 180);
    const shape = g.shapeLngLat;
    let best = Infinity, second = Infinity, third = Infinity, bestSeg = -1, bestT = 0, secondSeg = -1, secondT = 0;
    let stop = Infinity;
    for (let j = 0; j < count; j++) {
      // Sorted by distance to the block (local metres, a lower bound of the distance to this cell
      // up to the projection's < 1 % scale; sorted to 1/KEY_SCALE m): none further on can be
      // nearest or tie the nearest.
      if (blockDist[j]! > stop + 1 / KEY_SCALE) break;
      const seg = segs[j]!, i = index.segmentShape[seg]!;
      const ax = (shape[2 * i]! - lng) * kx, ay = (shape[2 * i + 1]! - lat) * ky;
      const dx = (shape[2 * i + 2]! - lng) * kx - ax, dy = (shape[2 * i + 3]! - lat) * ky - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
      const ex = ax + t * dx, ey = ay + t * dy;
      const d = ex * ex + ey * ey;
      if (d < best) {
        third = second;
        second = best;
        secondSeg = bestSeg;
        secondT = bestT;
        best = d;
        bestSeg = seg;
        bestT = t;
        stop = (Math.sqrt(second) + 1e-3) * 1.01 + 1;
      } else if (d < second) {
        third = second;
        second = d;
        secondSeg = seg;
        secondT = t;
        stop = (Math.sqrt(second) + 1e-3) * 1.01 + 1;
      } else if (d < third) third = d;
    }
    const d1 = Math.sqrt(best);
    if (bestSeg < 0 || d1 > reach * 1.01 + 1 + SQRT_SLACK) return true;
    if (!(d1 < reach * 1.01 + 1 - SQRT_SLACK)) return this.fillCellExact(tile, k, segs, blockDist, count, lng, lat, maxSnap, reach);
    this.lastBest = d1;
    const gap = Math.sqrt(second) - d1;
    if (gap > 1e-6 + SQRT_SLACK) {
      storeSnap(this.net, reach, tile, k, lng, lat, bestSeg, bestT, maxSnap);
      return true;
    }
    if (Math.sqrt(third) - d1 > 2e-6 + SQRT_SLACK && storeVertexSnap(this.net, reach, tile, k, lng, lat, bestSeg, bestT, secondSeg, secondT, maxSnap)) return true;
    if (gap > 1e-6 - SQRT_SLACK) return this.fillCellExact(tile, k, segs, blockDist, count, lng, lat, maxSnap, reach);
    return false;
  }

  /** fillCellFast's rule with Math.hypot distances, for the cells it cannot tell on squared ones. */
  private fillCellExact(tile: SnapTile, k: number, segs: Int32Array, blockDist: Float64Array, count: number, lng: number, lat: number, maxSnap: number, reach: number): boolean {
    const { graph: g, index } = this.net;
    const ky = index.projection.metersPerDegLat, kx = ky * Math.cos((lat * Math.PI) / 180);
    const shape = g.shapeLngLat;
    let best = Infinity, second = Infinity, bestSeg = -1, bestT = 0;
    for (let j = 0; j < count; j++) {
      // Sorted by distance to the block (local metres, a lower bound of the distance to this cell
      // up to the projection's < 1 % scale): none further on can be nearest or tie the nearest.
      if (blockDist[j]! > (second + 1e-3) * 1.01 + 1 + 1 / KEY_SCALE) break;
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
    storeSnap(this.net, reach, tile, k, lng, lat, bestSeg, bestT, maxSnap);
    return true;
  }
}
