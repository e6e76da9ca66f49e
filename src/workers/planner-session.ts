import {
  bestTimesToPlaces, capacityAwareAssignment, closedEdgesFromBarriers, coverSetsFromMatrix, exactMaxCovering, exactShelterSiting,
  greedyMaxCovering, greedyShelterSiting, nearestShelterAssignment, rollUpCoverage, snapAll, travelTimeMatrix,
  type Assignment, type CoverageRollUp, type CoveringSolution, type LinearSolver, type PlanningPoint, type RoadNetwork, type SitingProblem, type SitingSolution,
} from '../core';
import type { BarrierSpec } from './protocol';

export interface PlannerVillage {
  readonly id: string;
  readonly township: string;
  readonly lngLat: readonly [number, number];
  readonly population: number;
  /** people who must move in a severe typhoon (the demo's synthetic count) */
  readonly mustMove: number;
}

export interface PlannerShelter {
  readonly id: string;
  readonly township: string;
  readonly lngLat: readonly [number, number];
  readonly capacity: number;
  readonly typhoonSafe: boolean;
  /** status 'active': in service */
  readonly active: boolean;
}

export interface PlannerStation {
  readonly id: string;
  readonly kind: string;
  readonly lngLat: readonly [number, number];
}

/** A what-if shelter: a point and its places. */
export interface NewShelter {
  readonly id: string;
  readonly lngLat: readonly [number, number];
  readonly capacity: number;
}

export interface CoverageParams {
  readonly kinds: readonly string[];
  readonly budgetMinutes: number;
  readonly turnoutMinutes: number;
  /** what-if stations */
  readonly sites?: readonly PlanningPoint[];
  readonly barriers?: BarrierSpec;
}

export interface ShelterParams {
  /** null: the demo's people who must move; a number: that share of each village's population */
  readonly share: number | null;
  readonly typhoonSafeOnly: boolean;
  readonly maxWalkMinutes: number;
  readonly newShelters?: readonly NewShelter[];
  readonly barriers?: BarrierSpec;
}

export interface CoverageFigures {
  readonly rollUp: CoverageRollUp;
}

export interface VillageShelterRow {
  readonly id: string;
  readonly demand: number;
  readonly nearestShelterId: string | null;
  readonly nearestSeconds: number | null;
  readonly nearestPlaced: number;
  /** capacity-aware: people placed within the walk, and where (nearest first) */
  readonly placed: number;
  readonly flows: Array<{ shelterId: string; people: number; seconds: number }>;
}

export interface ShelterFigures {
  readonly shelterIds: string[];
  readonly capacity: number[];
  readonly villages: VillageShelterRow[];
  readonly nearest: { placed: number; unplaced: number; personSeconds: number; load: number[] };
  readonly capacityAware: { placed: number; unplaced: number; personSeconds: number; load: number[]; solveSeconds: number };
  readonly maxWalkSeconds: number;
}

export interface StationSuggestion {
  readonly baseCoveredPopulation: number;
  readonly greedy: CoveringSolution & { chosenIds: string[] };
  readonly exact: CoveringSolution & { chosenIds: string[] };
}

export interface ShelterSuggestion {
  readonly greedy: SitingSolution & { chosenIds: string[] };
  readonly exact: SitingSolution & { chosenIds: string[] };
}

const key = (b: BarrierSpec | undefined) => (b && (b.closedWayIds?.length || b.floodPolygons?.length) ? JSON.stringify(b) : '');

/**
 * The planner's figures on the demo, with the travel-time matrices they need cached: one session
 * per worker (or per bench run). A what-if station costs one multi-source Dijkstra; a what-if
 * shelter one walking-time column; the candidate matrices are computed once per budget and closure.
 */
export class PlannerSession {
  private villages: PlannerVillage[] = [];
  private shelters: PlannerShelter[] = [];
  private stations: PlannerStation[] = [];
  private readonly cache = new Map<string, unknown>();

  constructor(
    readonly drive: RoadNetwork,
    readonly walk: RoadNetwork,
    private readonly getSolver: () => Promise<LinearSolver>,
  ) {}

  setData(d: { villages: readonly PlannerVillage[]; shelters: readonly PlannerShelter[]; stations: readonly PlannerStation[] }): void {
    this.villages = [...d.villages];
    this.shelters = [...d.shelters];
    this.stations = [...d.stations];
    this.cache.clear();
  }

  private cached<T>(k: string, make: () => T): T {
    if (!this.cache.has(k)) this.cache.set(k, make());
    return this.cache.get(k) as T;
  }

  private closed(net: 'drive' | 'walk', b: BarrierSpec | undefined): Uint8Array | undefined {
    const k = key(b);
    if (!k) return undefined;
    const n = net === 'drive' ? this.drive : this.walk;
    return this.cached(`closed|${net}|${k}`, () => closedEdgesFromBarriers(n.graph, n.index, { wayIds: b!.closedWayIds, polygons: b!.floodPolygons, lines: b!.closedLines, roadPoints: b!.closedRoadPoints }));
  }

