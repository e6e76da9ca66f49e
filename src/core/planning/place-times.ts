import { throwIfAborted } from '../errors';
import { snapPoint, type RoadNetwork } from '../routing/road-network';
import { seedsForSnap } from '../routing/snap-seeds';
import { edgeSourcesOf, timeToPlace, type TimedLabel } from '../routing/time-at-snap';
import type { Snap } from '../spatial/snap-to-graph';

/** A point with an id: a station, a shelter, a village, a candidate site. */
export interface PlanningPoint {
  readonly id: string;
  readonly lngLat: readonly [number, number];
}

export interface TravelOptions {
  /** edges closed by barriers (1 = closed): points join the nearest open road, searches skip them */
  readonly closedEdges?: Uint8Array;
  /** stop searching beyond this travel time (default: no limit) */
  readonly budgetSeconds?: number;
  readonly signal?: AbortSignal;
}

export interface PlaceTimes {
  /** per place: the spec's best travel time from any source, seconds (Infinity = unreachable) */
  readonly seconds: Float64Array;
  /** per place: index in `sources` of the fastest source (-1 = none) */
  readonly sourceIndex: Int32Array;
  /** places farther than maxSnapMeters from every open road (never reachable) */
  readonly unsnappedPlaces: number;
  /** sources farther than maxSnapMeters from every open road (they reach nothing) */
  readonly unsnappedSourceIds: string[];
}

/** Joins every point to the network once (null = farther than maxSnapMeters from open roads). */
export function snapAll(net: RoadNetwork, points: readonly PlanningPoint[], closedEdges?: Uint8Array): Array<Snap | null> {
  return points.map((p) => snapPoint(net, p.lngLat, closedEdges));
}

/**
 * Each place's best time from the sources, by the spec (road-network.md): one multi-source forward
 * Dijkstra (resource → place), then at each place its off-road leg plus the best allowed end of its
 * edge pro rata, or straight along the edge from a source on it. The time at the place point itself,
 * not a lookup in a raster or polygon, so "covered" is exact.
 */
export function bestTimesToPlaces(
  net: RoadNetwork,
  sources: readonly PlanningPoint[],
  places: readonly PlanningPoint[],
  options: TravelOptions = {},
  placeSnaps: ReadonlyArray<Snap | null> = snapAll(net, places, options.closedEdges),
): PlaceTimes {
  const unsnappedSourceIds: string[] = [];
  const snapped = sources.flatMap((s, label) => {
    const snap = snapPoint(net, s.lngLat, options.closedEdges);
    if (!snap) unsnappedSourceIds.push(s.id);
    return snap ? [{ snap, label }] : [];
  });
  const seconds = new Float64Array(places.length).fill(Infinity);
  const sourceIndex = new Int32Array(places.length).fill(-1);
  const unsnappedPlaces = placeSnaps.filter((s) => !s).length;
  if (snapped.length === 0) return { seconds, sourceIndex, unsnappedPlaces, unsnappedSourceIds };
  const seeds = snapped.flatMap(({ snap, label }) => seedsForSnap(net.graph, snap, 'forward', net.offRoadMetersPerSecond, label));
  const ex = net.expander.expand(seeds, {
    direction: 'forward', budgetSeconds: options.budgetSeconds ?? Infinity, closedEdges: options.closedEdges, signal: options.signal,
  });
  const onEdge = edgeSourcesOf(snapped, net.offRoadMetersPerSecond);
  const scratch: TimedLabel = { seconds: Infinity, label: -1 };
  placeSnaps.forEach((snap, i) => {
    if (!snap) return;
    timeToPlace(net.graph, ex.seconds, ex.label, snap, net.offRoadMetersPerSecond, onEdge, scratch);
    if (scratch.seconds <= (options.budgetSeconds ?? Infinity)) {
      seconds[i] = scratch.seconds;
      sourceIndex[i] = scratch.label;
    }
  });
  return { seconds, sourceIndex, unsnappedPlaces, unsnappedSourceIds };
}

/**
 * Travel times from every origin to every target (origin → target), row-major
 * `seconds[o * targets + t]`, Infinity where unreachable or beyond the budget. One bounded forward
 * Dijkstra per origin; targets are joined to the network once.
 */
export function travelTimeMatrix(
  net: RoadNetwork,
  origins: readonly PlanningPoint[],
  targets: readonly PlanningPoint[],
  options: TravelOptions = {},
  targetSnaps: ReadonlyArray<Snap | null> = snapAll(net, targets, options.closedEdges),
): Float64Array {
  const out = new Float64Array(origins.length * targets.length).fill(Infinity);
  const budgetSeconds = options.budgetSeconds ?? Infinity;
  const scratch: TimedLabel = { seconds: Infinity, label: -1 };
  origins.forEach((o, row) => {
    throwIfAborted(options.signal);
    const snap = snapPoint(net, o.lngLat, options.closedEdges);
    if (!snap) return;
    const ex = net.expander.expand(seedsForSnap(net.graph, snap, 'forward', net.offRoadMetersPerSecond, 0), {
      direction: 'forward', budgetSeconds, closedEdges: options.closedEdges, signal: options.signal,
    });
    const onEdge = edgeSourcesOf([{ snap, label: 0 }], net.offRoadMetersPerSecond);
    targetSnaps.forEach((ts, col) => {
      if (!ts) return;
      timeToPlace(net.graph, ex.seconds, ex.label, ts, net.offRoadMetersPerSecond, onEdge, scratch);
      if (scratch.seconds <= budgetSeconds) out[row * targets.length + col] = scratch.seconds;
    });
  });
  return out;
}
