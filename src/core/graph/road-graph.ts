/**
 * Arcs of one travel direction in compressed sparse row form: the arcs leaving node `v` (forward
 * graph) or entering it (reverse graph) are `offsets[v] .. offsets[v+1]-1`.
 */
export interface ArcTable {
  readonly offsets: Int32Array;
  /** the node at the other end of each arc */
  readonly nodes: Int32Array;
  /** the edge each arc travels */
  readonly edges: Int32Array;
  readonly seconds: Float64Array;
}

/**
 * A road network as typed arrays (flatbush/kdbush style) that cross to a worker by transfer.
 * Nodes are the OSM nodes where edges end; an edge is a piece of a way between two of them, with
 * its node sequence as geometry. Travel in a direction that is not allowed has seconds -1.
 */
export interface RoadGraph {
  readonly version: 1;
  readonly profileName: string;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** [lng, lat] pairs per node */
  readonly nodeLngLat: Float64Array;
  readonly nodeOsmId: Float64Array;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeLengthMeters: Float64Array;
  /** seconds from `edgeFrom` to `edgeTo`, or -1 when one-way against */
  readonly edgeForwardSeconds: Float64Array;
  /** seconds from `edgeTo` to `edgeFrom`, or -1 when one-way against */
  readonly edgeBackwardSeconds: Float64Array;
  /** index into `highwayClasses` */
  readonly edgeHighway: Uint8Array;
  readonly highwayClasses: readonly string[];
  readonly edgeWayId: Float64Array;
  /** edge e's shape points are `edgeShapeOffsets[e] .. edgeShapeOffsets[e+1]-1` */
  readonly edgeShapeOffsets: Int32Array;
  /** [lng, lat] pairs of every shape point, edge ends included */
  readonly shapeLngLat: Float64Array;
  /** haversine metres from the edge's first point to each shape point */
  readonly shapeMetersAlong: Float64Array;
  readonly forward: ArcTable;
  readonly reverse: ArcTable;
}

/** The buffers of a graph, for `postMessage(graph, transferablesOf(graph))`. */
export function graphTransferables(g: RoadGraph): ArrayBuffer[] {
  const arrays = [
    g.nodeLngLat, g.nodeOsmId, g.edgeFrom, g.edgeTo, g.edgeLengthMeters, g.edgeForwardSeconds,
    g.edgeBackwardSeconds, g.edgeHighway, g.edgeWayId, g.edgeShapeOffsets, g.shapeLngLat, g.shapeMetersAlong,
    g.forward.offsets, g.forward.nodes, g.forward.edges, g.forward.seconds,
    g.reverse.offsets, g.reverse.nodes, g.reverse.edges, g.reverse.seconds,
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** The edge's geometry as [lng, lat] positions from `edgeFrom` to `edgeTo`. */
export function edgeCoordinates(g: RoadGraph, edge: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = g.edgeShapeOffsets[edge]!; i < g.edgeShapeOffsets[edge + 1]!; i++) {
    out.push([g.shapeLngLat[2 * i]!, g.shapeLngLat[2 * i + 1]!]);
  }
  return out;
}
