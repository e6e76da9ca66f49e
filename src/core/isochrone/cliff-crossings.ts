import { unprojectLat, unprojectLng } from '../geo/local-projection';
import type { RoadNetwork } from '../routing/road-network';
import { timeToPlace, type EdgeSource, type TimedLabel } from '../routing/time-at-snap';
import { nearestSegmentAmong, snapOfSegment, snapToGraph, type NearestSegmentHit } from '../spatial/snap-to-graph';
import type { CrossingRefiner } from './contour-grid';
import type { TravelTimeGrid } from './travel-time-grid';

/** Halvings of the gap between two cell centres: 40 m / 2^4 = 2.5 m. */
const BISECTIONS = 4;

/**
 * Places the boundary where the spec's time jumps between two neighbouring cells.
 *
 * Where time is continuous it changes by at most one cell's off-road time between neighbours, and
 * the contour interpolates linearly. A larger difference (or a reached cell beside one whose road
 * is never reached) is a cliff: the cells' nearest roads differ — a carriageway whose way in lies
 * outside the extract, a pocket joined only by footways or a one-way exit, a road just within
 * reach beside one not reached — and the time jumps where the nearest road switches, somewhere
 * between the two centres. There the crossing is found by bisection on the spec's time of places
 * on the line between them, each judged exactly as any place (nearest open road by perpendicular
 * projection, pro-rata edge time, off-road leg). Must run while the expander still holds the
 * grid's search.
 */
export function cliffRefiner(
  net: RoadNetwork,
  grid: TravelTimeGrid,
  thresholdSeconds: number,
  sourcesOnEdge: ReadonlyMap<number, readonly EdgeSource[]>,
  closedEdges: Uint8Array | undefined,
): CrossingRefiner | undefined {
  const { frame, seconds, offRoadMeters: offRoad, edge: cellEdge } = grid;
  if (!offRoad || !cellEdge) return undefined;
  const { graph: g, index, expander, offRoadMetersPerSecond: speed } = net;
  const maxSnap = net.profile.maxSnapMeters;
  const cs = frame.cellSizeMeters, width = frame.width;
  const jump = (cs / speed) * 1.01;
  const scratch: TimedLabel = { seconds: Infinity, label: -1 };
  const hit: NearestSegmentHit = { seg: -1, t: 0, meters: Infinity, tie: false };
  const xy = index.shapeXY;
  let segs = new Int32Array(64), segCount = 0;
  const collect = (s: number): boolean => {
    if (segCount === segs.length) {
      const grown = new Int32Array(2 * segs.length);
      grown.set(segs);
      segs = grown;
    }
    segs[segCount++] = s;
    return false;
  };
  return (a, b) => {
    const ta = seconds[a]!, tb = seconds[b]!;
    // Beyond maxSnapMeters (no edge) the off-road distance, continuous, already placed the crossing.
    if (cellEdge[a]! < 0 || cellEdge[b]! < 0) return undefined;
    if (!(Math.abs(tb - ta) > jump)) return undefined;
    const ca = a % width, ra = (a - ca) / width, cb = b % width, rb = (b - cb) / width;
    const xa = (frame.colOffset + ca + 0.5) * cs, ya = (frame.rowOffset + ra + 0.5) * cs;
    const xb = (frame.colOffset + cb + 0.5) * cs, yb = (frame.rowOffset + rb + 0.5) * cs;
    // A place at fraction f has its nearest road within min(da + f·cs, db + (1 - f)·cs), at most
    // (da + db + cs) / 2 anywhere on the line; one index search gathers every candidate for the
    // whole bisection, then only segments
    // that can be nearest somewhere on the line stay (distance to a segment is convex along the
    // line, so the smallest "farther end" distance bounds the nearest distance everywhere on it).
    const m = ((offRoad[a]! + offRoad[b]! + cs) / 2) * 1.01 + 1;
    segCount = 0;
    index.tree.search(Math.min(xa, xb) - m, Math.min(ya, yb) - m, Math.max(xa, xb) + m, Math.max(ya, yb) + m, collect);
    let bound = Infinity;
    for (let j = 0; j < segCount; j++) {
      const i = index.segmentShape[segs[j]!]!;
      const d = Math.max(pointSegmentMeters(xy, i, xa, ya), pointSegmentMeters(xy, i, xb, yb));
      if (d < bound) bound = d;
    }
    const limit = bound * 1.01 + 1;
    let kept = 0;
    for (let j = 0; j < segCount; j++) if (boxGapMeters(xy, index.segmentShape[segs[j]!]!, xa, ya, xb, yb) <= limit) segs[kept++] = segs[j]!;
    let lo = 0, hi = 1;
    for (let i = 0; i < BISECTIONS; i++) {
      const mid = (lo + hi) / 2;
      const lng = unprojectLng(frame.projection, xa + mid * (xb - xa)), lat = unprojectLat(frame.projection, ya + mid * (yb - ya));
      nearestSegmentAmong(g, index, segs, kept, lng, lat, closedEdges, hit);
      const snap = hit.seg < 0 ? null
        : hit.tie ? snapToGraph(g, index, lng, lat, { maxSnapMeters: maxSnap, closedEdges })
          : snapOfSegment(g, index, lng, lat, hit.seg, hit.t, maxSnap);
      const inside = snap !== null && timeToPlace(g, expander.seconds, expander.label, snap, speed, sourcesOnEdge, scratch).seconds <= thresholdSeconds;
      if (inside) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
}

/** Distance from a point to the segment starting at shape point i (local metres). */
function pointSegmentMeters(xy: Float64Array, i: number, px: number, py: number): number {
  const ax = xy[2 * i]!, ay = xy[2 * i + 1]!, dx = xy[2 * i + 2]! - ax, dy = xy[2 * i + 3]! - ay;
  const len2 = dx * dx + dy * dy, qx = px - ax, qy = py - ay;
  const t = len2 > 0 ? Math.min(1, Math.max(0, (qx * dx + qy * dy) / len2)) : 0;
  return Math.hypot(qx - t * dx, qy - t * dy);
}

/** The gap between the box of the segment starting at shape point i and the box of (xa,ya)-(xb,yb): a lower bound of their distance. */
function boxGapMeters(xy: Float64Array, i: number, xa: number, ya: number, xb: number, yb: number): number {
  const minX = Math.min(xy[2 * i]!, xy[2 * i + 2]!), maxX = Math.max(xy[2 * i]!, xy[2 * i + 2]!);
  const minY = Math.min(xy[2 * i + 1]!, xy[2 * i + 3]!), maxY = Math.max(xy[2 * i + 1]!, xy[2 * i + 3]!);
  const dx = Math.max(0, minX - Math.max(xa, xb), Math.min(xa, xb) - maxX);
  const dy = Math.max(0, minY - Math.max(ya, yb), Math.min(ya, yb) - maxY);
  return Math.hypot(dx, dy);
}
