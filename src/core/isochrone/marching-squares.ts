/**
 * The zero-level contour of a cell grid: d3-contour 4.0.3's `contours().size([dx, dy])
 * .smooth(false).thresholds([0])(values)[0].coordinates`, the same rings with the same points in
 * the same order, holes assigned the same way (tests/core/marching-squares.test.ts compares the
 * two on seeded grids). Ported from d3-contour (ISC licence, Copyright 2012-2026 Mike Bostock;
 * marching squares after topojson-client's stitch) because its stitching copied both fragments'
 * rings into a new array at every join (`concat`): on an isochrone's 200,000-cell grid that was
 * ~7 MB of garbage per contour, half of what a first isochrone allocated, and prepended points
 * with unshift (moving the whole ring each time). Here a fragment keeps its points in two arrays
 * that only grow (prepended ones reversed), a join copies the shorter fragment's points into the
 * longer's, a point is made only when a ring keeps it, fragments are kept in Maps rather than
 * sparse arrays, and the cases are read without a callback per cell.
 */

type Point = [number, number];
type Ring = Point[];
/**
 * A ring being stitched: its points are `head` reversed, then `tail` (d3 kept one array and
 * prepended with unshift, which moves every point of a long ring again at each step).
 */
interface Fragment { start: number; end: number; head: Point[]; tail: Point[] }

function ringOf(f: Fragment): Ring {
  const ring: Ring = new Array(f.head.length + f.tail.length);
  let n = 0;
  for (let i = f.head.length - 1; i >= 0; i--) ring[n++] = f.head[i]!;
  for (let i = 0; i < f.tail.length; i++) ring[n++] = f.tail[i]!;
  return ring;
}

/**
 * The fragment holding f's points followed by g's (d3: f.ring.concat(g.ring)), made by copying the
 * shorter of the two into the other's arrays (g after f's tail, or f reversed onto g's head), so
 * a point is copied O(log n) times however the fragments join. f and g are dropped by the caller.
 */
function joinPoints(f: Fragment, g: Fragment, start: number, end: number): Fragment {
  if (f.head.length + f.tail.length >= g.head.length + g.tail.length) {
    const tail = f.tail;
    for (let i = g.head.length - 1; i >= 0; i--) tail.push(g.head[i]!);
    for (let i = 0; i < g.tail.length; i++) tail.push(g.tail[i]!);
    return { start, end, head: f.head, tail };
  }
  const head = g.head;
  for (let i = f.tail.length - 1; i >= 0; i--) head.push(f.tail[i]!);
  for (let i = 0; i < f.head.length; i++) head.push(f.head[i]!);
  return { start, end, head, tail: g.tail };
}

/** The 16 marching-squares cases: the segments (start, end in cell units) each case draws. */
const CASES: ReadonlyArray<ReadonlyArray<readonly [readonly [number, number], readonly [number, number]]>> = [
  [],
  [[[1.0, 1.5], [0.5, 1.0]]],
  [[[1.5, 1.0], [1.0, 1.5]]],
  [[[1.5, 1.0], [0.5, 1.0]]],
  [[[1.0, 0.5], [1.5, 1.0]]],
  [[[1.0, 1.5], [0.5, 1.0]], [[1.0, 0.5], [1.5, 1.0]]],
  [[[1.0, 0.5], [1.0, 1.5]]],
  [[[1.0, 0.5], [0.5, 1.0]]],
  [[[0.5, 1.0], [1.0, 0.5]]],
  [[[1.0, 1.5], [1.0, 0.5]]],
  [[[0.5, 1.0], [1.0, 0.5]], [[1.5, 1.0], [1.0, 1.5]]],
  [[[1.5, 1.0], [1.0, 0.5]]],
  [[[0.5, 1.0], [1.5, 1.0]]],
  [[[1.0, 1.5], [1.5, 1.0]]],
  [[[0.5, 1.0], [1.0, 1.5]]],
  [],
];

/** Polygons (exterior ring first, then its holes) where `values >= 0`, in cell units (d3-contour's). */
export function zeroContour(values: Float64Array, dx: number, dy: number): Ring[][] {
  const polygons: Ring[][] = [], holes: Ring[] = [];
  isorings(values, dx, dy, (ring) => {
    if (area(ring) > 0) polygons.push([ring]);
    else holes.push(ring);
  });
  for (const hole of holes) {
    for (let i = 0, n = polygons.length; i < n; ++i) {
      const polygon = polygons[i]!;
      if (contains(polygon[0]!, hole) !== -1) {
        polygon.push(hole);
        break;
      }
    }
  }
  return polygons;
}

