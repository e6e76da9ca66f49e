import { haversineMeters } from '../geo/haversine';
import type { RoadNetwork } from '../routing/road-network';
import { NearestSegments, snapOfMembers, snapToGraph, type Snap } from '../spatial/snap-to-graph';
import { boxDistanceSquared, farthestCornerBoxSquared, maxCornerDistance, type SegmentCollector } from './snap-candidates';
import { BLOCK, SQRT_SLACK, TILE, storeSnap, storeVertexSnap, type SnapTile } from './snap-tile';
import { gapOf } from '../geo/interval-gap';
import { segmentParameter } from '../geo/segment-parameter';

/** fillCellFast's skip distance is widened by this much (metres) beyond its 1.01 scale margin */
const SKIP_SLACK = 1 / 64;
/** ties in blocks with more candidates than this are snapped with their own index search */
const TIE_SEARCH_ABOVE = 160;

/**
 * The snap raster's block pass: the cells the scatter pass left (far from roads, or a tie) are
 * filled block by block (4×4 cells). The segments near a block are fetched once, the smallest
 * "farthest corner" distance bounds every cell's nearest distance (distance to a segment is
 * convex, so its maximum over a block is at a corner), and only segments within that bound of
 * the block are tried per cell, nearest first, with an early stop. Ties take the general path
 * (NearestSegments, as snapToGraph), replicated without allocation in fillTie.
 */
