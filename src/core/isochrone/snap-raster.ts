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

/**
 * A cache of cell-centre snaps on the network's global lattice for one cell size, filled lazily
 * in 64×64 tiles. The nearest edge of a place does not depend on the source, so every isochrone
 * and coverage over the same area reuses it (Valhalla marks a grid in the same spirit).
 */
export class SnapRaster {
  private readonly tiles = new Map<string, SnapTile>();
  /** fillBlock's index search results: segment ids and their boxes, `collected` of them */
  private scratchSegs = new Int32Array(1024);
  private scratchBoxes = new Float64Array(4096);
  private collected = 0;
  private scratchNear = new Int32Array(256);
  private readonly tieSeg = new Int32Array(16);
  /** the nearest distance fillCellFast found for the cell it declined (a tie) */
  private lastBest = Infinity;
  private lastBound = 0;
  private readonly tieT = new Float64Array(16);
  private readonly tieD = new Float64Array(16);
  private scratchNearDist = new Float64Array(256);
  private scratchKeys = new Float64Array(256);
  private readonly corners = new Float64Array(8);
  /** fillBlock's index search: the smallest farthest-corner distance of the segments collected */
  private searchBound = Infinity;
  /** the index search callback of scatterNear: collects segments and boxes only */
  private readonly collectSegmentOnly = (s: number, bx0: number, by0: number, bx1: number, by1: number): boolean => {
    this.collectBox(s, bx0, by0, bx1, by1);
    return false;
  };
  private readonly collectSegment = (s: number, bx0: number, by0: number, bx1: number, by1: number): boolean => {
    this.collectBox(s, bx0, by0, bx1, by1);
    const d = maxCornerDistance(this.net.index, s, this.corners);
    if (d < this.searchBound) this.searchBound = d;
    return false;
  };
  private collectBox(s: number, bx0: number, by0: number, bx1: number, by1: number): void {
    let n = this.collected;
    if (n === this.scratchSegs.length) {
      const segs = new Int32Array(2 * n), boxes = new Float64Array(8 * n);
      segs.set(this.scratchSegs);
      boxes.set(this.scratchBoxes);
      this.scratchSegs = segs;
      this.scratchBoxes = boxes;
    }
    this.scratchSegs[n] = s;
    const b = this.scratchBoxes;
    b[4 * n] = bx0; b[4 * n + 1] = by0; b[4 * n + 2] = bx1; b[4 * n + 3] = by1;
    this.collected = ++n;
  }
  private scratchSorted = new Int32Array(256);
  private scratchSortedDist = new Float64Array(256);
  private readonly scratchScatter = {
    best: new Float64Array(TILE * TILE), second: new Float64Array(TILE * TILE), bestSeg: new Int32Array(TILE * TILE), bestT: new Float64Array(TILE * TILE),
    third: new Float64Array(TILE * TILE), secondSeg: new Int32Array(TILE * TILE), secondT: new Float64Array(TILE * TILE),
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
    /**
     * and within them only these 4×4 blocks (global block column and row, BLOCK_CELLS cells each):
     * a block's far-from-road cells are filled when it is first needed
     */
    needBlock?: (bx: number, by: number) => boolean,
  ): void {
    const c0 = frame.colOffset, r0 = frame.rowOffset;
    for (let ty = Math.floor(r0 / TILE); ty <= Math.floor((r0 + frame.height - 1) / TILE); ty++) {
      for (let tx = Math.floor(c0 / TILE); tx <= Math.floor((c0 + frame.width - 1) / TILE); tx++) {
        if (needTile && !needTile(tx, ty)) continue;
        const tile = this.tile(tx, ty);
        const rowStart = Math.max(r0, ty * TILE), rowEnd = Math.min(r0 + frame.height, (ty + 1) * TILE);
        const colStart = Math.max(c0, tx * TILE), colEnd = Math.min(c0 + frame.width, (tx + 1) * TILE);
        for (let bRow = rowStart - ((rowStart - ty * TILE) % BLOCK); bRow < rowEnd; bRow += BLOCK) {
          for (let bCol = colStart - ((colStart - tx * TILE) % BLOCK); bCol < colEnd; bCol += BLOCK) {
            if (needBlock && !needBlock(bCol / BLOCK, bRow / BLOCK)) continue;
            const bx = bCol - tx * TILE, by = bRow - ty * TILE, b = (by / BLOCK) * BLOCKS_PER_ROW + bx / BLOCK;
            if (tile.blockFilled[b] === 0) this.fillPendingBlock(tile, tx, ty, bx, by, b);
            const tieAt = tile.tieAt;
            for (let row = Math.max(bRow, rowStart); row < Math.min(bRow + BLOCK, rowEnd); row++) {
              for (let col = Math.max(bCol, colStart); col < Math.min(bCol + BLOCK, colEnd); col++) {
                const k = (row - ty * TILE) * TILE + (col - tx * TILE);
                const edge = tile.edge[k]!;
                if (edge === NO_EDGE) {
                  const d = tile.offRoadMeters[k]!;
                  if (beyond && d < Infinity) beyond((row - r0) * frame.width + (col - c0), d);
                  continue;
                }
                visit((row - r0) * frame.width + (col - c0), edge, tile.fraction[k]!, tile.offRoadMeters[k]!, tieAt !== null && tieAt[k] === 1 ? tile.ties.get(k) : undefined);
              }
            }
          }
        }
      }
    }
  }

