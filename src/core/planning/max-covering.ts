import { CoreError } from '../errors';
import { LinearModelBuilder, type LinearSolver } from './linear-model';

/**
 * The maximal covering location problem (MCLP, Church & ReVelle 1974): choose up to p candidate
 * sites so that the population of the demand places they newly cover is as large as possible.
 */
export interface CoveringProblem {
  /** people at each demand place */
  readonly weights: ArrayLike<number>;
  /** 1 where a place is covered already (by the existing stations): it adds nothing */
  readonly alreadyCovered?: ArrayLike<number>;
  /** per candidate: the demand places it would cover */
  readonly coverSets: ReadonlyArray<readonly number[]>;
  /** how many new sites, ≥ 1 */
  readonly p: number;
}

export interface CoveringPick {
  /** candidate index */
  readonly candidate: number;
  /** people it adds on top of the existing cover and the picks before it */
  readonly marginalPopulation: number;
}

export interface CoveringSolution {
  readonly method: 'greedy' | 'exact';
  /** in the order of their marginal population (greedy order within the chosen set) */
  readonly chosen: CoveringPick[];
  /** people newly covered by the chosen sites together */
  readonly addedPopulation: number;
  /** exact: the solver's proven upper bound on addedPopulation (equal when optimal) */
  readonly bound?: number;
  /** exact: the solver's relative optimality gap (0 = proven optimal) */
  readonly relativeGap?: number;
  readonly status?: 'optimal' | 'time-limit';
  readonly solveSeconds?: number;
}

function checkProblem(pr: CoveringProblem): void {
  if (!(Number.isInteger(pr.p) && pr.p >= 1)) throw new CoreError('invalid-argument', `p must be a whole number ≥ 1, got ${pr.p}`);
  for (let i = 0; i < pr.weights.length; i++) {
    if (!(pr.weights[i]! >= 0)) throw new CoreError('invalid-argument', `demand place ${i} has weight ${pr.weights[i]}, expected ≥ 0`);
  }
}

/** The greedy order among `candidates`: each step takes the largest marginal population (ties: lowest index). */
function greedyOrder(pr: CoveringProblem, candidates: readonly number[], limit: number): CoveringPick[] {
  const covered = new Uint8Array(pr.weights.length);
  if (pr.alreadyCovered) for (let i = 0; i < covered.length; i++) covered[i] = pr.alreadyCovered[i] ? 1 : 0;
  const left = new Set(candidates);
  const picks: CoveringPick[] = [];
  while (picks.length < limit && left.size > 0) {
    let best = -1, bestGain = 0;
    for (const c of left) {
      let gain = 0;
      for (const i of pr.coverSets[c]!) if (!covered[i]) gain += pr.weights[i]!;
      if (gain > bestGain || (gain === bestGain && gain > 0 && c < best)) { best = c; bestGain = gain; }
    }
    if (best < 0) break; // nothing left adds anyone
    left.delete(best);
    for (const i of pr.coverSets[best]!) covered[i] = 1;
    picks.push({ candidate: best, marginalPopulation: bestGain });
  }
  return picks;
}

/** Greedy MCLP: p times the candidate that adds the most people (stops early when none adds any). */
export function greedyMaxCovering(pr: CoveringProblem): CoveringSolution {
  checkProblem(pr);
  const chosen = greedyOrder(pr, pr.coverSets.map((_, c) => c), pr.p);
  return { method: 'greedy', chosen, addedPopulation: chosen.reduce((s, c) => s + c.marginalPopulation, 0) };
}

/**
 * Exact MCLP as a MIP: binary x_c per candidate, y_i ∈ [0, 1] per uncovered demand place,
 * maximise Σ w_i y_i subject to y_i ≤ Σ_{c covers i} x_c and Σ x_c ≤ p. Solved to a zero gap by
 * the given solver (HiGHS); a time limit returns the best found with the gap stated.
 */
export function exactMaxCovering(pr: CoveringProblem, solver: LinearSolver, options: { timeLimitSeconds?: number } = {}): CoveringSolution {
  checkProblem(pr);
  const useful = (i: number) => !pr.alreadyCovered?.[i] && pr.weights[i]! > 0;
  const b = new LinearModelBuilder('maximize');
  const candidateCols: number[] = [];
  const colCandidate: number[] = [];
  const coveredBy = new Map<number, number[]>();
  pr.coverSets.forEach((set, c) => {
    const gains = set.filter(useful);
    if (gains.length === 0) return;
    const col = b.addColumn(0, 0, 1, true);
    candidateCols.push(col);
    colCandidate[col] = c;
    for (const i of gains) {
      const list = coveredBy.get(i) ?? [];
      list.push(col);
      coveredBy.set(i, list);
    }
  });
  if (candidateCols.length === 0) return { method: 'exact', chosen: [], addedPopulation: 0, bound: 0, relativeGap: 0, status: 'optimal', solveSeconds: 0 };
  for (const [i, cols] of [...coveredBy].sort((a, c) => a[0] - c[0])) {
    const y = b.addColumn(pr.weights[i]!, 0, 1);
    b.addRow([y, ...cols], [1, ...cols.map(() => -1)], -Infinity, 0);
  }
  b.addRow(candidateCols, candidateCols.map(() => 1), -Infinity, pr.p);
  const sol = solver.solve(b.build(), options);
  if (sol.status !== 'optimal' && sol.status !== 'time-limit') {
    throw new CoreError('invalid-argument', `the covering MIP ended with status ${sol.status}`);
  }
  const picked = candidateCols.filter((col) => sol.values[col]! > 0.5).map((col) => colCandidate[col]!);
  const chosen = greedyOrder(pr, picked, picked.length);
  const addedPopulation = chosen.reduce((s, c) => s + c.marginalPopulation, 0);
  return {
    method: 'exact', chosen, addedPopulation,
    bound: sol.status === 'optimal' ? addedPopulation : sol.bound,
    relativeGap: sol.relativeGap, status: sol.status, solveSeconds: sol.solveSeconds,
  };
}

/** Covering sets from a candidate × place time matrix: candidate c covers i when time ≤ budget. */
export function coverSetsFromMatrix(seconds: Float64Array, candidates: number, places: number, budgetSeconds: number): number[][] {
  const sets: number[][] = [];
  for (let c = 0; c < candidates; c++) {
    const set: number[] = [];
    for (let i = 0; i < places; i++) if (Number.isFinite(seconds[c * places + i]!) && seconds[c * places + i]! <= budgetSeconds) set.push(i);
    sets.push(set);
  }
  return sets;
}