  private villageSnaps(net: 'drive' | 'walk', b: BarrierSpec | undefined) {
    return this.cached(`snaps|${net}|${key(b)}`, () => snapAll(net === 'drive' ? this.drive : this.walk, this.villages, this.closed(net, b)));
  }

  /** Every village's best time from the chosen kinds' stations and the what-if sites, turnout added. */
  coverage(p: CoverageParams): CoverageFigures {
    const sources: PlanningPoint[] = [...this.stations.filter((s) => p.kinds.includes(s.kind)), ...(p.sites ?? [])];
    const times = bestTimesToPlaces(this.drive, sources, this.villages, { closedEdges: this.closed('drive', p.barriers) }, this.villageSnaps('drive', p.barriers));
    const places = this.villages.map((v) => ({ id: v.id, lngLat: v.lngLat, population: v.population, group: v.township }));
    return { rollUp: rollUpCoverage(places, times, sources.map((s) => s.id), p.budgetMinutes * 60, p.turnoutMinutes * 60) };
  }

  private demand(share: number | null): number[] {
    return this.villages.map((v) => (share === null ? v.mustMove : Math.round(v.population * share)));
  }

  private planningShelters(typhoonSafeOnly: boolean): PlannerShelter[] {
    return this.shelters.filter((s) => s.active && (!typhoonSafeOnly || s.typhoonSafe));
  }

  /** Walking seconds village → each target (columns cached per target id and closure). */
  private walkColumns(targets: readonly PlanningPoint[], b: BarrierSpec | undefined, budgetSeconds = Infinity): Float64Array {
    const V = this.villages.length, T = targets.length;
    const out = new Float64Array(V * T);
    const missing = targets.filter((t) => !this.cache.has(colKey(t, b, budgetSeconds)));
    if (missing.length) {
      const m = travelTimeMatrix(this.walk, this.villages, missing, { closedEdges: this.closed('walk', b), budgetSeconds });
      const M = missing.length;
      missing.forEach((t, j) => {
        const col = new Float64Array(V);
        for (let v = 0; v < V; v++) col[v] = m[v * M + j]!;
        this.cache.set(colKey(t, b, budgetSeconds), col);
      });
    }
    targets.forEach((t, j) => {
      const col = this.cache.get(colKey(t, b, budgetSeconds)) as Float64Array;
      for (let v = 0; v < V; v++) out[v * T + j] = col[v]!;
    });
    return out;
  }

  async shelterFigures(p: ShelterParams): Promise<ShelterFigures> {
    const planning = [...this.planningShelters(p.typhoonSafeOnly).map((s) => ({ id: s.id, lngLat: s.lngLat, capacity: s.capacity })), ...(p.newShelters ?? [])];
    const demand = this.demand(p.share);
    const seconds = this.walkColumns(planning, p.barriers);
    const capacity = planning.map((s) => s.capacity);
    const maxWalkSeconds = p.maxWalkMinutes * 60;
    const nearest = nearestShelterAssignment({ demand, capacity, seconds });
    const aware = capacityAwareAssignment({ demand, capacity, seconds, maxWalkSeconds }, await this.getSolver());
    const S = planning.length;
    const villages = this.villages.map((v, i): VillageShelterRow => {
      const ns = nearest.nearest[i]!;
      return {
        id: v.id,
        demand: demand[i]!,
        nearestShelterId: ns >= 0 ? planning[ns]!.id : null,
        nearestSeconds: ns >= 0 ? seconds[i * S + ns]! : null,
        nearestPlaced: nearest.villages[i]!.placed,
        placed: aware.villages[i]!.placed,
        flows: aware.villages[i]!.flows.map((f) => ({ shelterId: planning[f.shelter]!.id, people: f.people, seconds: f.seconds })),
      };
    });
    const summary = (a: Assignment) => ({ placed: a.placed, unplaced: a.unplaced, personSeconds: a.personSeconds, load: [...a.load] });
    return {
      shelterIds: planning.map((s) => s.id), capacity, villages, maxWalkSeconds,
      nearest: summary(nearest),
      capacityAware: { ...summary(aware), solveSeconds: aware.solveSeconds ?? 0 },
    };
  }

  /** Shelters that closures cut off from villages that could walk to them before. */
  async cutOff(p: ShelterParams): Promise<CutOffShelter[]> {
    const before = await this.shelterFigures({ ...p, barriers: undefined });
    const planning = [...this.planningShelters(p.typhoonSafeOnly).map((s) => ({ id: s.id, lngLat: s.lngLat })), ...(p.newShelters ?? [])];
    return cutOffShelters(before, this.walkColumns(planning, undefined), this.walkColumns(planning, p.barriers), this.villages.map((v) => v.id));
  }

