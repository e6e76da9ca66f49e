import type { ArcTable } from './road-graph';

/**
 * Builds the forward and reverse CSR arc tables from per-edge ends and directional seconds
 * (-1 = direction not allowed). Counting sort straight from the edge arrays into preallocated
 * typed arrays, no intermediate arc list: O(nodes + edges). Within a node, arcs keep edge order
 * (an edge's forward direction before its backward one), as before.
 */
export function buildArcTables(
  nodeCount: number,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
  forwardSeconds: Float64Array,
  backwardSeconds: Float64Array,
): { forward: ArcTable; reverse: ArcTable } {
  return {
    forward: csr(nodeCount, edgeFrom, edgeTo, forwardSeconds, backwardSeconds),
    // reversed: the forward direction of an edge enters edgeTo, the backward one enters edgeFrom
    reverse: csr(nodeCount, edgeTo, edgeFrom, forwardSeconds, backwardSeconds),
  };
}

/**
 * Arcs grouped by `tail`: per edge e, its first direction (seconds `first[e]`, from tail[e] to
 * head[e]) then its second (`second[e]`, from head[e] to tail[e]), each when allowed (≥ 0).
 */
function csr(nodeCount: number, tail: Int32Array, head: Int32Array, first: Float64Array, second: Float64Array): ArcTable {
  const edgeCount = tail.length;
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    if (first[e]! >= 0) offsets[tail[e]! + 1]!++;
    if (second[e]! >= 0) offsets[head[e]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const n = offsets[nodeCount]!;
  const cursor = offsets.slice(0, nodeCount);
  const outNodes = new Int32Array(n), outEdges = new Int32Array(n), outSeconds = new Float64Array(n);
  for (let e = 0; e < edgeCount; e++) {
    const a = tail[e]!, b = head[e]!, s1 = first[e]!, s2 = second[e]!;
    if (s1 >= 0) {
      const slot = cursor[a]!++;
      outNodes[slot] = b;
      outEdges[slot] = e;
      outSeconds[slot] = s1;
    }
    if (s2 >= 0) {
      const slot = cursor[b]!++;
      outNodes[slot] = a;
      outEdges[slot] = e;
      outSeconds[slot] = s2;
    }
  }
  return { offsets, nodes: outNodes, edges: outEdges, seconds: outSeconds };
}
