import type { ArcTable } from './road-graph';

/**
 * Builds the forward and reverse CSR arc tables from per-edge ends and directional seconds
 * (-1 = direction not allowed). Counting sort into preallocated typed arrays: O(nodes + edges).
 * Within a node, arcs keep edge order (forward direction before backward), as before.
 */
export function buildArcTables(
  nodeCount: number,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
  forwardSeconds: Float64Array,
  backwardSeconds: Float64Array,
): { forward: ArcTable; reverse: ArcTable } {
  let arcCount = 0;
  for (let e = 0; e < edgeFrom.length; e++) arcCount += (forwardSeconds[e]! >= 0 ? 1 : 0) + (backwardSeconds[e]! >= 0 ? 1 : 0);
  const tails = new Int32Array(arcCount), heads = new Int32Array(arcCount), arcEdge = new Int32Array(arcCount), arcSec = new Float64Array(arcCount);
  let k = 0;
  for (let e = 0; e < edgeFrom.length; e++) {
    const a = edgeFrom[e]!, b = edgeTo[e]!;
    if (forwardSeconds[e]! >= 0) { tails[k] = a; heads[k] = b; arcEdge[k] = e; arcSec[k++] = forwardSeconds[e]!; }
    if (backwardSeconds[e]! >= 0) { tails[k] = b; heads[k] = a; arcEdge[k] = e; arcSec[k++] = backwardSeconds[e]!; }
  }
  return {
    forward: csr(nodeCount, tails, heads, arcEdge, arcSec),
    reverse: csr(nodeCount, heads, tails, arcEdge, arcSec),
  };
}

function csr(nodeCount: number, tails: Int32Array, heads: Int32Array, edges: Int32Array, seconds: Float64Array): ArcTable {
  const offsets = new Int32Array(nodeCount + 1);
  const n = tails.length;
  for (let i = 0; i < n; i++) offsets[tails[i]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, nodeCount);
  const outNodes = new Int32Array(n), outEdges = new Int32Array(n), outSeconds = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const slot = cursor[tails[i]!]!++;
    outNodes[slot] = heads[i]!;
    outEdges[slot] = edges[i]!;
    outSeconds[slot] = seconds[i]!;
  }
  return { offsets, nodes: outNodes, edges: outEdges, seconds: outSeconds };
}
