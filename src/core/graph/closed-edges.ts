import type { LineString, Polygon, MultiPolygon } from 'geojson';
import { booleanIntersects } from '@turf/turf';
import { snapToGraph } from '../spatial/snap-to-graph';
import { CoreError } from '../errors';
import { checkBarrierPolygon, MAX_BARRIER_POSITIONS } from './barrier-input';
import { edgeCoordinates, type RoadGraph } from './road-graph';
import type { SegmentIndex } from '../spatial/segment-index';
import { projectX, projectY } from '../geo/local-projection';

/**
 * Road closures: edges by index, OSM way ids, areas (flooded zones) whose roads are all closed,
 * lines drawn across roads (every road segment the line crosses or touches is closed), and points
 * on a road (the one segment nearest the point, within `roadPointToleranceMeters`).
 */
export interface Barriers {
  readonly edgeIds?: readonly number[];
  readonly wayIds?: readonly number[];
  readonly polygons?: ReadonlyArray<Polygon | MultiPolygon>;
  readonly lines?: ReadonlyArray<LineString>;
  readonly roadPoints?: ReadonlyArray<readonly [number, number]>;
  /** how far from a road a road point may be and still close it (default 50 m) */
  readonly roadPointToleranceMeters?: number;
}

const DEFAULT_ROAD_POINT_TOLERANCE_METERS = 50;

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
    closeTouching(g, index, closed, rings.flat() as [number, number][], polygon);
  }
  for (const line of barriers.lines ?? []) {
    if (line.coordinates.length < 2) throw new CoreError('invalid-argument', `a closure line needs at least 2 positions, got ${line.coordinates.length}`);
    closeTouching(g, index, closed, line.coordinates as [number, number][], line);
  }
  const tolerance = barriers.roadPointToleranceMeters ?? DEFAULT_ROAD_POINT_TOLERANCE_METERS;
  for (const [lng, lat] of barriers.roadPoints ?? []) {
    const snap = snapToGraph(g, index, lng, lat, { maxSnapMeters: tolerance });
    // on a junction every touching segment ties; closing the first is closing one segment
    if (snap) closed[snap.candidates[0]!.edge] = 1;
  }
  return closed;
}

/** Closes every edge whose geometry touches the shape (candidates from the segment index, then an exact turf test). */
function closeTouching(g: RoadGraph, index: SegmentIndex, closed: Uint8Array, positions: readonly [number, number][], shape: Polygon | MultiPolygon | LineString): void {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [lng, lat] of positions) {
    const x = projectX(index.projection, lng), y = projectY(index.projection, lat);
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const candidates = new Set<number>();
  index.tree.search(minX, minY, maxX, maxY, (s) => { candidates.add(index.segmentEdge[s]!); return false; });
  for (const e of candidates) {
    if (closed[e]) continue;
    const line = { type: 'LineString' as const, coordinates: edgeCoordinates(g, e) };
    if (booleanIntersects(line, shape)) closed[e] = 1;
  }
}

/** How many road segments (graph edges) each closure closes on its own, and their geometry for drawing. */
export function closedEdgesPerBarrier(g: RoadGraph, index: SegmentIndex, closures: readonly Barriers[]): Array<{ edgeIds: number[]; lines: [number, number][][] }> {
  return closures.map((b) => {
    const mask = closedEdgesFromBarriers(g, index, b);
    const edgeIds: number[] = [];
    for (let e = 0; e < mask.length; e++) if (mask[e]) edgeIds.push(e);
    return { edgeIds, lines: edgeIds.map((e) => edgeCoordinates(g, e) as [number, number][]) };
  });
}
