import { CoreError } from '../errors';
import { LinearModelBuilder, type LinearSolver } from './linear-model';
import { FlowNetwork } from './max-flow';

/**
 * Who goes to which shelter: villages (people who must move) against shelters (places), with the
 * walking time of every village → shelter pair, row-major `seconds[v * shelters + s]`.
 */
export interface AssignmentProblem {
  /** people who must move, per village */
  readonly demand: ArrayLike<number>;
  /** places, per shelter */
  readonly capacity: ArrayLike<number>;
  /** walking seconds village → shelter (Infinity = no way there) */
  readonly seconds: Float64Array;
  /** the capacity-aware assignment uses only pairs within this walk (default: any reachable pair) */
  readonly maxWalkSeconds?: number;
}

export interface AssignmentFlow {
  readonly shelter: number;
  readonly people: number;
  readonly seconds: number;
}

export interface VillageAssignment {
  readonly placed: number;
  readonly unplaced: number;
  /** where its people go, nearest first */
  readonly flows: AssignmentFlow[];
}

export interface Assignment {
  readonly method: 'nearest' | 'capacity-aware';
  readonly villages: VillageAssignment[];
  /** people placed in each shelter (never above its capacity) */
  readonly load: Float64Array;
  readonly placed: number;
  readonly unplaced: number;
  /** Σ people × walking seconds of everyone placed */
  readonly personSeconds: number;
  readonly solveSeconds?: number;
}

function check(pr: AssignmentProblem): { V: number; S: number } {
  const V = pr.demand.length, S = pr.capacity.length;
  if (pr.seconds.length !== V * S) throw new CoreError('invalid-argument', `the time matrix has ${pr.seconds.length} entries, expected ${V} × ${S}`);
  for (let v = 0; v < V; v++) if (!(pr.demand[v]! >= 0)) throw new CoreError('invalid-argument', `village ${v} has demand ${pr.demand[v]}, expected ≥ 0`);
  for (let s = 0; s < S; s++) if (!(pr.capacity[s]! >= 0)) throw new CoreError('invalid-argument', `shelter ${s} has capacity ${pr.capacity[s]}, expected ≥ 0`);
  return { V, S };
}

function finish(method: Assignment['method'], pr: AssignmentProblem, flows: AssignmentFlow[][], solveSeconds?: number): Assignment {
  const load = new Float64Array(pr.capacity.length);
  let placed = 0, unplaced = 0, personSeconds = 0;
  const villages = flows.map((fs, v) => {
    fs.sort((a, b) => a.seconds - b.seconds || a.shelter - b.shelter);
    const p = fs.reduce((sum, f) => sum + f.people, 0);
    for (const f of fs) {
      load[f.shelter] = load[f.shelter]! + f.people;
      personSeconds += f.people * f.seconds;
    }
    const u = Math.max(0, pr.demand[v]! - p);
    placed += p;
    unplaced += u;
    return { placed: p, unplaced: u, flows: fs };
  });
  return { method, villages, load, placed, unplaced, personSeconds, ...(solveSeconds !== undefined ? { solveSeconds } : {}) };
}

/**
 * Each village to its nearest shelter by walking time (ties: lower index), whatever the distance.
 * A shelter takes its villages nearest first until it is full; the rest of a village that finds it
 * full has no place (nobody is sent on to a second shelter: that is the capacity-aware answer).
 */
export function nearestShelterAssignment(pr: AssignmentProblem): Assignment & { nearest: Int32Array } {
  const { V, S } = check(pr);
  const nearest = new Int32Array(V).fill(-1);
  for (let v = 0; v < V; v++) {
    let best = Infinity;
    for (let s = 0; s < S; s++) {
      const t = pr.seconds[v * S + s]!;
      if (t < best) { best = t; nearest[v] = s; }
    }
  }
  const order = [...Array(V).keys()].filter((v) => nearest[v]! >= 0)
    .sort((a, b) => pr.seconds[a * S + nearest[a]!]! - pr.seconds[b * S + nearest[b]!]! || a - b);
  const left = Float64Array.from({ length: S }, (_, s) => pr.capacity[s]!);
  const flows: AssignmentFlow[][] = Array.from({ length: V }, () => []);
  for (const v of order) {
    const s = nearest[v]!, people = Math.min(pr.demand[v]!, left[s]!);
    left[s] = left[s]! - people;
    if (people > 0) flows[v]!.push({ shelter: s, people, seconds: pr.seconds[v * S + s]! });
  }
  return { ...finish('nearest', pr, flows), nearest };
}

