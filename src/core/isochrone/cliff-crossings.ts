import { haversineMeters } from '../geo/haversine';
import { unprojectLat, unprojectLng } from '../geo/local-projection';
import type { RoadNetwork } from '../routing/road-network';
import { timeToPlace, type EdgeSource, type TimedLabel } from '../routing/time-at-snap';
import { nearestSegmentAmong, snapOfSegment, snapToGraph, type NearestSegmentHit } from '../spatial/snap-to-graph';
import type { CrossingRefiner } from './contour-grid';
import { SegmentCollector } from './snap-candidates';
import { SQRT_SLACK, isSameVertex } from './snap-tile';
import type { TravelTimeGrid } from './travel-time-grid';
import { gapOf } from '../geo/interval-gap';
import { segmentParameter } from '../geo/segment-parameter';

/** Halvings of the gap between two cell centres: 40 m / 2^4 = 2.5 m. */
const BISECTIONS = 4;
/** nearestSegmentAmong's tie (metres), and the doubt between sqrt(x² + y²) and Math.hypot (snap-tile.ts) */
const TIE_METERS = 1e-6;

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
  const collector = new SegmentCollector(index);
  let segs = collector.segs;
  const nodeSeconds = expander.seconds, shape = g.shapeLngLat;
  /**
   * timeToPlace of snapOfSegment's one-candidate snap (Infinity where that is null), without
   * allocating it: the same arithmetic, for an edge with no source on it.
   */
  const oneSegmentSeconds = (lng: number, lat: number, seg: number, t: number): number => {
    const edge = index.segmentEdge[seg]!, i = index.segmentShape[seg]!;
    const alng = shape[2 * i]!, alat = shape[2 * i + 1]!;
    const plng = alng + t * (shape[2 * i + 2]! - alng), plat = alat + t * (shape[2 * i + 3]! - alat);
    const offRoadMeters = haversineMeters(lng, lat, plng, plat);
    if (offRoadMeters > maxSnap) return Infinity;
    const length = g.edgeLengthMeters[edge]!;
    const fraction = length > 0 ? Math.min(1, (g.shapeMetersAlong[i]! + haversineMeters(alng, alat, plng, plat)) / length) : 0;
    let best = Infinity;
    const fwd = g.edgeForwardSeconds[edge]!, bwd = g.edgeBackwardSeconds[edge]!;
    if (fwd >= 0) { const x = nodeSeconds[g.edgeFrom[edge]!]! + fraction * fwd; if (x < best) best = x; }
    if (bwd >= 0) { const x = nodeSeconds[g.edgeTo[edge]!]! + (1 - fraction) * bwd; if (x < best) best = x; }
    return best + offRoadMeters / speed;
  };
  /**
   * nearestSegmentAmong over the kept segments into `hit`, on squared distances: when the two
   * nearest differ by clearly more than a tie (1e-6 m, with SQRT_SLACK for sqrt against
   * Math.hypot), their order and the segment's t are those of the exact arithmetic; otherwise
   * nearestSegmentAmong itself decides.
   */
  const nearestAmong = (lng: number, lat: number, count: number): void => {
    const ky = index.projection.metersPerDegLat, kx = ky * Math.cos((lat * Math.PI) / 180);
    let best = Infinity, second = Infinity, third = Infinity, bestSeg = -1, bestT = 0, secondSeg = -1, secondT = 0;
    for (let j = 0; j < count; j++) {
      const seg = segs[j]!;
      if (closedEdges && closedEdges[index.segmentEdge[seg]!]) continue;
      const i = index.segmentShape[seg]!;
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
      } else if (d < second) {
        third = second;
        second = d;
        secondSeg = seg;
        secondT = t;
      } else if (d < third) third = d;
    }
    hit.meters = NaN; // not read here
    hit.tie = false;
    if (bestSeg >= 0 && Math.sqrt(second) - Math.sqrt(best) > TIE_METERS + SQRT_SLACK) {
      hit.seg = bestSeg;
      hit.t = bestT;
    } else if (bestSeg >= 0 && Math.sqrt(third) - Math.sqrt(best) > 2 * TIE_METERS + SQRT_SLACK && isSameVertex(net, bestSeg, bestT, secondSeg, secondT)) {
      // The two nearest meet at a vertex of one edge and the third is clearly farther:
      // nearestSegmentAmong would take one of these two, no tie, and both give the same place.
      hit.seg = bestSeg;
      hit.t = bestT;
    } else nearestSegmentAmong(g, index, segs, count, lng, lat, closedEdges, hit);
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
    collector.searchBox(Math.min(xa, xb) - m, Math.min(ya, yb) - m, Math.max(xa, xb) + m, Math.max(ya, yb) + m);
    segs = collector.segs;
    const segCount = collector.collected;
    // On squared distances (the same bound to an ulp; the 1 m margin below dwarfs that), and the
    // far end only for segments whose near end does not already exceed the bound.
    let bound2 = Infinity;
    for (let j = 0; j < segCount; j++) {
      const i = index.segmentShape[segs[j]!]!;
      const da2 = pointSegmentSquared(xy, i, xa, ya);
      if (!(da2 < bound2)) continue;
      const d2 = Math.max(da2, pointSegmentSquared(xy, i, xb, yb));
      if (d2 < bound2) bound2 = d2;
    }
    const limit = Math.sqrt(bound2) * 1.01 + 1, limit2 = limit * limit;
    let kept = 0;
    for (let j = 0; j < segCount; j++) if (boxGapSquared(xy, index.segmentShape[segs[j]!]!, xa, ya, xb, yb) <= limit2) segs[kept++] = segs[j]!;
    let lo = 0, hi = 1;
    for (let i = 0; i < BISECTIONS; i++) {
      const mid = (lo + hi) / 2;
      const lng = unprojectLng(frame.projection, xa + mid * (xb - xa)), lat = unprojectLat(frame.projection, ya + mid * (yb - ya));
      nearestAmong(lng, lat, kept);
      let inside: boolean;
      if (hit.seg >= 0 && !hit.tie && !sourcesOnEdge.has(index.segmentEdge[hit.seg]!)) inside = oneSegmentSeconds(lng, lat, hit.seg, hit.t) <= thresholdSeconds;
      else {
        const snap = hit.seg < 0 ? null
          : hit.tie ? snapToGraph(g, index, lng, lat, { maxSnapMeters: maxSnap, closedEdges })
            : snapOfSegment(g, index, lng, lat, hit.seg, hit.t, maxSnap);
        inside = snap !== null && timeToPlace(g, expander.seconds, expander.label, snap, speed, sourcesOnEdge, scratch).seconds <= thresholdSeconds;
      }
      if (inside) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
}