  /** The block pass for one block of a tile whose scatter pass left cells in it. */
  private fillPendingBlock(tile: SnapTile, tx: number, ty: number, bx: number, by: number, b: number): void {
    this.fillBlock(tile, tx * TILE + bx, ty * TILE + by, bx, by, tile.cellDone!);
    tile.blockFilled[b] = 1;
    if (--tile.pendingBlocks === 0) tile.cellDone = null;
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
    const tile: SnapTile = {
      edge: new Int32Array(n).fill(NO_EDGE), fraction: new Float32Array(n), offRoadMeters: new Float32Array(n).fill(Infinity), ties: new Map(), tieAt: null,
      blockFilled: new Uint8Array(BLOCKS_PER_ROW * BLOCKS_PER_ROW), cellDone: new Uint8Array(n), pendingBlocks: 0,
      rowLat: new Float64Array(TILE), rowKx: new Float64Array(TILE), colLng: new Float64Array(TILE),
    };
    const done = tile.cellDone!;
    const { projection } = this.net.index, cs = this.cellSizeMeters, ky = projection.metersPerDegLat;
    const { rowLat, rowKx, colLng } = tile;
    for (let r = 0; r < TILE; r++) {
      rowLat[r] = unprojectLat(projection, (ty * TILE + r + 0.5) * cs);
      rowKx[r] = ky * Math.cos((rowLat[r]! * Math.PI) / 180);
    }
    for (let c = 0; c < TILE; c++) colLng[c] = unprojectLng(projection, (tx * TILE + c + 0.5) * cs);
    if (this.scatter) this.scatterNear(tile, tx, ty, done);
    let pending = 0;
    for (let by = 0; by < TILE; by += BLOCK) {
      for (let bx = 0; bx < TILE; bx += BLOCK) {
        let all = true;
        for (let r = 0; r < BLOCK && all; r++) for (let c = 0; c < BLOCK; c++) if (!done[(by + r) * TILE + bx + c]) { all = false; break; }
        if (all) tile.blockFilled[(by / BLOCK) * BLOCKS_PER_ROW + bx / BLOCK] = 1;
        else pending++;
      }
    }
    tile.pendingBlocks = pending;
    if (pending === 0) tile.cellDone = null;
    return tile;
  }