/**
 * The capacity-aware assignment, exactly (a transportation problem): first the most people placed
 * within `maxWalkSeconds` under every shelter's capacity (a maximum flow), then, with that many
 * placed, the least total person-walking-time (a linear program). x_vs ≥ 0 people of village v in shelter s,
 * Σ_s x_vs ≤ demand_v, Σ_v x_vs ≤ capacity_s. A village may be split between shelters.
 */
export function capacityAwareAssignment(pr: AssignmentProblem, solver: LinearSolver): Assignment {
  const { V, S } = check(pr);
  const maxWalk = pr.maxWalkSeconds ?? Infinity;
  const pairs: Array<{ v: number; s: number; t: number }> = [];
  for (let v = 0; v < V; v++) {
    if (!(pr.demand[v]! > 0)) continue;
    for (let s = 0; s < S; s++) {
      const t = pr.seconds[v * S + s]!;
      if (Number.isFinite(t) && t <= maxWalk && pr.capacity[s]! > 0) pairs.push({ v, s, t });
    }
  }
  const flows: AssignmentFlow[][] = Array.from({ length: V }, () => []);
  if (pairs.length === 0) return finish('capacity-aware', pr, flows, 0);
  const build = (placedAtLeast: number) => {
    const b = new LinearModelBuilder('minimize');
    for (const p of pairs) b.addColumn(p.t / 60, 0, Infinity);
    const byVillage = new Map<number, number[]>(), byShelter = new Map<number, number[]>();
    pairs.forEach((p, k) => {
      (byVillage.get(p.v) ?? byVillage.set(p.v, []).get(p.v)!).push(k);
      (byShelter.get(p.s) ?? byShelter.set(p.s, []).get(p.s)!).push(k);
    });
    for (const [v, cols] of byVillage) b.addRow(cols, cols.map(() => 1), -Infinity, pr.demand[v]!);
    for (const [s, cols] of byShelter) b.addRow(cols, cols.map(() => 1), -Infinity, pr.capacity[s]!);
    b.addRow(pairs.map((_, k) => k), pairs.map(() => 1), placedAtLeast, Infinity);
    return b.build();
  };
  // The most people placed within the walk is a maximum flow (source → villages → shelters →
  // sink), exact and whole when demands and capacities are whole (a transportation problem's
  // optimum is integral); the tests check it equals the placement LP. Keeping that count, the LP
  // then minimises walking time, so it cannot trade people for time.
  const net = new FlowNetwork(V + S + 2);
  const source = V + S, sink = source + 1;
  for (let v = 0; v < V; v++) if (pr.demand[v]! > 0) net.addArc(source, v, pr.demand[v]!);
  for (const p of pairs) net.addArc(p.v, V + p.s, Infinity);
  for (let s = 0; s < S; s++) if (pr.capacity[s]! > 0) net.addArc(V + s, sink, pr.capacity[s]!);
  const most = cleanFlow(net.maxFlow(source, sink));
  // whole counts as they are; a hair of slack for fractional ones, where the flow and the LP may
  // differ in the last bits
  const second = solver.solve(build(Number.isInteger(most) ? most : most - 1e-9 * Math.max(1, most)));
  if (second.status !== 'optimal') throw new CoreError('invalid-argument', `the walking-time LP ended with status ${second.status} (placed at least ${most})`);
  pairs.forEach((p, k) => {
    const people = cleanFlow(second.values[k]!);
    if (people > 0) flows[p.v]!.push({ shelter: p.s, people, seconds: p.t });
  });
  return finish('capacity-aware', pr, flows, second.solveSeconds);
}

/** Solver noise off a flow: below 1e-6 people is none; within 1e-6 of a whole number is that number. */
function cleanFlow(x: number): number {
  if (x < 1e-6) return 0;
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-6 ? r : x;
}