/** Squared distance from a point to the segment starting at shape point i (local metres²). */
function pointSegmentSquared(xy: Float64Array, i: number, px: number, py: number): number {
  const ax = xy[2 * i]!, ay = xy[2 * i + 1]!, dx = xy[2 * i + 2]! - ax, dy = xy[2 * i + 3]! - ay;
  const len2 = dx * dx + dy * dy, qx = px - ax, qy = py - ay;
  const t = segmentParameter(qx * dx + qy * dy, len2);
  const ex = qx - t * dx, ey = qy - t * dy;
  return ex * ex + ey * ey;
}

/** The squared gap between the box of the segment starting at shape point i and the box of (xa,ya)-(xb,yb): a lower bound of their squared distance. */
function boxGapSquared(xy: Float64Array, i: number, xa: number, ya: number, xb: number, yb: number): number {
  const minX = Math.min(xy[2 * i]!, xy[2 * i + 2]!), maxX = Math.max(xy[2 * i]!, xy[2 * i + 2]!);
  const minY = Math.min(xy[2 * i + 1]!, xy[2 * i + 3]!), maxY = Math.max(xy[2 * i + 1]!, xy[2 * i + 3]!);
  const dx = gapOf(minX, maxX, Math.min(xa, xb), Math.max(xa, xb));
  const dy = gapOf(minY, maxY, Math.min(ya, yb), Math.max(ya, yb));
  return dx * dx + dy * dy;
}
