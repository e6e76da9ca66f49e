import { CoreError } from '../errors';
import { LinearModelBuilder, type LinearSolver } from './linear-model';
import { FlowNetwork } from './max-flow';

/**
 * Where one more shelter of a given capacity gives the most people who must move a place within
 * the walking limit (under the capacity-aware assignment, which first places as many as it can).
 */
export interface SitingProblem {
  readonly demand: ArrayLike<number>;
  readonly capacity: ArrayLike<number>;
  /** walking seconds village → existing shelter, row-major [village * shelters + shelter] */
  readonly seconds: Float64Array;
  /** walking seconds village → candidate site, row-major [village * candidates + candidate] */
  readonly candidateSeconds: Float64Array;
  readonly candidates: number;
  /** places in each new shelter */
  readonly newCapacity: number;
  readonly maxWalkSeconds: number;
  readonly p: number;
}

export interface SitingPick {
  readonly candidate: number;
  /** people who gain a place when it is added after the picks before it */
  readonly marginalPeople: number;
}

export interface SitingSolution {
  readonly method: 'greedy' | 'exact';
  readonly chosen: SitingPick[];
  /** people placed within the walking limit before any new shelter */
  readonly basePlaced: number;
  /** people who gain a place with all chosen sites */
  readonly addedPeople: number;
  readonly bound?: number;
  readonly relativeGap?: number;
  readonly status?: 'optimal' | 'time-limit';
  readonly solveSeconds?: number;
  /**
   * exact only: how optimality was shown — by the MIP solver, or by the bound alone (the greedy
   * incumbent already places every person the new sites could: p × capacity, or all unplaced)
   */
  readonly provedBy?: 'solver' | 'bound';
}

/** The most people placed within the walk, with the existing shelters and the given new sites. */
/** Within the walk: a finite time no longer than the limit (an infinite limit still needs a way there). */
const within = (t: number, limit: number) => Number.isFinite(t) && t <= limit;

/**
 * Per village with people to move, the existing shelters within the walk (read once per problem:
 * the greedy siting prices hundreds of sites on the same problem, and with many shelters the
 * villages × shelters scan would dominate every price).
 */
const reachCache = new WeakMap<SitingProblem, Int32Array[]>();
function shelterReach(pr: SitingProblem): Int32Array[] {
  let reach = reachCache.get(pr);
  if (!reach) {
    const V = pr.demand.length, S = pr.capacity.length;
    reach = Array.from({ length: V }, (_, v) => {
      if (!(pr.demand[v]! > 0)) return new Int32Array(0);
      const out: number[] = [];
      for (let s = 0; s < S; s++) if (within(pr.seconds[v * S + s]!, pr.maxWalkSeconds)) out.push(s);
      return Int32Array.from(out);
    });
    reachCache.set(pr, reach);
  }
  return reach;
}

export function mostPlaced(pr: SitingProblem, sites: readonly number[]): number {
  // the same network the greedy prices on, built from zero: existing shelters, then each site
  const flow = new PlacementFlow(pr, sites.length);
  for (const c of sites) flow.add(c);
  return flow.placed;
}

/**
 * The placement flow kept at its maximum while sites are added one by one: the price of one more
 * site is the flow its arcs add from there (a trial undone afterwards), the same number as
 * mostPlaced(pr, [...sites, c]) − mostPlaced(pr, sites) — a maximum flow's value is unique — at
 * the cost of the few augmenting paths the site opens, not of a new flow from zero.
 */
class PlacementFlow {
  private readonly net: FlowNetwork;
  private readonly source: number;
  private readonly sink: number;
  private added = 0;
  placed: number;

