import type Flatbush from 'flatbush';
import { gapOf } from '../geo/interval-gap';
import type { SegmentIndex } from '../spatial/segment-index';
import { segmentParameter } from '../geo/segment-parameter';

/**
 * The segment index searches of the snap raster's passes: segment ids and their boxes collected
 * into typed scratch (grown by doubling, never shrunk), with no allocation per search.
 */
export class SegmentCollector {
  /** the search results: segment ids and their boxes (minX, minY, maxX, maxY), `collected` of them */
  segs = new Int32Array(1024);
  boxes = new Float64Array(4096);
  collected = 0;
  /** the block's four corners (x, y pairs, local metres) the block pass measures against */
  readonly corners = new Float64Array(8);

  /** searchBox's traversal stack: (node position | contained flag, level) pairs */
  private stack: Int32Array;

  constructor(private readonly index: SegmentIndex) {
    const tree = index.tree;
    this.stack = new Int32Array(2 * tree.nodeSize * tree._levelBounds.length + 4);
  }

  /**
   * Collects (from 0) every segment whose box intersects or touches the query box, into segs and
   * boxes: Flatbush's own search (flatbush 4.7, `search`) step for step — the same nodes in the
   * same order, the same contained-subtree sweeps — so the same segments in the same order
   * (tested against it), without its per-call arrays and callback.
   */
  searchBox(minX: number, minY: number, maxX: number, maxY: number): void {
    const tree: Flatbush = this.index.tree;
    const boxes = tree._boxes, indices = tree._indices, levelBounds = tree._levelBounds, nodeSize = tree.nodeSize;
    const numItems4 = tree.numItems * 4;
    let stack = this.stack, sp = 0;
    let nodeIndex = boxes.length - 4, level = levelBounds.length - 1, contained = false;
    this.collected = 0;
    for (;;) {
      const end = Math.min(nodeIndex + nodeSize * 4, levelBounds[level]!);
      const isNode = nodeIndex >= numItems4;
      if (contained) {
        let pos = nodeIndex;
        for (let l = level; l > 0; l--) pos = indices[pos >> 2]!;
        const leafEnd = Math.min(pos + (end - nodeIndex) * nodeSize ** level, numItems4);
        for (; pos < leafEnd; pos += 4) this.collectBox(indices[pos >> 2]! | 0, boxes[pos]!, boxes[pos + 1]!, boxes[pos + 2]!, boxes[pos + 3]!);
      } else {
        for (let pos = nodeIndex; pos < end; pos += 4) {
          const x0 = boxes[pos]!;
          if (maxX < x0) continue;
          const y0 = boxes[pos + 1]!;
          if (maxY < y0) continue;
          const x1 = boxes[pos + 2]!;
          if (minX > x1) continue;
          const y1 = boxes[pos + 3]!;
          if (minY > y1) continue;
          const index = indices[pos >> 2]! | 0;
          if (isNode) {
            if (sp + 2 > stack.length) {
              const grown = new Int32Array(2 * stack.length);
              grown.set(stack);
              this.stack = stack = grown;
            }
            stack[sp++] = index | +(minX <= x0 && minY <= y0 && maxX >= x1 && maxY >= y1);
            stack[sp++] = level - 1;
          } else this.collectBox(index, x0, y0, x1, y1);
        }
      }
      if (sp === 0) break;
      level = stack[--sp]!;
      nodeIndex = stack[--sp]!;
      contained = (nodeIndex & 1) === 1;
      nodeIndex &= ~1;
    }
  }

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
    const t = segmentParameter(qx * dx + qy * dy, len2);
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
  const dx = gapOf(minX, maxX, x0, x1), dy = gapOf(minY, maxY, y0, y1);
  return dx * dx + dy * dy;
}

/**
 * The largest squared distance from a corner of the box (x0, y0)-(x1, y1) to the i-th collected
 * segment bounding box: a lower bound of the segment's farthest-corner distance squared
 * (maxCornerDistance), since a corner is no nearer to the segment than to its box.
 */
export function farthestCornerBoxSquared(b: Float64Array, i: number, x0: number, y0: number, x1: number, y1: number): number {
  const minX = b[4 * i]!, minY = b[4 * i + 1]!, maxX = b[4 * i + 2]!, maxY = b[4 * i + 3]!;
  const gx0 = gapOf(minX, maxX, x0, x0), gx1 = gapOf(minX, maxX, x1, x1);
  const gy0 = gapOf(minY, maxY, y0, y0), gy1 = gapOf(minY, maxY, y1, y1);
  return Math.max(gx0 * gx0, gx1 * gx1) + Math.max(gy0 * gy0, gy1 * gy1);
}
