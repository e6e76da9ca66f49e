/** Small read-only views of the core's graph for tests: by OSM node id rather than internal index. */
import type { RoadGraph } from '../../../src/core/graph/road-graph';
import type { RoadNetwork } from '../../../src/core/routing/road-network';
import type { TravelDirection } from '../../../src/core/routing/travel-time-expander';

export interface EdgeView {
  index: number;
  from: number;
  to: number;
  meters: number;
  forwardSeconds: number | null;
  backwardSeconds: number | null;
  wayId: number;
  highway: string;
  shapePoints: number;
}

export function edgesOf(g: RoadGraph): EdgeView[] {
  return Array.from({ length: g.edgeCount }, (_, e) => ({
    index: e,
    from: g.nodeOsmId[g.edgeFrom[e]!]!,
    to: g.nodeOsmId[g.edgeTo[e]!]!,
    meters: g.edgeLengthMeters[e]!,
    forwardSeconds: g.edgeForwardSeconds[e]! >= 0 ? g.edgeForwardSeconds[e]! : null,
    backwardSeconds: g.edgeBackwardSeconds[e]! >= 0 ? g.edgeBackwardSeconds[e]! : null,
    wayId: g.edgeWayId[e]!,
    highway: g.highwayClasses[g.edgeHighway[e]!]!,
    shapePoints: g.edgeShapeOffsets[e + 1]! - g.edgeShapeOffsets[e]!,
  }));
}

export function nodeIndexOf(g: RoadGraph, osmId: number): number {
  const i = g.nodeOsmId.indexOf(osmId);
  if (i < 0) throw new Error(`node ${osmId} is not a vertex of the graph`);
  return i;
}

/** Node seconds (by OSM id) of one expander run from the given OSM nodes at 0 s. */
export function expandFrom(net: RoadNetwork, osmIds: number[], direction: TravelDirection, budgetSeconds = Infinity): Map<number, number> {
  const g = net.graph;
  net.expander.expand(osmIds.map((id) => ({ node: nodeIndexOf(g, id), seconds: 0, label: 0 })), { direction, budgetSeconds });
  return new Map(Array.from(g.nodeOsmId, (id, v) => [id, net.expander.seconds[v]!]));
}

/** `actual` within `relative` (and 1e-9 absolute) of `expected`; both Infinity also passes. */
export function closeTo(actual: number, expected: number, relative = 1e-6): boolean {
  if (actual === expected) return true;
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return false;
  return Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), 1) + 1e-9;
}
