import { unprojectLat, unprojectLng } from '../geo/local-projection';
import type { RoadNetwork } from '../routing/road-network';
import { NearestSegments, snapToGraph, type Snap } from '../spatial/snap-to-graph';
import { projectX, projectY } from '../geo/local-projection';
import { haversineMeters } from '../geo/haversine';
import type { RoadGraph } from '../graph/road-graph';
import type { SegmentIndex } from '../spatial/segment-index';
import type { GridFrame } from './grid-frame';

const TILE = 64;
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

  constructor(
    readonly net: RoadNetwork,
    readonly cellSizeMeters: number,
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
  ): void {
    const c0 = frame.colOffset, r0 = frame.rowOffset;
    for (let ty = Math.floor(r0 / TILE); ty <= Math.floor((r0 + frame.height - 1) / TILE); ty++) {
      for (let tx = Math.floor(c0 / TILE); tx <= Math.floor((c0 + frame.width - 1) / TILE); tx++) {
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
   * Fills a tile block by block (4×4 cells): the segments near a block are fetched once, the
   * smallest "farthest corner" distance bounds every cell's nearest distance (distance to a
   * segment is convex, so its maximum over a block is at a corner), and only segments within that
   * bound of the block are tried per cell. Far fewer R-tree searches than one per cell.
   */
  private fillTile(tx: number, ty: number): SnapTile {
    const n = TILE * TILE;
    const tile: SnapTile = { edge: new Int32Array(n).fill(NO_EDGE), fraction: new Float32Array(n), offRoadMeters: new Float32Array(n).fill(Infinity), ties: new Map() };
    for (let by = 0; by < TILE; by += BLOCK) {
      for (let bx = 0; bx < TILE; bx += BLOCK) this.fillBlock(tile, tx * TILE + bx, ty * TILE + by, bx, by);
    }
    return tile;
  }

  private fillBlock(tile: SnapTile, col0: number, row0: number, bx: number, by: number): void {
    const cs = this.cellSizeMeters, { graph, index, profile } = this.net;
    const maxSnap = profile.maxSnapMeters, reach = this.reachMeters;
    // Block of cell centres, in local metres.
    const x0 = (col0 + 0.5) * cs, y0 = (row0 + 0.5) * cs, x1 = x0 + (BLOCK - 1) * cs, y1 = y0 + (BLOCK - 1) * cs;
    const corners = [x0, y0, x1, y0, x0, y1, x1, y1];
    const segs = this.scratchSegs, boxes = this.scratchBoxes;
    let bound = Infinity;
    for (let r = 2 * cs; ; r = Math.min(2 * r, reach)) {
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
    // Keep the segments that can be nearest for some cell: within the bound of the block (bbox test).
    const limit = Math.min(bound, reach) * 1.01 + 1;
    if (this.scratchNear.length < segs.length) this.scratchNear = new Int32Array(2 * segs.length);
    let nearCount = 0;
    for (let i = 0; i < segs.length; i++) if (boxDistance(boxes, i, x0, y0, x1, y1) <= limit) this.scratchNear[nearCount++] = segs[i]!;
    if (nearCount === 0) return;
    const near = this.scratchNear.subarray(0, nearCount);
    const crowded = nearCount > MAX_BLOCK_CANDIDATES;
    for (let r = 0; r < BLOCK; r++) {
      const lat = unprojectLat(index.projection, (row0 + r + 0.5) * cs);
      for (let c = 0; c < BLOCK; c++) {
        const lng = unprojectLng(index.projection, (col0 + c + 0.5) * cs);
        const k = (by + r) * TILE + (bx + c);
        if (!crowded && this.fillCellFast(tile, k, near, lng, lat, maxSnap, reach)) continue;
        let snap: Snap | null;
        if (crowded) snap = snapToGraph(graph, index, lng, lat, { maxSnapMeters: reach });
        else {
          const nearest = new NearestSegments(graph, index, lng, lat, undefined);
          for (const s of near) nearest.consider(s);
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
  private fillCellFast(tile: SnapTile, k: number, segs: Int32Array, lng: number, lat: number, maxSnap: number, reach: number): boolean {
    const { graph: g, index } = this.net;
    const ky = index.projection.metersPerDegLat, kx = ky * Math.cos((lat * Math.PI) / 180);
    const shape = g.shapeLngLat;
    let best = Infinity, second = Infinity, bestSeg = -1, bestT = 0;
    for (let j = 0; j < segs.length; j++) {
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
    if (second - best <= 1e-6) return false;
    const i = index.segmentShape[bestSeg]!, edge = index.segmentEdge[bestSeg]!;
    const alng = shape[2 * i]!, alat = shape[2 * i + 1]!;
    const flng = alng + bestT * (shape[2 * i + 2]! - alng), flat = alat + bestT * (shape[2 * i + 3]! - alat);
    const offRoadMeters = haversineMeters(lng, lat, flng, flat);
    if (offRoadMeters > maxSnap) {
      if (offRoadMeters <= reach) tile.offRoadMeters[k] = offRoadMeters;
      return true;
    }
    const length = g.edgeLengthMeters[edge]!;
    tile.edge[k] = edge;
    tile.fraction[k] = length > 0 ? Math.min(1, (g.shapeMetersAlong[i]! + haversineMeters(alng, alat, flng, flat)) / length) : 0;
    tile.offRoadMeters[k] = offRoadMeters;
    return true;
  }
}

const BLOCK = 4;
/** above this many candidates for a block, per-cell R-tree searches are cheaper (measured) */
const MAX_BLOCK_CANDIDATES = 160;

/** Largest distance from a segment (in local metres) to the four corners given. */
function maxCornerDistance(index: SegmentIndex, seg: number, corners: number[]): number {
  const i = index.segmentShape[seg]!, xy = index.shapeXY;
  const ax = xy[2 * i]!, ay = xy[2 * i + 1]!, bx = xy[2 * i + 2]!, by = xy[2 * i + 3]!;
  const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  let worst = 0;
  for (let k = 0; k < 8; k += 2) {
    const qx = corners[k]! - ax, qy = corners[k + 1]! - ay;
    const t = len2 > 0 ? Math.min(1, Math.max(0, (qx * dx + qy * dy) / len2)) : 0;
    worst = Math.max(worst, Math.hypot(qx - t * dx, qy - t * dy));
  }
  return worst;
}

/** Distance between the i-th collected segment bounding box and a box (0 when they overlap), local metres. */
function boxDistance(b: number[], i: number, x0: number, y0: number, x1: number, y1: number): number {
  const minX = b[4 * i]!, minY = b[4 * i + 1]!, maxX = b[4 * i + 2]!, maxY = b[4 * i + 3]!;
  const dx = Math.max(0, minX - x1, x0 - maxX), dy = Math.max(0, minY - y1, y0 - maxY);
  return Math.hypot(dx, dy);
}