function isorings(values: Float64Array, dx: number, dy: number, callback: (ring: Ring) => void): void {
  const byStart = new Map<number, Fragment>(), byEnd = new Map<number, Fragment>();
  let x = -1, y = -1, t0: number, t1: number, t2: number, t3: number;
  const index = (px: number, py: number) => px * 2 + py * (dx + 1) * 4;

  const stitch = (caseIndex: number) => {
    const lines = CASES[caseIndex]!;
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l]!;
      // d3 makes both end points at once; each is made here only when a ring keeps it.
      const sx = line[0][0] + x, sy = line[0][1] + y, ex = line[1][0] + x, ey = line[1][1] + y;
      const startIndex = index(sx, sy), endIndex = index(ex, ey);
      let f: Fragment | undefined, g: Fragment | undefined;
      if ((f = byEnd.get(startIndex))) {
        if ((g = byStart.get(endIndex))) {
          byEnd.delete(f.end);
          byStart.delete(g.start);
          if (f === g) {
            f.tail.push([ex, ey]);
            callback(ringOf(f));
          } else {
            // d3: {start: f.start, end: g.end, ring: f.ring.concat(g.ring)}; f and g are dropped
            const joined = joinPoints(f, g, f.start, g.end);
            byStart.set(f.start, joined);
            byEnd.set(g.end, joined);
          }
        } else {
          byEnd.delete(f.end);
          f.tail.push([ex, ey]);
          byEnd.set((f.end = endIndex), f);
        }
      } else if ((f = byStart.get(endIndex))) {
        if ((g = byEnd.get(startIndex))) {
          byStart.delete(f.start);
          byEnd.delete(g.end);
          if (f === g) {
            f.tail.push([ex, ey]);
            callback(ringOf(f));
          } else {
            // d3: {start: g.start, end: f.end, ring: g.ring.concat(f.ring)}
            const joined = joinPoints(g, f, g.start, f.end);
            byStart.set(g.start, joined);
            byEnd.set(f.end, joined);
          }
        } else {
          byStart.delete(f.start);
          f.head.push([sx, sy]); // d3: f.ring.unshift(start)
          byStart.set((f.start = startIndex), f);
        }
      } else {
        const fragment: Fragment = { start: startIndex, end: endIndex, head: [], tail: [[sx, sy], [ex, ey]] };
        byStart.set(startIndex, fragment);
        byEnd.set(endIndex, fragment);
      }
    }
  };

  // Special case for the first row (y = -1, t2 = t3 = 0).
  t1 = +(values[0]! >= 0);
  stitch(t1 << 1);
  while (++x < dx - 1) {
    t0 = t1;
    t1 = +(values[x + 1]! >= 0);
    if ((t0 | t1 << 1) !== 0) stitch(t0 | t1 << 1);
  }
  stitch(t1 << 0);

  // General case for the intermediate rows.
  while (++y < dy - 1) {
    x = -1;
    t1 = +(values[y * dx + dx]! >= 0);
    t2 = +(values[y * dx]! >= 0);
    stitch(t1 << 1 | t2 << 2);
    while (++x < dx - 1) {
      t0 = t1;
      t1 = +(values[y * dx + dx + x + 1]! >= 0);
      t3 = t2;
      t2 = +(values[y * dx + x + 1]! >= 0);
      const c = t0 | t1 << 1 | t2 << 2 | t3 << 3;
      if (c !== 0 && c !== 15) stitch(c);
    }
    stitch(t1 | t2 << 3);
  }

  // Special case for the last row (y = dy - 1, t0 = t1 = 0).
  x = -1;
  t2 = +(values[y * dx]! >= 0);
  stitch(t2 << 2);
  while (++x < dx - 1) {
    t3 = t2;
    t2 = +(values[y * dx + x + 1]! >= 0);
    if ((t2 << 2 | t3 << 3) !== 0) stitch(t2 << 2 | t3 << 3);
  }
  stitch(t2 << 3);
}

function area(ring: Ring): number {
  const n = ring.length;
  let i = 0, a = ring[n - 1]![1] * ring[0]![0] - ring[n - 1]![0] * ring[0]![1];
  while (++i < n) a += ring[i - 1]![1] * ring[i]![0] - ring[i - 1]![0] * ring[i]![1];
  return a;
}

function contains(ring: Ring, hole: Ring): number {
  for (let i = 0; i < hole.length; i++) {
    const c = ringContains(ring, hole[i]!);
    if (c) return c;
  }
  return 0;
}

function ringContains(ring: Ring, point: Point): number {
  const x = point[0], y = point[1];
  let inside = -1;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const pi = ring[i]!, xi = pi[0], yi = pi[1], pj = ring[j]!, xj = pj[0], yj = pj[1];
    if (segmentContains(pi, pj, point)) return 0;
    if (((yi > y) !== (yj > y)) && ((x < (xj - xi) * (y - yi) / (yj - yi) + xi))) inside = -inside;
  }
  return inside;
}

function segmentContains(a: Point, b: Point, c: Point): boolean {
  const i = +(a[0] === b[0]);
  return collinear(a, b, c) && within(a[i]!, c[i]!, b[i]!);
}

function collinear(a: Point, b: Point, c: Point): boolean {
  return (b[0] - a[0]) * (c[1] - a[1]) === (c[0] - a[0]) * (b[1] - a[1]);
}

function within(p: number, q: number, r: number): boolean {
  return (p <= q && q <= r) || (r <= q && q <= p);
}
