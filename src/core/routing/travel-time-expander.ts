import FlatQueue from 'flatqueue';
import { AbortError, CoreError } from '../errors';
import type { ArcTable, RoadGraph } from '../graph/road-graph';
import { BucketDrainKernel, MAX_BUCKETS } from './bucket-drain-kernel';

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

/** Per direction: the shortest and longest arc, for the bucket queue's width and ring. */
interface ArcRange {
  readonly minSeconds: number;
  readonly maxSeconds: number;
}

function arcRange(arcs: ArcTable): ArcRange {
  let minSeconds = Infinity, maxSeconds = 0;
  for (let a = 0; a < arcs.seconds.length; a++) {
    const s = arcs.seconds[a]!;
    if (s < minSeconds) minSeconds = s;
    if (s > maxSeconds) maxSeconds = s;
  }
  return { minSeconds, maxSeconds };
}

/**
 * Bounded multi-source Dijkstra on the graph's CSR arcs. One expander per graph reuses its
 * buffers across runs and resets only the nodes it touched, so a run allocates nothing.
 *
 * The queue is a bucket queue (Dial) whose bucket width is the graph's shortest arc: a node
 * popped from the current bucket can no longer be improved (any other node of the bucket is at
 * least that width away), so nodes leave in any order within a bucket, push and pop are O(1), and
 * the times are those of Dijkstra with a heap (bench #2 compares every node with graphology).
 * When the ring would be too long (an arc of zero or nearly zero seconds beside long ones, or
 * seeds spread over a long time) it falls back to the typed-array binary heap (flatqueue). After `expand`, `seconds[v]` is the
 * travel time of node v (Infinity when not reached within budget), `label[v]` the seed label
 * that reaches it first and `predArc[v]` the arc it was reached by (-1 at a seed), for paths.
 *
 * The bucket loop runs in WebAssembly (`BucketDrainKernel`, wasm/bucket-drain.ts) where it can: the
 * per-node arrays then live in the kernel's memory, beside a copy of the arc tables. The same loop
 * in JavaScript (`drainBuckets`) runs where WebAssembly is not available and is the reference the
 * tests hold the kernel to, node for node (`kernel: 'javascript'`).
 */
export class TravelTimeExpander {
  readonly seconds: Float64Array;
  readonly label: Int32Array;
  readonly predArc: Int32Array;
  /** the binary heap, made on its first use (most graphs never need it) */
  private queue: FlatQueue<number> | null = null;
  private readonly touched: Int32Array;
  private readonly ranges = new Map<ArcTable, ArcRange>();
  private bucketHeads: Int32Array;
  /** bucket-queue entries, [node, next entry] pairs */
  private readonly entries: Int32Array;
  private readonly kernel: BucketDrainKernel | null;
  /** which queue the last run used (for the bench and tests) */
  lastQueue: 'buckets' | 'heap' = 'heap';
  /** force a queue (tests and bench compare both); default: buckets when the ring fits */
  queueChoice: 'auto' | 'heap' = 'auto';
  /** the bucket loop to run: the WebAssembly kernel when there is one (default), or the JavaScript loop */
  loopChoice: 'auto' | 'javascript' = 'auto';
  private touchedCount = 0;
  private lastDirection: TravelDirection = 'forward';

  constructor(readonly graph: RoadGraph, options: { readonly kernel?: 'webassembly' | 'javascript' } = {}) {
    const n = graph.nodeCount;
    this.kernel = options.kernel === 'javascript' ? null : BucketDrainKernel.create(graph);
    if (this.kernel) {
      ({ seconds: this.seconds, label: this.label, predArc: this.predArc, touched: this.touched, entries: this.entries, heads: this.bucketHeads } = this.kernel);
    } else {
      this.seconds = new Float64Array(n).fill(Infinity);
      this.label = new Int32Array(n).fill(-1);
      this.predArc = new Int32Array(n).fill(-1);
      this.touched = new Int32Array(n);
      this.entries = new Int32Array(2 * (Math.max(graph.forward.nodes.length, graph.reverse.nodes.length) + n + 1));
      this.bucketHeads = new Int32Array(0);
    }
  }

  private queueCapacity(): number {
    return Math.max(this.graph.forward.nodes.length, this.graph.reverse.nodes.length) + this.graph.nodeCount + 1;
  }

