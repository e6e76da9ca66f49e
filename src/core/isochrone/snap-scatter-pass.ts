import type { RoadNetwork } from '../routing/road-network';
import type { SegmentCollector } from './snap-candidates';
import { BLOCK, BLOCKS_PER_ROW, SQRT_SLACK, TILE, storeSnap, storeVertexSnap, type SnapTile } from './snap-tile';
import { segmentParameter } from '../geo/segment-parameter';

/** log2(BLOCK): a cell's block column is its column >> BLOCK_SHIFT */
const BLOCK_SHIFT = Math.log2(BLOCK);
/** The scatter pass reaches this many cells around each segment. */
const NEAR_CELLS = 2;

/**
 * The snap raster's first pass over a new tile, near roads (most cells of a town): each segment
 * near the tile scatters its distance to the cells within NEAR_CELLS cells of it, keeping per cell
 * the nearest, second and third nearest. A cell whose nearest is within that reach has met every
 * segment that could beat it, so it is done without any search; the others are left to the block
 * pass (snap-block-pass.ts), which uses the same arithmetic.
 */
export class ScatterPass {
  private readonly scratch = {
    best: new Float64Array(TILE * TILE), second: new Float64Array(TILE * TILE), bestSeg: new Int32Array(TILE * TILE), bestT: new Float64Array(TILE * TILE),
    third: new Float64Array(TILE * TILE), secondSeg: new Int32Array(TILE * TILE), secondT: new Float64Array(TILE * TILE),
  };

  constructor(
    private readonly net: RoadNetwork,
    private readonly cellSizeMeters: number,
    private readonly reachMeters: number,
    private readonly collector: SegmentCollector,
  ) {}

  /**
   * Fills what it can of the tile (global tile column tx, row ty) within the blocks `blockMask`
   * marks (1, per block of the tile, row by row); marks `done` the cells it filled.
   */
  run(tile: SnapTile, tx: number, ty: number, done: Uint8Array, blockMask: Uint8Array): void {
    const cs = this.cellSizeMeters, { graph: g, index } = this.net;
    const near = NEAR_CELLS * cs, m = near * 1.01 + 1;
    const col0 = tx * TILE, row0 = ty * TILE;
    const x0 = (col0 + 0.5) * cs, y0 = (row0 + 0.5) * cs, x1 = x0 + (TILE - 1) * cs, y1 = y0 + (TILE - 1) * cs;
    const { best, second, third, bestSeg, bestT, secondSeg, secondT } = this.scratch;
    const { rowLat, rowKx, colLng } = tile;
    best.fill(Infinity);
    second.fill(Infinity);
    third.fill(Infinity);
    const ky = index.projection.metersPerDegLat;
    const shape = g.shapeLngLat;
    // Collect the segments first (typed scratch, as the block pass), then scatter them in a plain loop.
    const collector = this.collector;
    collector.searchBox(x0 - m, y0 - m, x1 + m, y1 + m);
    const segs = collector.segs, boxes = collector.boxes, count = collector.collected, segShape = index.segmentShape;
    for (let q = 0; q < count; q++) {
      const seg = segs[q]!, bx0 = boxes[4 * q]!, by0 = boxes[4 * q + 1]!, bx1 = boxes[4 * q + 2]!, by1 = boxes[4 * q + 3]!;
      const cA = Math.max(0, Math.ceil((bx0 - m) / cs - 0.5) - col0), cB = Math.min(TILE - 1, Math.floor((bx1 + m) / cs - 0.5) - col0);
      const rA = Math.max(0, Math.ceil((by0 - m) / cs - 0.5) - row0), rB = Math.min(TILE - 1, Math.floor((by1 + m) / cs - 0.5) - row0);
      const i = segShape[seg]!;
      const slng = shape[2 * i]!, slat = shape[2 * i + 1]!, elng = shape[2 * i + 2]!, elat = shape[2 * i + 3]!;
      for (let r = rA; r <= rB; r++) {
        const lat = rowLat[r]!, kx = rowKx[r]!, maskRow = (r >> BLOCK_SHIFT) * BLOCKS_PER_ROW;
        for (let c = cA; c <= cB; c++) {
          // a block not covered: on to the next block's first column (c |= BLOCK - 1 is this block's last)
          if (blockMask[maskRow + (c >> BLOCK_SHIFT)] === 0) { c |= BLOCK - 1; continue; }
          // NearestSegments' arithmetic, in a frame centred on the cell (as fillCellFast).
          const lng = colLng[c]!;
          const ax = (slng - lng) * kx, ay = (slat - lat) * ky;
          const dx = (elng - lng) * kx - ax, dy = (elat - lat) * ky - ay;
          const len2 = dx * dx + dy * dy;
          const t = segmentParameter(-(ax * dx + ay * dy), len2);
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
    const net = this.net, reach = this.reachMeters, maxSnap = net.profile.maxSnapMeters;
    for (let r = 0; r < TILE; r++) {
      const maskRow = (r >> BLOCK_SHIFT) * BLOCKS_PER_ROW;
      for (let c = 0; c < TILE; c++) {
        if (blockMask[maskRow + (c >> BLOCK_SHIFT)] === 0) { c |= BLOCK - 1; continue; }
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
        if (gap > 1e-6 + SQRT_SLACK) storeSnap(net, reach, tile, k, colLng[c]!, rowLat[r]!, bestSeg[k]!, bestT[k]!, maxSnap);
        else if (!(Math.sqrt(third[k]!) - d1 > 2e-6 + SQRT_SLACK && storeVertexSnap(net, reach, tile, k, colLng[c]!, rowLat[r]!, bestSeg[k]!, bestT[k]!, secondSeg[k]!, secondT[k]!, maxSnap))) continue;
        done[k] = 1;
      }
    }
  }
}
