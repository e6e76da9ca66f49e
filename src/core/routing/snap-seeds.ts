import type { RoadGraph } from '../graph/road-graph';
import type { Snap } from '../spatial/snap-to-graph';
import type { Seed, TravelDirection } from './travel-time-expander';

/** Seconds of the straight off-road leg. */
export function offRoadSeconds(snap: Snap, offRoadMetersPerSecond: number): number {
  return snap.offRoadMeters / offRoadMetersPerSecond;
}

/**
 * Seeds for a point joined to the network. 'forward': the point travels out (a resource's
 * isochrone): it reaches `edgeTo` along the edge and `edgeFrom` against it, where allowed.
 * 'reverse': the point is the destination (an incident): `edgeFrom` reaches it along the edge and
 * `edgeTo` against it. Travel along the snapped edge is pro rata of its travel time.
 */
export function seedsForSnap(g: RoadGraph, snap: Snap, direction: TravelDirection, offRoadMetersPerSecond: number, label: number): Seed[] {
  const off = offRoadSeconds(snap, offRoadMetersPerSecond);
  const seeds: Seed[] = [];
  for (const { edge, fraction } of snap.candidates) {
    const fwd = g.edgeForwardSeconds[edge]!, bwd = g.edgeBackwardSeconds[edge]!;
    if (direction === 'forward') {
      if (fwd >= 0) seeds.push({ node: g.edgeTo[edge]!, seconds: off + (1 - fraction) * fwd, label });
      if (bwd >= 0) seeds.push({ node: g.edgeFrom[edge]!, seconds: off + fraction * bwd, label });
    } else {
      if (fwd >= 0) seeds.push({ node: g.edgeFrom[edge]!, seconds: off + fraction * fwd, label });
      if (bwd >= 0) seeds.push({ node: g.edgeTo[edge]!, seconds: off + (1 - fraction) * bwd, label });
    }
  }
  return seeds;
}

/**
 * Fractions closer than this are one place: both points joined the edge at the same node or shape
 * vertex, or one fraction went through the snap raster's Float32 copy (error ≤ 6e-8).
 */
const SAME_PLACE_FRACTION = 1e-7;

/**
 * Seconds along one edge between two points on it, from fraction `fromFraction` to `toFraction`,
 * or Infinity when the edge's direction forbids it. The same place is 0 s in either direction.
 */
export function secondsAlongEdge(g: RoadGraph, edge: number, fromFraction: number, toFraction: number): number {
  if (Math.abs(toFraction - fromFraction) <= SAME_PLACE_FRACTION) return 0;
  if (toFraction >= fromFraction) {
    const fwd = g.edgeForwardSeconds[edge]!;
    return fwd >= 0 ? (toFraction - fromFraction) * fwd : Infinity;
  }
  const bwd = g.edgeBackwardSeconds[edge]!;
  return bwd >= 0 ? (fromFraction - toFraction) * bwd : Infinity;
}