  /** Whether the bucket loop runs in WebAssembly (false: WebAssembly or its memory was not available). */
  get usesWebAssembly(): boolean {
    return this.kernel !== null;
  }

  /** Bytes this expander holds: its per-node arrays, queue entries and ring (and, with WebAssembly, the arc copies). */
  get byteLength(): number {
    const queueBytes = this.queue ? this.queueCapacity() * (8 + 4) : 0; // f64 value + u32 id per slot
    if (this.kernel) return this.kernel.byteLength + queueBytes;
    return this.seconds.byteLength + this.label.byteLength + this.predArc.byteLength + this.touched.byteLength +
      this.entries.byteLength + this.bucketHeads.byteLength + queueBytes;
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
    const { seconds, label, predArc } = this;
    for (const s of seeds) {
      if (!(s.node >= 0 && s.node < this.graph.nodeCount)) throw new CoreError('invalid-argument', `seed node ${s.node} is not in the graph`);
      if (s.seconds < seconds[s.node]! && s.seconds <= budgetSeconds) {
        if (seconds[s.node] === Infinity) this.touched[this.touchedCount++] = s.node;
        seconds[s.node] = s.seconds;
        label[s.node] = s.label;
        predArc[s.node] = -1;
      }
    }
    if (this.touchedCount === 0) return this;
    let minSeed = Infinity, maxSeed = -Infinity;
    for (let i = 0; i < this.touchedCount; i++) {
      const t = seconds[this.touched[i]!]!;
      if (t < minSeed) minSeed = t;
      if (t > maxSeed) maxSeed = t;
    }
    let range = this.ranges.get(arcs);
    if (!range) this.ranges.set(arcs, (range = arcRange(arcs)));
    const width = range.minSeconds;
    const span = width > 0 ? Math.ceil(Math.max(range.maxSeconds, maxSeed - minSeed) / width) + 2 : Infinity;
    if (span <= MAX_BUCKETS && this.queueChoice === 'auto') {
      this.lastQueue = 'buckets';
      this.expandWithBuckets(arcs, width, span, budgetSeconds, closedEdges, signal);
    } else {
      this.lastQueue = 'heap';
      this.expandWithHeap(arcs, budgetSeconds, closedEdges, signal);
    }
    return this;
  }

  /**
   * Dial's algorithm: buckets of `width` seconds in a ring of linked lists (see the class comment).
   * An entry is [node, next] side by side in one Int32Array (one cache line per pop, not two).
   * No settled flags: an entry is current when the node's time still falls in the bucket being
   * emptied (every entry is filed by the same `(seconds × perWidth) & mask`); a node improved
   * since lies in an earlier bucket, already emptied, so its later entries are skipped.
   */
  private expandWithBuckets(arcs: ArcTable, width: number, span: number, budgetSeconds: number, closedEdges: Uint8Array | undefined, signal: AbortSignal | undefined): void {
    let size = 1;
    while (size < span) size *= 2;
    if (this.bucketHeads.length < size) this.bucketHeads = new Int32Array(size).fill(-1);
    const heads = this.bucketHeads, mask = size - 1, perWidth = 1 / width;
    const { seconds, label, predArc, entries: entry, touched } = this;
    // One entry per seeded node (its best seed), as for the heap: within capacity for any seed count.
    let entries = 0, pending = 0, cur = Infinity;
    for (let i = 0; i < this.touchedCount; i++) {
      const v = touched[i]!, x = seconds[v]! * perWidth, b = (x & mask);
      if (Math.floor(x) < cur) cur = Math.floor(x);
      entry[2 * entries] = v;
      entry[2 * entries + 1] = heads[b]!;
      heads[b] = entries++;
      pending++;
    }
    const kernel = this.kernel;
    if (kernel && this.loopChoice === 'auto') {
      if (closedEdges) kernel.setClosedEdges(closedEdges);
      const state = kernel.state;
      state[0] = this.touchedCount; state[1] = entries; state[2] = pending; state[3] = cur | 0;
      // Back to JavaScript every ABORT_CHECK_EVERY settled nodes to look at the signal, as the JS loop does.
      while (!kernel.drain(arcs, closedEdges, mask, perWidth, budgetSeconds, ABORT_CHECK_EVERY)) {
        if (signal?.aborted) {
          this.touchedCount = state[0]!;
          heads.fill(-1, 0, size);
          throw new AbortError();
        }
      }
      this.touchedCount = state[0]!;
      return;
    }
    const { offsets, nodes, edges, seconds: arcSeconds } = arcs;
    const reached = drainBuckets(offsets, nodes, edges, arcSeconds, seconds, label, predArc, touched, this.touchedCount,
      heads, entry, entries, pending, cur, mask, perWidth, budgetSeconds, closedEdges, signal);
    if (reached < 0) {
      this.touchedCount = -1 - reached;
      heads.fill(-1);
      throw new AbortError();
    }
    this.touchedCount = reached;
  }