  /** The first pass of fillTile: marks `done` the cells it filled. */
  private scatterNear(tile: SnapTile, tx: number, ty: number, done: Uint8Array): void {
    const cs = this.cellSizeMeters, { graph: g, index } = this.net;
    const near = NEAR_CELLS * cs, m = near * 1.01 + 1;
    const col0 = tx * TILE, row0 = ty * TILE;
    const x0 = (col0 + 0.5) * cs, y0 = (row0 + 0.5) * cs, x1 = x0 + (TILE - 1) * cs, y1 = y0 + (TILE - 1) * cs;
    const { best, second, third, bestSeg, bestT, secondSeg, secondT } = this.scratchScatter;
    const { rowLat, rowKx, colLng } = tile;
    best.fill(Infinity);
    second.fill(Infinity);
    third.fill(Infinity);
    const ky = index.projection.metersPerDegLat;
    const shape = g.shapeLngLat;
    // Collect the segments first (typed scratch, as fillBlock), then scatter them in a plain loop.
    this.collected = 0;
    this.searchBound = Infinity;
    index.tree.search(x0 - m, y0 - m, x1 + m, y1 + m, this.collectSegmentOnly);
    const segs = this.scratchSegs, boxes = this.scratchBoxes, count = this.collected, segShape = index.segmentShape;
    for (let q = 0; q < count; q++) {
      const seg = segs[q]!, bx0 = boxes[4 * q]!, by0 = boxes[4 * q + 1]!, bx1 = boxes[4 * q + 2]!, by1 = boxes[4 * q + 3]!;
      const cA = Math.max(0, Math.ceil((bx0 - m) / cs - 0.5) - col0), cB = Math.min(TILE - 1, Math.floor((bx1 + m) / cs - 0.5) - col0);
      const rA = Math.max(0, Math.ceil((by0 - m) / cs - 0.5) - row0), rB = Math.min(TILE - 1, Math.floor((by1 + m) / cs - 0.5) - row0);
      const i = segShape[seg]!;
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
          const ex = ax + t * dx, ey = ay + t * dy;
          const d = ex * ex + ey * ey; // squared: Math.hypot costs ~10× a sqrt (see SQRT_SLACK)
          const k = r * TILE + c;
          if (d < third[k]!) {
            if (d < best[k]!) {
              third[k] = second[k]!;
              second[k] = best[k]!;
              secondSeg[k] = bestSeg[k]!;
              secondT[k] = bestT[k]!;
              best[k] = d;
              bestSeg[k] = seg;
              bestT[k] = t;
            } else if (d < second[k]!) {
              third[k] = second[k]!;
              second[k] = d;
              secondSeg[k] = seg;
              secondT[k] = t;
            } else third[k] = d;
          }
        }
      }
    }
    const maxSnap = this.net.profile.maxSnapMeters;
    for (let r = 0; r < TILE; r++) {
      for (let c = 0; c < TILE; c++) {
        const k = r * TILE + c;
        // Every segment within `near` of the cell was scattered into it (with margin), so a nearest
        // within near - 1 mm is the nearest. A tie (within 1e-6 m) of two consecutive segments of
        // one edge at their shared vertex is one place (see storeVertexSnap); other ties are left
        // to the block pass.
        // Decided on sqrt of the squared distances, with SQRT_SLACK either side of every limit: a
        // cell too close to one to tell is left to the block pass's exact (Math.hypot) path.
        const d1 = Math.sqrt(best[k]!);
        if (!(d1 <= near - 1e-3 - SQRT_SLACK)) continue;
        const gap = Math.sqrt(second[k]!) - d1;
        if (gap > 1e-6 + SQRT_SLACK) this.storeSnap(tile, k, colLng[c]!, rowLat[r]!, bestSeg[k]!, bestT[k]!, maxSnap);
        else if (!(Math.sqrt(third[k]!) - d1 > 2e-6 + SQRT_SLACK && this.storeVertexSnap(tile, k, colLng[c]!, rowLat[r]!, bestSeg[k]!, bestT[k]!, secondSeg[k]!, secondT[k]!, maxSnap))) continue;
        done[k] = 1;
      }
    }
  }

  /**
   * The two nearest segments (the third is over 2e-6 m farther, beyond any tie the general path
   * could form) are consecutive segments of one edge meeting at the nearest point, their shared
   * vertex: whether the two tie or not, and whatever order they came in, the general path's snap
   * is that one point, provided both give the same point and fraction bit for bit, which is
   * checked (it holds when `a + 1·(b − a)` is exactly b, i.e. almost always). Stores it like
   * storeSnap and returns true; false (nothing stored) otherwise.
   */
  private storeVertexSnap(tile: SnapTile, k: number, lng: number, lat: number, segA: number, tA: number, segB: number, tB: number, maxSnap: number): boolean {
    const { graph: g, index } = this.net;
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
    const offRoadMeters = haversineMeters(lng, lat, plng, plat);
    if (offRoadMeters > maxSnap) {
      if (offRoadMeters <= this.reachMeters) tile.offRoadMeters[k] = offRoadMeters;
      return true;
    }
    tile.edge[k] = edge;
    tile.fraction[k] = f0;
    tile.offRoadMeters[k] = offRoadMeters;
    return true;
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
    const corners = this.corners;
    corners[0] = x0; corners[1] = y0; corners[2] = x1; corners[3] = y0; corners[4] = x0; corners[5] = y1; corners[6] = x1; corners[7] = y1;
    // Neighbouring blocks' bounds differ by at most the block's diagonal: start near the last one
    // (one index search instead of up to four growing ones, far from roads).
    const guess = this.lastBound - BLOCK * cs * 1.5;
    for (let r = Math.min(reach, Math.max(2 * cs, guess)); ; r = Math.min(2 * r, reach)) {
      const m = r * 1.01 + 1;
      this.collected = 0;
      this.searchBound = Infinity;
      index.tree.search(x0 - m, y0 - m, x1 + m, y1 + m, this.collectSegment);
      if (this.searchBound <= r || r >= reach) break;
    }
    const bound = this.searchBound;
    this.lastBound = bound;
    // Keep the segments that can be nearest for some cell: within the bound of the block (bbox test).
    const limit = Math.min(bound, reach) * 1.01 + 1;
    const segs = this.scratchSegs, boxes = this.scratchBoxes, collected = this.collected;
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
      this.storeSnap(tile, k, lng, lat, bestSeg, bestT, maxSnap);
      return true;
    }
    if (Math.sqrt(third) - d1 > 2e-6 + SQRT_SLACK && this.storeVertexSnap(tile, k, lng, lat, bestSeg, bestT, secondSeg, secondT, maxSnap)) return true;
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
    this.storeSnap(tile, k, lng, lat, bestSeg, bestT, maxSnap);
    return true;
  }
}

