import { haversineMeters } from '../geo/haversine';
import type { RoadGraph } from '../graph/road-graph';
import type { RoadNetwork } from './road-network';
import { findNearestByTravelTime, type NearestAnswer, type NearestOptions, type SnappedResource } from './find-nearest-by-travel-time';

/** The time limits tried, shortest first, before one unbounded search (a province: most incidents need only the first). */
export const DEFAULT_NEAREST_BUDGETS_SECONDS: readonly number[] = [600, 1800];

export interface BoundedNearestAnswer extends NearestAnswer {
  /**
   * The time limit of the search that answered, or null for the unbounded search. With a limit
   * the k nearest are the same as without one (every kind had k resources within it); resources
   * it did not reach are listed in `beyondBudgetIds` (farther than the limit, or no road leads from
   * them: a bounded search cannot tell which), `unreachableIds` is then empty. Nothing is left out:
   * every input resource is in `results`, ranked beyond the k, or in one of the three lists.
   */
  readonly boundedSeconds: number | null;
}

/** The fastest any edge of the graph is travelled, in metres per second (Infinity if one takes no time). */
const fastestOfGraph = new WeakMap<RoadGraph, number>();
function fastestRoadMetersPerSecond(g: RoadGraph): number {
  let fastest = fastestOfGraph.get(g);
  if (fastest === undefined) {
    fastest = 0;
    for (let e = 0; e < g.edgeCount; e++) {
      const meters = g.edgeLengthMeters[e]!;
      for (const seconds of [g.edgeForwardSeconds[e]!, g.edgeBackwardSeconds[e]!]) {
        if (seconds < 0) continue; // not travelled this way
        fastest = Math.max(fastest, seconds === 0 ? (meters > 0 ? Infinity : 0) : meters / seconds);
      }
    }
    fastestOfGraph.set(g, fastest);
  }
  return fastest;
}

/**
 * The resources a search bounded by `budgetSeconds` can reach at all: a resource farther from the
 * incident in a straight line than the fastest road (or on foot, off the road) covers in that time
 * cannot arrive within it (every leg of a route is at most that fast and a route is never shorter
 * than the straight line; 1 % and 10 m spare for how the legs are measured). Resources off the
 * network stay (they are listed as such). The rest are beyond the limit without being looked at:
 * with tens of thousands of candidates, looking at each is most of a bounded search's time
 * (the search itself settles only the nodes within the limit).
 */
export function withinReach(net: RoadNetwork, incident: readonly [number, number], resources: readonly SnappedResource[], budgetSeconds: number): readonly SnappedResource[] {
  const reachMeters = budgetSeconds * Math.max(fastestRoadMetersPerSecond(net.graph), net.offRoadMetersPerSecond) * 1.01 + 10;
  if (!Number.isFinite(reachMeters)) return resources;
  const near = resources.filter((r) => !r.snap || haversineMeters(r.lngLat[0], r.lngLat[1], incident[0], incident[1]) <= reachMeters);
  return near.length === resources.length ? resources : near;
}

/** Every candidate on the network the bounded search did not reach, in candidate order: those left out by distance and those it searched for in vain. */
function beyondInOrder(resources: readonly SnappedResource[], near: readonly SnappedResource[], searchedBeyond: readonly string[]): string[] {
  if (near === resources) return [...searchedBeyond];
  const nearSet = new Set(near), beyond = new Set(searchedBeyond);
  const out: string[] = [];
  for (const r of resources) if (r.snap && (!nearSet.has(r) || beyond.has(r.id))) out.push(r.id);
  return out;
}

/**
 * findNearestByTravelTime for a large resource set: a search bounded by each limit in turn, kept
 * as soon as every kind has its k nearest within the limit, else one unbounded search. Exact: a
 * bounded reverse Dijkstra settles every node within the limit, so every resource that can arrive
 * within it gets its exact time and the rest none (findNearestByTravelTime drops times above the
 * limit); if each kind has at least k within the limit, those are its k nearest of all. One
 * unbounded search over 1 M edges is 100–300 ms; a 10-minute one a few milliseconds.
 */
export function findNearestWithinBudgets(
  net: RoadNetwork,
  incident: readonly [number, number],
  resources: readonly SnappedResource[],
  options: Omit<NearestOptions, 'budgetSeconds'>,
  budgetsSeconds: readonly number[] = DEFAULT_NEAREST_BUDGETS_SECONDS,
): BoundedNearestAnswer {
  const perKind = options.perKind ?? false;
  // how many each kind (or all together) can give at most: its resources on the network
  const available = new Map<string, number>();
  for (const r of resources) if (r.snap) available.set(perKind ? r.kind : '', (available.get(perKind ? r.kind : '') ?? 0) + 1);
  for (const budgetSeconds of budgetsSeconds) {
    const near = withinReach(net, incident, resources, budgetSeconds);
    const a = findNearestByTravelTime(net, incident, near, { ...options, budgetSeconds });
    if (!a.incidentSnap) return { ...a, boundedSeconds: null }; // every off-network candidate is among the near ones
    const found = new Map<string, number>();
    for (const r of a.results) found.set(perKind ? r.kind : '', (found.get(perKind ? r.kind : '') ?? 0) + 1);
    // `available` counts every candidate, not only the near ones: a kind with fewer than k near
    // has its k nearest beyond this limit, and the next limit is tried
    if ([...available].every(([key, n]) => (found.get(key) ?? 0) >= Math.min(options.k, n))) {
      return { ...a, beyondBudgetIds: beyondInOrder(resources, near, a.beyondBudgetIds), boundedSeconds: budgetSeconds };
    }
  }
  return { ...findNearestByTravelTime(net, incident, resources, options), boundedSeconds: null };
}