  constructor(private readonly pr: SitingProblem, private readonly maxSites: number) {
    const V = pr.demand.length, S = pr.capacity.length;
    this.net = new FlowNetwork(V + S + maxSites + 2);
    this.source = V + S + maxSites;
    this.sink = this.source + 1;
    const reach = shelterReach(pr);
    for (let v = 0; v < V; v++) {
      if (!(pr.demand[v]! > 0)) continue;
      this.net.addArc(this.source, v, pr.demand[v]!);
      for (const s of reach[v]!) this.net.addArc(v, V + s, Infinity);
    }
    for (let s = 0; s < S; s++) this.net.addArc(V + s, this.sink, pr.capacity[s]!);
    this.placed = this.net.maxFlow(this.source, this.sink);
  }

  private addSite(c: number): void {
    const pr = this.pr, V = pr.demand.length, node = V + pr.capacity.length + this.added;
    for (let v = 0; v < V; v++) {
      if (pr.demand[v]! > 0 && within(pr.candidateSeconds[v * pr.candidates + c]!, pr.maxWalkSeconds)) this.net.addArc(v, node, Infinity);
    }
    this.net.addArc(node, this.sink, pr.newCapacity);
  }

  /** People one more site at candidate c would place, the network left as it is. */
  gainOf(c: number): number {
    if (this.added >= this.maxSites) throw new CoreError('invalid-argument', 'no room for another site in the placement flow');
    return this.net.tryThenUndo(() => {
      this.addSite(c);
      return this.net.maxFlow(this.source, this.sink);
    });
  }

  /** Adds the site for good; returns the people it places. */
  add(c: number): number {
    if (this.added >= this.maxSites) throw new CoreError('invalid-argument', 'no room for another site in the placement flow');
    this.addSite(c);
    this.added++;
    const gain = this.net.maxFlow(this.source, this.sink);
    this.placed += gain;
    return gain;
  }
}

function check(pr: SitingProblem): void {
  if (!(Number.isInteger(pr.p) && pr.p >= 1)) throw new CoreError('invalid-argument', `p must be a whole number ≥ 1, got ${pr.p}`);
  if (!(pr.newCapacity > 0)) throw new CoreError('invalid-argument', `the new shelter's capacity must be > 0, got ${pr.newCapacity}`);
  if (pr.candidateSeconds.length !== pr.demand.length * pr.candidates) throw new CoreError('invalid-argument', 'the candidate time matrix does not match villages × candidates');
}

/**
 * Greedy: p times the candidate whose shelter gives the most people a place (ties: lowest index
 * among undominated sites, so a site reaching more villages wins a tie with one inside its reach).
 */
export function greedyShelterSiting(pr: SitingProblem): SitingSolution {
  check(pr);
  const flow = new PlacementFlow(pr, pr.p);
  const basePlaced = flow.placed;
  const chosen: SitingPick[] = [];
  let placed = basePlaced;
  // Sites with p dominators never add more than an unchosen dominator (see undominatedCandidates).
  const open = undominatedCandidates(pr);
  const sites: number[] = [];
  // Lazy greedy (CELF): the people one more shelter places can only shrink as others are added
  // (max flow in the new sinks is submodular), so last step's gain bounds this step's; only the
  // candidate on top is re-evaluated. Order: gain descending, then lowest index, as plain greedy.
  // The first bound of every site: it cannot place more than its own places, nor more than the
  // people still without one (when many sites would fill up, only the first few are evaluated).
  const bound = new Map(open.map((c) => [c, gainCeiling(pr, basePlaced)]));
  const freshAt = new Map<number, number>();
  while (chosen.length < pr.p && bound.size > 0) {
    const step = chosen.length;
    let picked = -1;
    for (;;) {
      let top = -1, topBound = -Infinity;
      for (const [c, b] of bound) if (b > topBound || (b === topBound && c < top)) { top = c; topBound = b; }
      if (top < 0) break;
      if (freshAt.get(top) === step) { picked = top; break; }
      bound.set(top, flow.gainOf(top));
      freshAt.set(top, step);
    }
    if (picked < 0 || !(bound.get(picked)! > 1e-7)) break;
    const gain = flow.add(picked); // the same flow as its price: the network was at this point then
    bound.delete(picked);
    sites.push(picked);
    chosen.push({ candidate: picked, marginalPeople: roundPeople(gain) });
    placed += gain;
  }
  return { method: 'greedy', chosen, basePlaced: roundPeople(basePlaced), addedPeople: roundPeople(placed - basePlaced) };
}

