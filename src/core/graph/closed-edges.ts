import type { Polygon, MultiPolygon } from 'geojson';
import { booleanIntersects } from '@turf/turf';
import { CoreError } from '../errors';
import { checkBarrierPolygon, MAX_BARRIER_POSITIONS } from './barrier-input';
import { edgeCoordinates, type RoadGraph } from './road-graph';
import type { SegmentIndex } from '../spatial/segment-index';
import { projectX, projectY } from '../geo/local-projection';

/** Road closures: edges by index, OSM way ids, or areas (flooded zones) whose roads are all closed. */
export interface Barriers {
  readonly edgeIds?: readonly number[];
  readonly wayIds?: readonly number[];
  readonly polygons?: ReadonlyArray<Polygon | MultiPolygon>;
}

/**
 * A per-edge mask (1 = closed) for the searches and snapping, so closures apply without
 * rebuilding the graph. Polygons close every edge whose geometry touches them (candidates from
 * the segment index, then an exact turf test).
 * Every polygon is checked in full first (`checkBarrierPolygon`): a bad one is refused, named.
 * @throws CoreError('invalid-argument') naming an edge id outside the graph; CoreError('invalid-input')
 * naming a bad polygon part.
 */
export function closedEdgesFromBarriers(g: RoadGraph, index: SegmentIndex, barriers: Barriers): Uint8Array {
  const closed = new Uint8Array(g.edgeCount);
  for (const e of barriers.edgeIds ?? []) {
    if (!(Number.isInteger(e) && e >= 0 && e < g.edgeCount)) throw new CoreError('invalid-argument', `barrier edge id ${e} is not in the graph (0..${g.edgeCount - 1})`);
    closed[e] = 1;
  }
  if (barriers.wayIds?.length) {
    const ways = new Set(barriers.wayIds);
    for (let e = 0; e < g.edgeCount; e++) if (ways.has(g.edgeWayId[e]!)) closed[e] = 1;
  }
  const budget = { left: MAX_BARRIER_POSITIONS };
  (barriers.polygons ?? []).forEach((p, i) => checkBarrierPolygon(p, `barrier polygon ${i}`, budget));
  for (const polygon of barriers.polygons ?? []) {
    const rings = polygon.type === 'Polygon' ? [polygon.coordinates[0]!] : polygon.coordinates.map((p) => p[0]!);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const ring of rings) for (const [lng, lat] of ring) {
      const x = projectX(index.projection, lng!), y = projectY(index.projection, lat!);
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    const candidates = new Set<number>();
    index.tree.search(minX, minY, maxX, maxY, (s) => { candidates.add(index.segmentEdge[s]!); return false; });
    for (const e of candidates) {
      if (closed[e]) continue;
      const line = { type: 'LineString' as const, coordinates: edgeCoordinates(g, e) };
      if (booleanIntersects(line, polygon)) closed[e] = 1;
    }
  }
  return closed;
}
