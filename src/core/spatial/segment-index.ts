import Flatbush from 'flatbush';
import { createLocalProjection, projectX, projectY, type LocalProjection } from '../geo/local-projection';
import type { RoadGraph } from '../graph/road-graph';

/**
 * A flatbush R-tree over every straight segment of every edge, in local metres. `segmentShape[s]`
 * is the index of segment s's first shape point; its edge is `segmentEdge[s]`.
 */
export interface SegmentIndex {
  readonly projection: LocalProjection;
  readonly tree: Flatbush;
  readonly segmentEdge: Int32Array;
  readonly segmentShape: Int32Array;
  /** every shape point projected to local metres, [x, y] pairs (same indexing as shapeLngLat) */
  readonly shapeXY: Float64Array;
}

/** The centre of the graph's bounding box, the origin of its local projection. */
export function graphCenter(g: RoadGraph): [number, number] {
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (let i = 0; i < g.nodeLngLat.length; i += 2) {
    const lng = g.nodeLngLat[i]!, lat = g.nodeLngLat[i + 1]!;
    if (lng < minLng) minLng = lng;
    if (lng > maxLng) maxLng = lng;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return [(minLng + maxLng) / 2, (minLat + maxLat) / 2];
}

/** Indexes the graph's segments. O(S log S); rebuilt from the graph in a worker rather than sent. */
export function buildSegmentIndex(g: RoadGraph): SegmentIndex {
  const projection = createLocalProjection(...graphCenter(g));
  const segmentCount = g.shapeLngLat.length / 2 - g.edgeCount;
  const tree = new Flatbush(Math.max(1, segmentCount));
  const segmentEdge = new Int32Array(segmentCount);
  const segmentShape = new Int32Array(segmentCount);
  const shapeXY = new Float64Array(g.shapeLngLat.length);
  for (let i = 0; i < shapeXY.length; i += 2) {
    shapeXY[i] = projectX(projection, g.shapeLngLat[i]!);
    shapeXY[i + 1] = projectY(projection, g.shapeLngLat[i + 1]!);
  }
  let s = 0;
  for (let e = 0; e < g.edgeCount; e++) {
    for (let i = g.edgeShapeOffsets[e]!; i < g.edgeShapeOffsets[e + 1]! - 1; i++) {
      const x0 = shapeXY[2 * i]!, y0 = shapeXY[2 * i + 1]!, x1 = shapeXY[2 * i + 2]!, y1 = shapeXY[2 * i + 3]!;
      tree.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
      segmentEdge[s] = e;
      segmentShape[s] = i;
      s++;
    }
  }
  if (segmentCount === 0) tree.add(0, 0, 0, 0);
  tree.finish();
  return { projection, tree, segmentEdge, segmentShape, shapeXY };
}
