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
