import type { SegmentIndex } from '../spatial/segment-index';

/**
 * The segment index searches of the snap raster's passes: segment ids and their boxes collected
 * into typed scratch (grown by doubling, never shrunk), and for a block the smallest
 * "farthest corner" distance of the segments collected, which bounds every cell's nearest distance.
 * The search callbacks are made once (no closure per search).
 */
export class SegmentCollector {
  /** the search results: segment ids and their boxes (minX, minY, maxX, maxY), `collected` of them */
  segs = new Int32Array(1024);
  boxes = new Float64Array(4096);
  collected = 0;
  /** the block's four corners (x, y pairs, local metres) collectWithBound measures against */
  readonly corners = new Float64Array(8);
  /** collectWithBound: the smallest farthest-corner distance of the segments collected */
  searchBound = Infinity;

  constructor(private readonly index: SegmentIndex) {}

  /** index search callback: collects segments and boxes only */
  readonly collectOnly = (s: number, bx0: number, by0: number, bx1: number, by1: number): boolean => {
    this.collectBox(s, bx0, by0, bx1, by1);
    return false;
  };

  /** index search callback: collects, and lowers searchBound by the segment's farthest corner */
  readonly collectWithBound = (s: number, bx0: number, by0: number, bx1: number, by1: number): boolean => {
    this.collectBox(s, bx0, by0, bx1, by1);
    const d = maxCornerDistance(this.index, s, this.corners);
    if (d < this.searchBound) this.searchBound = d;
    return false;
  };

  private collectBox(s: number, bx0: number, by0: number, bx1: number, by1: number): void {
    let n = this.collected;
    if (n === this.segs.length) {
      const segs = new Int32Array(2 * n), boxes = new Float64Array(8 * n);
      segs.set(this.segs);
      boxes.set(this.boxes);
      this.segs = segs;
      this.boxes = boxes;
    }
    this.segs[n] = s;
    const b = this.boxes;
    b[4 * n] = bx0; b[4 * n + 1] = by0; b[4 * n + 2] = bx1; b[4 * n + 3] = by1;
    this.collected = ++n;
  }
}

/** Largest distance from a segment (in local metres) to the four corners given. */
export function maxCornerDistance(index: SegmentIndex, seg: number, corners: Float64Array): number {
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

/**
 * Squared distance between the i-th collected segment bounding box and a box (0 when they
 * overlap), local metres² (its square root is the distance, as Math.hypot within an ulp).
 */
export function boxDistanceSquared(b: Float64Array, i: number, x0: number, y0: number, x1: number, y1: number): number {
  const minX = b[4 * i]!, minY = b[4 * i + 1]!, maxX = b[4 * i + 2]!, maxY = b[4 * i + 3]!;
  const dx = Math.max(0, minX - x1, x0 - maxX), dy = Math.max(0, minY - y1, y0 - maxY);
  return dx * dx + dy * dy;
}
