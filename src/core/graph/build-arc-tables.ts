import type { ArcTable } from './road-graph';

/**
 * Builds the forward and reverse CSR arc tables from per-edge ends and directional seconds
 * (-1 = direction not allowed). Counting sort: O(nodes + edges).
 */
export function buildArcTables(
  nodeCount: number,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
  forwardSeconds: Float64Array,
  backwardSeconds: Float64Array,
): { forward: ArcTable; reverse: ArcTable } {
  const fwdTail: number[] = [], fwdHead: number[] = [], arcEdge: number[] = [], arcSec: number[] = [];
  for (let e = 0; e < edgeFrom.length; e++) {
    const a = edgeFrom[e]!, b = edgeTo[e]!;
    if (forwardSeconds[e]! >= 0) { fwdTail.push(a); fwdHead.push(b); arcEdge.push(e); arcSec.push(forwardSeconds[e]!); }
    if (backwardSeconds[e]! >= 0) { fwdTail.push(b); fwdHead.push(a); arcEdge.push(e); arcSec.push(backwardSeconds[e]!); }
  }
  return {
    forward: csr(nodeCount, fwdTail, fwdHead, arcEdge, arcSec),
    reverse: csr(nodeCount, fwdHead, fwdTail, arcEdge, arcSec),
  };
}

function csr(nodeCount: number, tails: number[], heads: number[], edges: number[], seconds: number[]): ArcTable {
  const offsets = new Int32Array(nodeCount + 1);
  for (const t of tails) offsets[t + 1]!++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, nodeCount);
  const n = tails.length;
  const outNodes = new Int32Array(n), outEdges = new Int32Array(n), outSeconds = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const slot = cursor[tails[i]!]!++;
    outNodes[slot] = heads[i]!;
    outEdges[slot] = edges[i]!;
    outSeconds[slot] = seconds[i]!;
  }
  return { offsets, nodes: outNodes, edges: outEdges, seconds: outSeconds };
}