  /** Where p new stations would cover the most people not yet covered: greedy and exact (HiGHS). */
  async suggestStations(p: CoverageParams & { p: number; extraCandidates?: readonly PlanningPoint[] }): Promise<StationSuggestion> {
    const base = this.coverage(p).rollUp;
    const candidates: PlanningPoint[] = [...this.villages.map((v) => ({ id: v.id, lngLat: v.lngLat })), ...(p.extraCandidates ?? [])];
    const travelBudget = (p.budgetMinutes - p.turnoutMinutes) * 60;
    const k = `cand|${key(p.barriers)}|${travelBudget}`;
    const villageRows = this.cached(`${k}|villages`, () => coverSetsFromMatrix(
      travelTimeMatrix(this.drive, this.villages, this.villages, { closedEdges: this.closed('drive', p.barriers), budgetSeconds: travelBudget }, this.villageSnaps('drive', p.barriers)),
      this.villages.length, this.villages.length, travelBudget));
    const extraRows = (p.extraCandidates ?? []).map((c) => this.cached(`${k}|${c.id}|${c.lngLat.join(',')}`, () => coverSetsFromMatrix(
      travelTimeMatrix(this.drive, [c], this.villages, { closedEdges: this.closed('drive', p.barriers), budgetSeconds: travelBudget }, this.villageSnaps('drive', p.barriers)),
      1, this.villages.length, travelBudget)[0]!));
    const problem = {
      weights: this.villages.map((v) => v.population),
      alreadyCovered: base.places.map((pl) => (pl.covered ? 1 : 0)),
      coverSets: [...villageRows, ...extraRows],
      p: p.p,
    };
    const ids = (s: CoveringSolution) => ({ ...s, chosenIds: s.chosen.map((c) => candidates[c.candidate]!.id) });
    return {
      baseCoveredPopulation: base.total.coveredPopulation,
      greedy: ids(greedyMaxCovering(problem)),
      exact: ids(exactMaxCovering(problem, await this.getSolver(), { timeLimitSeconds: 60 })),
    };
  }

  /** Where p new shelters of the given capacity would give the most people a place within the walk. */
  async suggestShelters(p: ShelterParams & { capacity: number; p: number; extraCandidates?: readonly PlanningPoint[] }): Promise<ShelterSuggestion> {
    const candidates = this.siteCandidates(p.extraCandidates);
    const problem = this.sitingProblem(p);
    const ids = (s: SitingSolution) => ({ ...s, chosenIds: s.chosen.map((c) => candidates[c.candidate]!.id) });
    const greedy = greedyShelterSiting(problem);
    return { greedy: ids(greedy), exact: ids(exactShelterSiting(problem, await this.getSolver(), { timeLimitSeconds: 60, incumbent: greedy })) };
  }

  private siteCandidates(extra: readonly PlanningPoint[] | undefined): PlanningPoint[] {
    return [...this.villages.map((v) => ({ id: v.id, lngLat: v.lngLat })), ...(extra ?? [])];
  }

  /** The siting problem of suggestShelters: candidates are the villages, then the extra points. */
  sitingProblem(p: ShelterParams & { capacity: number; p: number; extraCandidates?: readonly PlanningPoint[] }): SitingProblem {
    const planning = [...this.planningShelters(p.typhoonSafeOnly).map((s) => ({ id: s.id, lngLat: s.lngLat, capacity: s.capacity })), ...(p.newShelters ?? [])];
    const candidates = this.siteCandidates(p.extraCandidates);
    const maxWalkSeconds = p.maxWalkMinutes * 60;
    return {
      demand: this.demand(p.share),
      capacity: planning.map((s) => s.capacity),
      seconds: this.walkColumns(planning, p.barriers),
      candidateSeconds: this.walkColumns(candidates.map((c) => ({ id: `candidate:${c.id}`, lngLat: c.lngLat })), p.barriers, maxWalkSeconds),
      candidates: candidates.length,
      newCapacity: p.capacity,
      maxWalkSeconds,
      p: p.p,
    };
  }
}

export interface CutOffShelter {
  readonly shelterId: string;
  /** villages that reached it within the walk before the closures and no longer do */
  readonly villageIds: string[];
  /** of their people placed there before (capacity-aware), how many lose that place */
  readonly people: number;
}

export function cutOffShelters(before: ShelterFigures, beforeSeconds: Float64Array, afterSeconds: Float64Array, villageIds: readonly string[]): CutOffShelter[] {
  const S = before.shelterIds.length;
  const out: CutOffShelter[] = [];
  before.shelterIds.forEach((shelterId, s) => {
    const lost: string[] = [];
    let people = 0;
    villageIds.forEach((vid, v) => {
      const was = beforeSeconds[v * S + s]!, now = afterSeconds[v * S + s]!;
      if (was <= before.maxWalkSeconds && !(now <= before.maxWalkSeconds)) {
        lost.push(vid);
        people += before.villages[v]!.flows.find((f) => f.shelterId === shelterId)?.people ?? 0;
      }
    });
    if (lost.length) out.push({ shelterId, villageIds: lost, people });
  });
  return out;
}

function colKey(t: PlanningPoint, b: BarrierSpec | undefined, budget: number): string {
  return `walkcol|${key(b)}|${budget}|${t.id}|${t.lngLat[0]},${t.lngLat[1]}`;
}