/**
 * Exact: a MIP over flows and a binary z_c per candidate — maximise people placed within the walk,
 * Σ_s x_vs + Σ_c x_vc ≤ demand_v, Σ_v x_vs ≤ capacity_s, Σ_v x_vc ≤ C·z_c, x_vc ≤ demand_v·z_c,
 * Σ z_c ≤ p — solved by the given solver (HiGHS) to a zero gap unless the time limit stops it.
 */
export function exactShelterSiting(
  pr: SitingProblem,
  solver: LinearSolver,
  options: {
    timeLimitSeconds?: number;
    /**
     * a feasible solution already found (greedy's): when it reaches the ceiling of what p new
     * sites can add — min(p × capacity, people without a place) — it is optimal and returned as
     * the exact answer without the MIP (provedBy 'bound')
     */
    incumbent?: SitingSolution;
  } = {},
): SitingSolution {
  check(pr);
  const V = pr.demand.length, S = pr.capacity.length;
  const basePlaced = mostPlaced(pr, []);
  const ceiling = Math.min(pr.p * pr.newCapacity, totalDemand(pr) - basePlaced);
  const inc = options.incumbent;
  if (inc && inc.chosen.length <= pr.p && inc.addedPeople >= ceiling - 1e-7) {
    return { ...inc, method: 'exact', bound: roundPeople(ceiling), relativeGap: 0, status: 'optimal', solveSeconds: 0, provedBy: 'bound' };
  }
  const b = new LinearModelBuilder('maximize');
  const villageCols: number[][] = Array.from({ length: V }, () => []);
  const shelterCols: number[][] = Array.from({ length: S }, () => []);
  const candidateCols = new Map<number, Array<{ col: number; v: number }>>();
  const kept = undominatedCandidates(pr);
  for (let v = 0; v < V; v++) {
    if (!(pr.demand[v]! > 0)) continue;
    for (const s of shelterReach(pr)[v]!) {
      if (pr.capacity[s]! > 0) {
        const col = b.addColumn(1, 0, Infinity);
        villageCols[v]!.push(col);
        shelterCols[s]!.push(col);
      }
    }
    for (const c of kept) {
      if (within(pr.candidateSeconds[v * pr.candidates + c]!, pr.maxWalkSeconds)) {
        const col = b.addColumn(1, 0, Infinity);
        villageCols[v]!.push(col);
        (candidateCols.get(c) ?? candidateCols.set(c, []).get(c)!).push({ col, v });
      }
    }
  }
  const zCols = new Map<number, number>();
  for (const c of candidateCols.keys()) zCols.set(c, b.addColumn(0, 0, 1, true));
  villageCols.forEach((cols, v) => { if (cols.length) b.addRow(cols, cols.map(() => 1), -Infinity, pr.demand[v]!); });
  shelterCols.forEach((cols, s) => { if (cols.length) b.addRow(cols, cols.map(() => 1), -Infinity, pr.capacity[s]!); });
  for (const [c, list] of candidateCols) {
    const z = zCols.get(c)!;
    b.addRow([...list.map((l) => l.col), z], [...list.map(() => 1), -pr.newCapacity], -Infinity, 0);
    for (const { col, v } of list) b.addRow([col, z], [1, -pr.demand[v]!], -Infinity, 0);
  }
  if (zCols.size === 0) return { method: 'exact', chosen: [], basePlaced: roundPeople(basePlaced), addedPeople: 0, bound: 0, relativeGap: 0, status: 'optimal', solveSeconds: 0, provedBy: 'bound' };
  b.addRow([...zCols.values()], [...zCols.values()].map(() => 1), -Infinity, pr.p);
  const sol = solver.solve(b.build(), options);
  if (sol.status !== 'optimal' && sol.status !== 'time-limit') throw new CoreError('invalid-argument', `the siting MIP ended with status ${sol.status}`);
  const picked = [...zCols].filter(([, z]) => sol.values[z]! > 0.5).map(([c]) => c).sort((a, b2) => a - b2);
  // Order the picks greedily among themselves, so each one's marginal people add up.
  const chosen: SitingPick[] = [];
  const flow = new PlacementFlow(pr, picked.length);
  let placed = basePlaced;
  const left = new Set(picked);
  while (left.size) {
    let best = -1, bestGain = -1;
    for (const c of left) {
      const g = flow.gainOf(c);
      if (g > bestGain + 1e-7) { best = c; bestGain = g; }
    }
    left.delete(best);
    const gain = flow.add(best);
    if (gain > 1e-7) chosen.push({ candidate: best, marginalPeople: roundPeople(gain) });
    placed += Math.max(0, gain);
  }
  return {
    method: 'exact', chosen, basePlaced: roundPeople(basePlaced), addedPeople: roundPeople(placed - basePlaced),
    bound: sol.status === 'optimal' ? roundPeople(placed - basePlaced) : sol.bound - basePlaced,
    relativeGap: sol.relativeGap, status: sol.status, solveSeconds: sol.solveSeconds, provedBy: 'solver',
  };
}

