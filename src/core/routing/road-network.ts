import { buildRoadGraph } from '../graph/build-road-graph';
import type { RoadGraph } from '../graph/road-graph';
import { roadGraphBytes } from '../graph/graph-binary';
import { EMERGENCY_DEFAULT_PROFILE, kmhToMetersPerSecond, type SpeedProfile } from '../graph/speed-profile';
import type { RawRoads } from '../import/raw-roads';
import { buildSegmentIndex, type SegmentIndex } from '../spatial/segment-index';
import { snapToGraph, type Snap } from '../spatial/snap-to-graph';
import { TravelTimeExpander } from './travel-time-expander';

/**
 * Everything a travel-time query needs, built once per road file: the graph, its segment index,
 * the profile, and a reusable Dijkstra expander. Lives in the worker (or the CLI process).
 */
export interface RoadNetwork {
  readonly graph: RoadGraph;
  readonly index: SegmentIndex;
  readonly profile: SpeedProfile;
  readonly offRoadMetersPerSecond: number;
  readonly expander: TravelTimeExpander;
}

export function createRoadNetwork(graph: RoadGraph, profile: SpeedProfile = EMERGENCY_DEFAULT_PROFILE): RoadNetwork {
  return {
    graph,
    index: buildSegmentIndex(graph),
    profile,
    offRoadMetersPerSecond: kmhToMetersPerSecond(profile.offRoadKmh),
    expander: new TravelTimeExpander(graph),
  };
}

export function roadNetworkFromRaw(raw: RawRoads, profile: SpeedProfile = EMERGENCY_DEFAULT_PROFILE): RoadNetwork {
  return createRoadNetwork(buildRoadGraph(raw, profile), profile);
}

/**
 * Bytes the network holds for its lifetime: the graph's arrays, the segment index (R-tree and
 * per-segment arrays) and the expander's buffers (per-node arrays, bucket queue, and with WebAssembly
 * its memory's copy of the arc tables; the binary heap once it has been used). Snap rasters and
 * answers are not counted (they grow with use).
 */
export function roadNetworkBytes(net: RoadNetwork): { graph: number; index: number; expander: number; total: number } {
  const graph = roadGraphBytes(net.graph);
  const { tree, segmentEdge, segmentShape, shapeXY } = net.index;
  const index = tree.data.byteLength + segmentEdge.byteLength + segmentShape.byteLength + shapeXY.byteLength;
  const expander = net.expander.byteLength;
  return { graph, index, expander, total: graph + index + expander };
}

/** Joins a [lng, lat] to the network (null when farther than maxSnapMeters from every open road). */
export function snapPoint(net: RoadNetwork, lngLat: readonly [number, number], closedEdges?: Uint8Array): Snap | null {
  return snapToGraph(net.graph, net.index, lngLat[0], lngLat[1], { maxSnapMeters: net.profile.maxSnapMeters, closedEdges });
}
