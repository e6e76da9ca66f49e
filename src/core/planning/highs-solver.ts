import type { Highs } from 'highs';
import type { LinearModel, LinearSolution, LinearSolver, SolveOptions, SolveStatus } from './linear-model';

/**
 * The LinearSolver on an already loaded HiGHS (the `highs` package, WebAssembly). Loading is the
 * caller's: `await loadHighs()` in Node, `loadHighs({ locateFile })` with the app's own wasm URL in
 * the worker. MIPs are solved to a zero relative gap (exact), unless the time limit stops them.
 */
export function highsLinearSolver(highs: Highs): LinearSolver {
  return {
    solve(model: LinearModel, options: SolveOptions = {}): LinearSolution {
      const started = Date.now();
      const inf = highs.infinity;
      const clamp = (a: Float64Array) => Array.from(a, (v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
      const numCols = model.colCost.length, numRows = model.rowLower.length;
      return highs.withModel({
        numCols,
        numRows,
        sense: model.sense === 'maximize' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
        colCost: model.colCost,
        colLower: clamp(model.colLower),
        colUpper: clamp(model.colUpper),
        rowLower: clamp(model.rowLower),
        rowUpper: clamp(model.rowUpper),
        matrix: { format: 'csr', numRows, numCols, starts: model.rowStarts, indices: model.rowIndices, values: model.rowValues },
        ...(model.integer ? { integrality: Int32Array.from(model.integer) } : {}),
      }, (m) => {
        m.options.set({
          output_flag: false,
          mip_rel_gap: 0,
          mip_abs_gap: 0,
          ...(options.timeLimitSeconds ? { time_limit: options.timeLimitSeconds } : {}),
        });
        m.run();
        const code = m.getModelStatus();
        const s = highs.constants.modelStatus;
        const status: SolveStatus = code === s.optimal || code === s.empty ? 'optimal' : code === s.infeasible ? 'infeasible' : code === s.timeLimit ? 'time-limit' : `other (${code})` as SolveStatus;
        const values = Float64Array.from(m.getSolution().colValue);
        const objective = m.getObjectiveValue();
        let bound = objective, relativeGap = 0;
        if (model.integer) {
          bound = Number(m.info.get('mip_dual_bound'));
          relativeGap = status === 'optimal' ? 0 : Math.abs(bound - objective) / Math.max(Math.abs(objective), 1e-9);
        }
        return { status, objective, values, bound, relativeGap, solveSeconds: (Date.now() - started) / 1000 };
      });
    },
  };
}