  /** Dijkstra with the binary heap and lazy deletion. */
  private expandWithHeap(arcs: ArcTable, budgetSeconds: number, closedEdges: Uint8Array | undefined, signal: AbortSignal | undefined): void {
    const { seconds, label, predArc } = this;
    // Lazy deletion pushes at most once per arc relaxation plus once per seeded node.
    const queue = (this.queue ??= new FlatQueue<number>(this.queueCapacity(), Float64Array, Uint32Array));
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
        if (signal?.aborted) {
          this.touchedCount = touchedCount;
          throw new AbortError();
        }
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
  }

  /** Nodes reached by the last run (in no particular order). */
  reachedNodes(): Int32Array {
    return this.touched.subarray(0, this.touchedCount);
  }

  private reset(): void {
    if (this.touchedCount > this.graph.nodeCount >> 3) {
      // A large search (one-to-all, a county's coverage): sequential fills beat scattered writes.
      this.seconds.fill(Infinity);
      this.label.fill(-1);
      this.predArc.fill(-1);
    } else {
      for (let i = 0; i < this.touchedCount; i++) {
        const v = this.touched[i]!;
        this.seconds[v] = Infinity;
        this.label[v] = -1;
        this.predArc[v] = -1;
      }
    }
    this.touchedCount = 0;
    this.queue?.clear();
  }
}

/**
 * The bucket queue's loop (see `expandWithBuckets`), a plain function of its arrays and numbers:
 * V8 then keeps it optimised from run to run (as a method reading `this` after the loop it was left
 * through a deoptimisation at the end of every run and entered again by on-stack replacement) and
 * keeps the counters and factors unboxed in registers. Returns the new touched count, or
 * `-1 - touched count` when the signal fired (the caller clears the ring and throws).
 */
function drainBuckets(
  offsets: Int32Array, nodes: Int32Array, edges: Int32Array, arcSeconds: Float64Array,
  seconds: Float64Array, label: Int32Array, predArc: Int32Array, touched: Int32Array, touchedCountStart: number,
  heads: Int32Array, entry: Int32Array, entriesStart: number, pendingStart: number, firstBucket: number,
  maskValue: number, perWidthValue: number, budgetValue: number, closedEdges: Uint8Array | undefined, signal: AbortSignal | undefined,
): number {
  // Unboxed once here: int32 and float64 locals, not tagged arguments checked at every use.
  const mask = maskValue | 0, perWidth = +perWidthValue, budgetSeconds = +budgetValue;
  let touchedCount = touchedCountStart | 0, entries = entriesStart | 0, pending = pendingStart | 0, cur = firstBucket | 0;
  const hasClosed = closedEdges !== undefined;
  let pops = 0;
  while (pending > 0) {
    const slot = cur & mask;
    let e = heads[slot]!;
    while (e >= 0) {
      heads[slot] = entry[2 * e + 1]!;
      pending--;
      const v = entry[2 * e]!;
      const t = seconds[v]!;
      if (((t * perWidth) & mask) === slot) {
        if (++pops === ABORT_CHECK_EVERY) {
          pops = 0;
          if (signal !== undefined && signal.aborted) return -1 - touchedCount;
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
            const b = (tw * perWidth) & mask; // ≥ the current bucket: arcs are ≥ width (rounding may keep it in the current one, still correct)
            entry[2 * entries] = w;
            entry[2 * entries + 1] = heads[b]!;
            heads[b] = entries++;
            pending++;
          }
        }
      }
      e = heads[slot]!;
    }
    cur++;
  }
  return touchedCount;
}