const BLOCK = 4;
/** Blocks are BLOCK_CELLS × BLOCK_CELLS cells of the global lattice (tiles hold 16 × 16 of them). */
export const BLOCK_CELLS = BLOCK;
const BLOCKS_PER_ROW = TILE / BLOCK;
/**
 * Metres of doubt between a distance taken as sqrt(x² + y²) and as Math.hypot(x, y): both are
 * within ~2 ulp of the true value, < 1e-12 m at the raster's reach; 1e-9 m is ample.
 */
const SQRT_SLACK = 1e-9;
/** fillBlock sorts candidates by their distance to the block in steps of 1/KEY_SCALE metres */
const KEY_SCALE = 64;
/** ties in blocks with more candidates than this are snapped with their own index search */
const TIE_SEARCH_ABOVE = 160;
/** The scatter pass reaches this many cells around each segment. */
const NEAR_CELLS = 2;

/** Largest distance from a segment (in local metres) to the four corners given. */
function maxCornerDistance(index: SegmentIndex, seg: number, corners: Float64Array): number {
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
function boxDistance(b: Float64Array, i: number, x0: number, y0: number, x1: number, y1: number): number {
  const minX = b[4 * i]!, minY = b[4 * i + 1]!, maxX = b[4 * i + 2]!, maxY = b[4 * i + 3]!;
  const dx = Math.max(0, minX - x1, x0 - maxX), dy = Math.max(0, minY - y1, y0 - maxY);
  return Math.hypot(dx, dy);
}