export class BlockPass {
  private scratchNear = new Int32Array(256);
  private scratchNearDist = new Float64Array(256);
  /**
   * per candidate, the squared gaps between its box and the block's cell centres: 4 columns' x
   * gaps, then 4 rows' y gaps (a cell's squared box distance is its column's + its row's)
   */
  private scratchGaps = new Float64Array(2048);
  /** the collected segments' squared box distances to the block */
  private scratchBoxDist2 = new Float64Array(1024);
  private readonly tieSeg = new Int32Array(16);
  private readonly tieT = new Float64Array(16);
  private readonly tieD = new Float64Array(16);
  /** the nearest distance fillCellFast found for the cell it declined (a tie) */
  private lastBest = Infinity;
  /** the candidate (position in the block's list) fillCellFast found nearest to its last cell */
  private lastBestIndex = 0;
  /** the last block's bound: neighbouring blocks start their search from it */
  private lastBound = 0;
  /** the segment that gave lastBound (-1: none yet) */
  private lastBoundSeg = -1;

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
    // The bound: the smallest farthest-corner distance over all segments (B*). The last block's
    // bounding segment gives an upper bound of it here, so one index search of that radius holds
    // B*'s segment (its box is within its farthest corner); far from the last block, search
    // growing radii from the last bound (neighbouring blocks' bounds differ by at most the
    // block's shift). Either way the bound, and so the candidates kept below, are the same.
    const seed = this.lastBoundSeg;
    let r = Math.min(reach, Math.max(2 * cs, this.lastBound - BLOCK * cs * 1.5)), single = false, seedBound = Infinity;
    if (seed >= 0) {
      seedBound = maxCornerDistance(index, seed, corners);
      if (seedBound <= this.lastBound + 2 * BLOCK * cs && seedBound <= reach) { r = seedBound; single = true; }
    }
    let bound = Infinity, boundSeg = -1;
    for (; ; r = Math.min(2 * r, reach)) {
      const m = r * 1.01 + 1;
      collector.searchBox(x0 - m, y0 - m, x1 + m, y1 + m);
      // the seed is among the segments collected when single: start from its bound
      bound = single ? seedBound : Infinity;
      boundSeg = single ? seed : -1;
      if (this.scratchBoxDist2.length < collector.collected) this.scratchBoxDist2 = new Float64Array(2 * collector.collected);
      const boxes = collector.boxes, segs = collector.segs, boxDist2 = this.scratchBoxDist2, collected = collector.collected;
      for (let i = 0; i < collected; i++) {
        const d2 = boxDistanceSquared(boxes, i, x0, y0, x1, y1);
        boxDist2[i] = d2;
        // A segment's farthest corner is at least its box's distance, and at least the farthest
        // corner's distance to its box: only boxes nearer than the bound by both can lower it.
        const bound2 = bound * bound * (1 + 1e-9);
        if (d2 > bound2 || farthestCornerBoxSquared(boxes, i, x0, y0, x1, y1) > bound2) continue;
        const d = maxCornerDistance(index, segs[i]!, corners);
        if (d < bound) { bound = d; boundSeg = segs[i]!; }
      }
      if (single || bound <= r || r >= reach) break;
    }
    this.lastBound = bound;
    this.lastBoundSeg = boundSeg;
    // Keep the segments that can be nearest for some cell: within the bound of the block (bbox test).
    const limit = Math.min(bound, reach) * 1.01 + 1, limit2 = limit * limit * (1 + 1e-9);
    const segs = collector.segs, boxes = collector.boxes, collected = collector.collected, boxDist2 = this.scratchBoxDist2;
    if (this.scratchNear.length < collected) {
      this.scratchNear = new Int32Array(2 * collected);
      this.scratchNearDist = new Float64Array(2 * collected);
      this.scratchGaps = new Float64Array(16 * collected);
    }
    let nearCount = 0;
    const dist = this.scratchNearDist, nearOrig = this.scratchNear, gaps = this.scratchGaps;
    for (let i = 0; i < collected; i++) {
      if (!(boxDist2[i]! <= limit2)) continue;
      const d = Math.sqrt(boxDist2[i]!);
      if (d <= limit) {
        dist[nearCount] = d;
        const minX = boxes[4 * i]!, minY = boxes[4 * i + 1]!, maxX = boxes[4 * i + 2]!, maxY = boxes[4 * i + 3]!, g = 8 * nearCount;
        for (let q = 0; q < BLOCK; q++) {
          const cellX = x0 + q * cs, cellY = y0 + q * cs;
          const gx = gapOf(minX, maxX, cellX, cellX), gy = gapOf(minY, maxY, cellY, cellY);
          gaps[g + q] = gx * gx;
          gaps[g + BLOCK + q] = gy * gy;
        }
        nearOrig[nearCount++] = segs[i]!;
      }
    }
    if (nearCount === 0) return;
    // Every cell tries the candidates in the order found, skipping those whose box is too far
    // from it (see fillCellFast): the answer does not depend on the order (the nearest is unique
    // outside ties, and ties take the candidates in the order found, as snapToGraph's search).
    // The previous cell's nearest is tried first, which sets a tight skip distance at once.
    let hint = 0;
    const { rowLat, colLng } = tile;
    for (let r = 0; r < BLOCK; r++) {
      const lat = rowLat[by + r]!;
      for (let c = 0; c < BLOCK; c++) {
        const lng = colLng[bx + c]!;
        const k = (by + r) * TILE + (bx + c);
        if (done[k]) continue;
        const filled = this.fillCellFast(tile, k, nearOrig, nearCount, hint, lng, lat, maxSnap, reach, c, r);
        hint = this.lastBestIndex;
        if (filled) continue;
        if (nearCount <= TIE_SEARCH_ABOVE && this.fillTie(tile, k, nearCount, lng, lat, maxSnap, reach, this.lastBest)) continue;
        // A tie (equally near segments): the general path keeps all of them, in the order the
        // candidates came (as before the sorted fast path, so the raster stays byte-identical).
        let snap: Snap | null;
        if (nearCount > TIE_SEARCH_ABOVE) snap = snapToGraph(graph, index, lng, lat, { maxSnapMeters: reach });
        else {
          const nearest = new NearestSegments(graph, index, lng, lat, undefined);
          for (let j = 0; j < nearCount; j++) nearest.consider(nearOrig[j]!);
          snap = nearest.toSnap(reach);
        }
        storeTie(tile, k, snap, maxSnap);
      }
    }
  }

  /**
   * A tie within one edge (the cell's nearest point is a shape vertex, shared by two of the
   * edge's segments: common beyond every bend) without allocation: NearestSegments' logic and
   * candidate order over the block's candidates in their original order, so the stored snap is
   * byte for byte the general path's; a tie of several edges (a junction) is stored from the
   * same members as the general path would (snapOfMembers). False when the tie has more members
   * than the scratch holds (the general path then takes it).
   */
  private fillTie(tile: SnapTile, k: number, nearCount: number, lng: number, lat: number, maxSnap: number, reach: number, nearestMeters: number): boolean {
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
      const t = segmentParameter(-(ax * dx + ay * dy), len2);
      const ex = ax + t * dx, ey = ay + t * dy;
      if (Math.sqrt(ex * ex + ey * ey) > best + 1e-6 + SQRT_SLACK) continue; // Math.hypot would say the same
      const d = Math.hypot(ex, ey);
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
      } else if (e !== edge || !(Math.abs(fraction - firstFraction) < 1e-9)) {
        // Several edges (a junction): the general path's snap from the same members.
        storeTie(tile, k, snapOfMembers(g, index, lng, lat, mSeg, mT, mD, count, best, reach), maxSnap);
        return true;
      }
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
   * Candidates are tried from `first` on, round the list; lastBestIndex is left at the nearest.
   * (col, row): the cell within the block, for its squared gaps to the candidates' boxes.
   */
  private fillCellFast(tile: SnapTile, k: number, segs: Int32Array, count: number, first: number, lng: number, lat: number, maxSnap: number, reach: number, col: number, row: number): boolean {
    const { graph: g, index } = this.net;
    const ky = index.projection.metersPerDegLat, kx = ky * Math.cos((lat * Math.PI) / 180);
    const shape = g.shapeLngLat, gaps = this.scratchGaps, gx = col, gy = BLOCK + row;
    let best = Infinity, second = Infinity, third = Infinity, bestSeg = -1, bestT = 0, secondSeg = -1, secondT = 0, bestJ = 0;
    // A segment whose box is farther from the cell (local metres) than 1 mm beyond the nearest found
    // so far, up to the projection's < 1 % scale, can neither be nearest, nor tie it, nor be a third
    // within a tie's reach of it: skipping it changes nothing, whatever the order tried.
    let stop2 = Infinity;
    if (first >= count) first = 0;
    for (let n = 0, j = first; n < count; n++, j = j + 1 === count ? 0 : j + 1) {
      if (gaps[8 * j + gx]! + gaps[8 * j + gy]! > stop2) continue;
      const seg = segs[j]!, i = index.segmentShape[seg]!;
      const ax = (shape[2 * i]! - lng) * kx, ay = (shape[2 * i + 1]! - lat) * ky;
      const dx = (shape[2 * i + 2]! - lng) * kx - ax, dy = (shape[2 * i + 3]! - lat) * ky - ay;
      const len2 = dx * dx + dy * dy;
      const t = segmentParameter(-(ax * dx + ay * dy), len2);
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
        bestJ = j;
        const stop = (Math.sqrt(best) + 1e-3) * 1.01 + 1 + SKIP_SLACK;
        stop2 = stop * stop;
      } else if (d < second) {
        third = second;
        second = d;
        secondSeg = seg;
        secondT = t;
      } else if (d < third) third = d;
    }
    this.lastBestIndex = bestJ;
    const d1 = Math.sqrt(best);
    if (bestSeg < 0 || d1 > reach * 1.01 + 1 + SQRT_SLACK) return true;
    if (!(d1 < reach * 1.01 + 1 - SQRT_SLACK)) return this.fillCellExact(tile, k, segs, count, lng, lat, maxSnap, reach);
    this.lastBest = d1;
    const gap = Math.sqrt(second) - d1;
    if (gap > 1e-6 + SQRT_SLACK) {
      storeSnap(this.net, reach, tile, k, lng, lat, bestSeg, bestT, maxSnap);
      return true;
    }
    if (Math.sqrt(third) - d1 > 2e-6 + SQRT_SLACK && storeVertexSnap(this.net, reach, tile, k, lng, lat, bestSeg, bestT, secondSeg, secondT, maxSnap)) return true;
    if (gap > 1e-6 - SQRT_SLACK) return this.fillCellExact(tile, k, segs, count, lng, lat, maxSnap, reach);
    return false;
  }

  /** fillCellFast's rule with Math.hypot distances, for the cells it cannot tell on squared ones. */
  private fillCellExact(tile: SnapTile, k: number, segs: Int32Array, count: number, lng: number, lat: number, maxSnap: number, reach: number): boolean {
    const { graph: g, index } = this.net;
    const ky = index.projection.metersPerDegLat, kx = ky * Math.cos((lat * Math.PI) / 180);
    const shape = g.shapeLngLat;
    let best = Infinity, second = Infinity, bestSeg = -1, bestT = 0;
    for (let j = 0; j < count; j++) {
      const seg = segs[j]!, i = index.segmentShape[seg]!;
      const ax = (shape[2 * i]! - lng) * kx, ay = (shape[2 * i + 1]! - lat) * ky;
      const dx = (shape[2 * i + 2]! - lng) * kx - ax, dy = (shape[2 * i + 3]! - lat) * ky - ay;
      const len2 = dx * dx + dy * dy;
      const t = segmentParameter(-(ax * dx + ay * dy), len2);
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

/** Stores the general path's snap of a cell (null: nothing within reach) in the tile, its whole snap when a tie remains. */
function storeTie(tile: SnapTile, k: number, snap: Snap | null, maxSnap: number): void {
  if (!snap) return;
  if (snap.offRoadMeters > maxSnap) {
    tile.offRoadMeters[k] = snap.offRoadMeters;
    return;
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
