import type { RoadGraph } from '../graph/road-graph';
import type { TravelTimeExpander } from './travel-time-expander';

/**
 * The edges of the best path found by the expander's last run, walking predecessor arcs from
 * `node` back to a seed, and their summed length in metres. For a reverse run the edges are in
 * travel order (node → destination); for a forward run in reverse travel order.
 */
export function tracePath(g: RoadGraph, expander: TravelTimeExpander, node: number): { edges: number[]; meters: number } {
  const edges: number[] = [];
  let meters = 0;
  const arcs = expander.arcs;
  let v = node;
  for (let guard = 0; guard <= g.nodeCount; guard++) {
    const a = expander.predArc[v]!;
    if (a < 0) break;
    const e = arcs.edges[a]!;
    edges.push(e);
    meters += g.edgeLengthMeters[e]!;
    v = g.edgeFrom[e] === v ? g.edgeTo[e]! : g.edgeFrom[e]!;
  }
  return { edges, meters };
}

/**
 * The road part of a path as [lng, lat] positions, walking `edges` (in travel order) from
 * `startNode`; each edge's geometry is reversed where it is travelled against its node order.
 */
export function pathCoordinates(g: RoadGraph, edges: readonly number[], startNode: number): [number, number][] {
  const out: [number, number][] = [[g.nodeLngLat[2 * startNode]!, g.nodeLngLat[2 * startNode + 1]!]];
  let at = startNode;
  for (const e of edges) {
    const first = g.edgeShapeOffsets[e]!, last = g.edgeShapeOffsets[e + 1]! - 1;
    const forward = g.edgeFrom[e] === at;
    for (let k = 1; k <= last - first; k++) {
      const i = forward ? first + k : last - k;
      out.push([g.shapeLngLat[2 * i]!, g.shapeLngLat[2 * i + 1]!]);
    }
    at = forward ? g.edgeTo[e]! : g.edgeFrom[e]!;
  }
  return out;
}
