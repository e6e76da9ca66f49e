/** The planner's tables, from the worker's figures: pure, so tests and exports share them. */
import type { CoverageRollUp } from '../../../../core';
import type { ShelterFigures } from '../../../../workers/planner-session';

export interface NameLookup {
  village(id: string): { name: string; township: string } | undefined;
  township(id: string): string;
}

export interface TownshipCoverageRow {
  readonly townshipId: string;
  readonly township: string;
  readonly population: number;
  readonly coveredPopulation: number;
  readonly uncoveredPopulation: number;
  readonly coveredShare: number;
  readonly villages: number;
  readonly uncoveredVillages: number;
}

export function townshipCoverageRows(r: CoverageRollUp, names: NameLookup): TownshipCoverageRow[] {
  return r.groups.map((g) => ({
    townshipId: g.group, township: names.township(g.group), population: g.population, coveredPopulation: g.coveredPopulation,
    uncoveredPopulation: g.population - g.coveredPopulation, coveredShare: g.coveredShare, villages: g.places, uncoveredVillages: g.uncoveredPlaceIds.length,
  }));
}

export type SortKey = keyof TownshipCoverageRow;

export function sortRows<T>(rows: readonly T[], key: keyof T, descending: boolean): T[] {
  return [...rows].sort((a, b) => {
    const x = a[key], y = b[key];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return descending ? -c : c;
  });
}

export interface UncoveredVillageRow {
  readonly id: string;
  readonly name: string;
  readonly township: string;
  readonly population: number;
  /** best time, turnout included; null = unreachable */
  readonly seconds: number | null;
  readonly sourceId: string | null;
}

export function uncoveredVillageRows(r: CoverageRollUp, population: ReadonlyMap<string, number>, names: NameLookup): UncoveredVillageRow[] {
  return r.places.filter((p) => !p.covered).map((p) => {
    const v = names.village(p.id);
    return { id: p.id, name: v?.name ?? p.id, township: v ? names.township(v.township) : '', population: population.get(p.id) ?? 0, seconds: p.seconds, sourceId: p.sourceId ?? null };
  }).sort((a, b) => b.population - a.population || a.id.localeCompare(b.id));
}

export interface TownshipShelterRow {
  readonly townshipId: string;
  readonly township: string;
  /** places in the planning shelters of the township */
  readonly places: number;
  /** people who must move */
  readonly people: number;
  readonly placedNearest: number;
  readonly placedCapacityAware: number;
  /** capacity-aware: people without a place within the walk */
  readonly withoutPlace: number;
  readonly villagesBeyondWalk: number;
  readonly villagesFull: number;
}

export interface VillageShelterProblem {
  readonly id: string;
  readonly name: string;
  readonly township: string;
  readonly demand: number;
  readonly nearestShelterId: string | null;
  readonly nearestSeconds: number | null;
  readonly problem: 'beyond-walk' | 'full' | 'none-reachable';
  /** capacity-aware: people still without a place */
  readonly withoutPlace: number;
}

/** Villages whose nearest shelter is beyond the walk, unreachable, or full before they fit. */
export function villageShelterProblems(f: ShelterFigures, names: NameLookup): VillageShelterProblem[] {
  const out: VillageShelterProblem[] = [];
  for (const v of f.villages) {
    if (v.demand <= 0) continue;
    const problem = v.nearestSeconds === null ? 'none-reachable' : v.nearestSeconds > f.maxWalkSeconds ? 'beyond-walk' : v.nearestPlaced < v.demand ? 'full' : null;
    if (!problem) continue;
    const n = names.village(v.id);
    out.push({ id: v.id, name: n?.name ?? v.id, township: n ? names.township(n.township) : '', demand: v.demand, nearestShelterId: v.nearestShelterId, nearestSeconds: v.nearestSeconds, problem, withoutPlace: v.demand - v.placed });
  }
  return out.sort((a, b) => b.withoutPlace - a.withoutPlace || b.demand - a.demand || a.id.localeCompare(b.id));
}

export function townshipShelterRows(f: ShelterFigures, shelterTownship: (id: string) => string, names: NameLookup, villageTownship: (id: string) => string): TownshipShelterRow[] {
  const rows = new Map<string, { places: number; people: number; placedNearest: number; placedCapacityAware: number; withoutPlace: number; villagesBeyondWalk: number; villagesFull: number }>();
  const row = (t: string) => rows.get(t) ?? rows.set(t, { places: 0, people: 0, placedNearest: 0, placedCapacityAware: 0, withoutPlace: 0, villagesBeyondWalk: 0, villagesFull: 0 }).get(t)!;
  f.shelterIds.forEach((id, s) => { row(shelterTownship(id)).places += f.capacity[s]!; });
  for (const v of f.villages) {
    const r = row(villageTownship(v.id));
    r.people += v.demand;
    r.placedNearest += v.nearestSeconds !== null && v.nearestSeconds <= f.maxWalkSeconds ? v.nearestPlaced : 0;
    r.placedCapacityAware += v.placed;
    r.withoutPlace += v.demand - v.placed;
    if (v.demand > 0 && (v.nearestSeconds === null || v.nearestSeconds > f.maxWalkSeconds)) r.villagesBeyondWalk++;
    else if (v.demand > 0 && v.nearestPlaced < v.demand) r.villagesFull++;
  }
  return [...rows].filter(([t]) => t !== '').map(([t, r]) => ({ townshipId: t, township: names.township(t), ...r })).sort((a, b) => a.townshipId.localeCompare(b.townshipId));
}

export interface StormDropRow {
  readonly id: string;
  readonly name: string;
  readonly township: string;
  readonly population: number;
  readonly beforeSeconds: number | null;
  readonly afterSeconds: number | null;
}

/** Villages in the circle before the closures and out of it after. */
export function stormDrops(before: CoverageRollUp, after: CoverageRollUp, population: ReadonlyMap<string, number>, names: NameLookup): StormDropRow[] {
  const out: StormDropRow[] = [];
  before.places.forEach((b, i) => {
    const a = after.places[i]!;
    if (!b.covered || a.covered) return;
    const v = names.village(b.id);
    out.push({ id: b.id, name: v?.name ?? b.id, township: v ? names.township(v.township) : '', population: population.get(b.id) ?? 0, beforeSeconds: b.seconds, afterSeconds: a.seconds });
  });
  return out.sort((x, y) => y.population - x.population || x.id.localeCompare(y.id));
}
