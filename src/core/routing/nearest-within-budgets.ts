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
    const a = findNearestByTravelTime(net, incident, resources, { ...options, budgetSeconds });
    if (!a.incidentSnap) return { ...a, boundedSeconds: null };
    const found = new Map<string, number>();
    for (const r of a.results) found.set(perKind ? r.kind : '', (found.get(perKind ? r.kind : '') ?? 0) + 1);
    if ([...available].every(([key, n]) => (found.get(key) ?? 0) >= Math.min(options.k, n))) return { ...a, boundedSeconds: budgetSeconds };
  }
  return { ...findNearestByTravelTime(net, incident, resources, options), boundedSeconds: null };
}