/**
 * The candidates fewer than p others dominate. All new shelters have the same capacity, so a site
 * whose villages within the walk are a subset of another's (a strict order: a larger set, or the
 * same set and a lower index) is never better than that one. A site with p or more dominators can
 * always be swapped for one of them that is not chosen (a choice holds only p − 1 other sites), so
 * some optimum — and each greedy step's best marginal — uses only the sites kept here.
 */
export function undominatedCandidates(pr: SitingProblem): number[] {
  const limit = pr.p;
  const V = pr.demand.length, W = (V + 31) >>> 5;
  const bits = new Uint32Array(pr.candidates * W);
  const count = new Int32Array(pr.candidates);
  for (let c = 0; c < pr.candidates; c++) {
    for (let v = 0; v < V; v++) {
      if (pr.demand[v]! > 0 && within(pr.candidateSeconds[v * pr.candidates + c]!, pr.maxWalkSeconds)) {
        bits[c * W + (v >>> 5)] = bits[c * W + (v >>> 5)]! | (1 << (v & 31));
        count[c] = count[c]! + 1;
      }
    }
  }
  const subset = (a: number, b: number) => {
    for (let w = 0; w < W; w++) if ((bits[a * W + w]! & ~bits[b * W + w]!) !== 0) return false;
    return true;
  };
  const kept: number[] = [];
  for (let c = 0; c < pr.candidates; c++) {
    if (count[c] === 0) continue;
    let dominators = 0;
    for (let o = 0; o < pr.candidates && dominators < limit; o++) {
      if (o === c || count[o]! < count[c]!) continue;
      // o dominates c: c's set within o's, and o strictly larger or equal with a lower index
      if (subset(c, o) && (count[o]! > count[c]! || o < c)) dominators++;
    }
    if (dominators < limit) kept.push(c);
  }
  return kept;
}

function totalDemand(pr: SitingProblem): number {
  let sum = 0;
  for (let v = 0; v < pr.demand.length; v++) if (pr.demand[v]! > 0) sum += pr.demand[v]!;
  return sum;
}

/** No new site can place more than its own places, nor more people than are still without a place. */
function gainCeiling(pr: SitingProblem, basePlaced: number): number {
  return Math.max(0, Math.min(pr.newCapacity, totalDemand(pr) - basePlaced));
}

function roundPeople(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-6 ? r : x;
}
