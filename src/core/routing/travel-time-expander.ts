import FlatQueue from 'flatqueue';
import { AbortError, CoreError } from '../errors';
import type { ArcTable, RoadGraph } from '../graph/road-graph';

/** A start of the search: a node reached after `seconds`, on behalf of source `label`. */
export interface Seed {
  readonly node: number;
  readonly seconds: number;
  readonly label: number;
}

export type TravelDirection = 'forward' | 'reverse';

export interface ExpandOptions {
  /** 'forward': from the seeds outward (isochrones); 'reverse': towards the seeds (who reaches them) */
  readonly direction: TravelDirection;
  /** stop at this travel time; nodes beyond keep Infinity */
  readonly budgetSeconds: number;
  /** edges closed by barriers (1 = closed), skipped without rebuilding the graph */
  readonly closedEdges?: Uint8Array;
  readonly signal?: AbortSignal;
}

const ABORT_CHECK_EVERY = 1 << 14;

/**
 * Bounded multi-source Dijkstra on the graph's CSR arcs with a typed-array binary heap.
 * One expander per graph reuses its buffers across runs and resets only the nodes it touched,
 * so a run costs O(reached arcs · log) and no allocation. After `expand`, `seconds[v]` is the
 * travel time of node v (Infinity when not reached within budget), `label[v]` the seed label
 * that reaches it first and `predArc[v]` the arc it was reached by (-1 at a seed), for paths.
 */
export class TravelTimeExpander {
  readonly seconds: Float64Array;
  readonly label: Int32Array;
  readonly predArc: Int32Array;
  private readonly queue: FlatQueue<number>;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private lastDirection: TravelDirection = 'forward';

  constructor(readonly graph: RoadGraph) {
    const n = graph.nodeCount;
    this.seconds = new Float64Array(n).fill(Infinity);
    this.label = new Int32Array(n).fill(-1);
    this.predArc = new Int32Array(n).fill(-1);
    this.touched = new Int32Array(n);
    // Lazy deletion pushes at most once per arc relaxation plus once per seed.
    this.queue = new FlatQueue<number>(graph.forward.nodes.length + n + 1, Float64Array, Uint32Array);
  }

  /** The arc table of the last run's direction, for reading `predArc`. */
  get arcs(): ArcTable {
    return this.lastDirection === 'forward' ? this.graph.forward : this.graph.reverse;
  }

  /** Runs the search. @throws AbortError when the signal fires; CoreError on a bad seed or budget. */
  expand(seeds: readonly Seed[], options: ExpandOptions): this {
    const { budgetSeconds, closedEdges, signal } = options;
    if (!(budgetSeconds >= 0)) throw new CoreError('budget-out-of-range', `budgetSeconds must be >= 0, got ${budgetSeconds}`);
    this.reset();
    this.lastDirection = options.direction;
    const arcs = this.arcs;
    const { seconds, label, predArc, queue } = this;
    for (const s of seeds) {
      if (!(s.node >= 0 && s.node < this.graph.nodeCount)) throw new CoreError('invalid-argument', `seed node ${s.node} is not in the graph`);
      if (s.seconds < seconds[s.node]! && s.seconds <= budgetSeconds) {
        if (seconds[s.node] === Infinity) this.touched[this.touchedCount++] = s.node;
        seconds[s.node] = s.seconds;
        label[s.node] = s.label;
        predArc[s.node] = -1;
      }
    }
    // One push per seeded node (its best seed), not per seed: any number of seeds — 100,000
    // sources sharing nodes — stays within the queue's capacity of arcs + nodes.
    for (let i = 0; i < this.touchedCount; i++) queue.push(this.touched[i]!, seconds[this.touched[i]!]!);
    const { offsets, nodes, edges, seconds: arcSeconds } = arcs;
    // Hot loop: locals only (no `this` or optional chaining inside), one branch per arc.
    const touched = this.touched;
    let touchedCount = this.touchedCount;
    const hasClosed = closedEdges !== undefined;
    let pops = 0;
    while (queue.length > 0) {
      const t = queue.peekValue()!;
      const v = queue.pop()!;
      if (t > seconds[v]!) continue; // stale entry
      if (++pops === ABORT_CHECK_EVERY) {
        pops = 0;
        if (signal?.aborted) throw new AbortError();
      }
      const l = label[v]!;
      const end = offsets[v + 1]!;
      for (let a = offsets[v]!; a < end; a++) {
        const w = nodes[a]!;
        const tw = t + arcSeconds[a]!;
        if (tw < seconds[w]! && tw <= budgetSeconds) {
          if (hasClosed && closedEdges[edges[a]!] === 1) continue;
          if (seconds[w] === Infinity) touched[touchedCount++] = w;
          seconds[w] = tw;
          label[w] = l;
          predArc[w] = a;
          queue.push(w, tw);
        }
      }
    }
    this.touchedCount = touchedCount;
    return this;
  }

  /** Nodes reached by the last run (in no particular order). */
  reachedNodes(): Int32Array {
    return this.touched.subarray(0, this.touchedCount);
  }

  private reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const v = this.touched[i]!;
      this.seconds[v] = Infinity;
      this.label[v] = -1;
      this.predArc[v] = -1;
    }
    this.touchedCount = 0;
    this.queue.clear();
  }
}
