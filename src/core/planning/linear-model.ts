/**
 * A linear or mixed-integer program in plain typed arrays, and the solver interface the planning
 * code calls. The core never loads a solver itself (that needs WebAssembly and a file URL, which
 * differ between Node and the browser worker): the caller passes one in, e.g. highsLinearSolver.
 */
export interface LinearModel {
  readonly sense: 'minimize' | 'maximize';
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  /** 1 = integer column; absent = all continuous (an LP) */
  readonly integer?: Uint8Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** the constraint matrix by rows (CSR): row r has columns indices[starts[r] .. starts[r+1]) */
  readonly rowStarts: Int32Array;
  readonly rowIndices: Int32Array;
  readonly rowValues: Float64Array;
}

export type SolveStatus = 'optimal' | 'infeasible' | 'time-limit' | 'other';

export interface LinearSolution {
  readonly status: SolveStatus;
  /** the objective of the returned solution */
  readonly objective: number;
  readonly values: Float64Array;
  /** MIPs: the solver's proven bound on the objective (equal to `objective` when optimal) */
  readonly bound: number;
  /** MIPs: relative gap between solution and bound, |bound - objective| / |objective| (0 = proven optimal) */
  readonly relativeGap: number;
  readonly solveSeconds: number;
}

export interface SolveOptions {
  /** stop after this long and return the best solution found (status 'time-limit') */
  readonly timeLimitSeconds?: number;
}

export interface LinearSolver {
  solve(model: LinearModel, options?: SolveOptions): LinearSolution;
}

/** Builds a LinearModel column by column and row by row. */
export class LinearModelBuilder {
  private cost: number[] = [];
  private lower: number[] = [];
  private upper: number[] = [];
  private integer: number[] = [];
  private rLower: number[] = [];
  private rUpper: number[] = [];
  private starts: number[] = [0];
  private indices: number[] = [];
  private values: number[] = [];

  constructor(private readonly sense: LinearModel['sense']) {}

  get columnCount(): number {
    return this.cost.length;
  }

  /** Adds a column; returns its index. */
  addColumn(cost: number, lower: number, upper: number, integer = false): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  /** Adds the row lower ≤ Σ values[k]·x[columns[k]] ≤ upper. */
  addRow(columns: readonly number[], values: readonly number[], lower: number, upper: number): void {
    for (let k = 0; k < columns.length; k++) {
      this.indices.push(columns[k]!);
      this.values.push(values[k]!);
    }
    this.starts.push(this.indices.length);
    this.rLower.push(lower);
    this.rUpper.push(upper);
  }

  build(): LinearModel {
    const anyInteger = this.integer.some((v) => v === 1);
    return {
      sense: this.sense,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      ...(anyInteger ? { integer: Uint8Array.from(this.integer) } : {}),
      rowLower: Float64Array.from(this.rLower),
      rowUpper: Float64Array.from(this.rUpper),
      rowStarts: Int32Array.from(this.starts),
      rowIndices: Int32Array.from(this.indices),
      rowValues: Float64Array.from(this.values),
    };
  }
}
