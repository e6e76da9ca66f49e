import type { ArcTable, RoadGraph } from '../graph/road-graph';
import { BUCKET_DRAIN_WASM_BASE64 } from './bucket-drain-wasm';

/**
 * The WebAssembly bucket loop of `TravelTimeExpander` (source: wasm/bucket-drain.ts) and the memory
 * it works in: the expander's per-node arrays, the bucket ring and entries, and a copy of both
 * directions' arc tables (WebAssembly reads only its own memory). Laid out once at the size the
 * graph needs and never grown, so the typed-array views handed out here stay valid for the
 * expander's life.
 */

/** Largest bucket ring (4 MB of heads); the expander's longer spans use its binary heap. */
export const MAX_BUCKETS = 1 << 20;

type DrainFn = (
  offsets: number, nodes: number, edges: number, arcSeconds: number,
  seconds: number, label: number, predArc: number, touched: number,
  heads: number, entry: number, closed: number, state: number,
  mask: number, perWidth: number, budgetSeconds: number, maxPops: number,
) => number;

/** Byte offsets of one direction's arc table in the memory. */
interface ArcPointers {
  readonly offsets: number;
  readonly nodes: number;
  readonly edges: number;
  readonly seconds: number;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly is missing or refused (then the JavaScript loop runs). */
function bucketDrainModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const text = atob(BUCKET_DRAIN_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    // Synchronous compile: the module is < 4 KB, which browsers allow on any thread.
    compiled = new WebAssembly.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

export class BucketDrainKernel {
  readonly seconds: Float64Array;
  readonly label: Int32Array;
  readonly predArc: Int32Array;
  readonly touched: Int32Array;
  /** the bucket ring's heads, MAX_BUCKETS long, -1 between runs */
  readonly heads: Int32Array;
  /** bucket-queue entries, [node, next entry] pairs */
  readonly entries: Int32Array;
  /** touched count, entries used, pending entries, current bucket: the loop's state between calls */
  readonly state: Int32Array;
  private readonly closed: Uint8Array;
  private readonly pointers: { readonly seconds: number; readonly label: number; readonly predArc: number; readonly touched: number; readonly heads: number; readonly entries: number; readonly closed: number; readonly state: number };
  private readonly arcPointers: Map<ArcTable, ArcPointers>;
  private readonly drainFn: DrainFn;
  /** bytes of the WebAssembly memory */
  readonly byteLength: number;

  private constructor(graph: RoadGraph, module: WebAssembly.Module) {
    const n = graph.nodeCount, e = graph.edgeCount;
    const tables = [graph.forward, graph.reverse];
    const maxArcs = Math.max(graph.forward.nodes.length, graph.reverse.nodes.length);
    let end = 8; // offset 0 is kept free: a null `closed` pointer means "no closures"
    const take = (bytes: number, align: number) => {
      end = Math.ceil(end / align) * align;
      const at = end;
      end += bytes;
      return at;
    };
    const seconds = take(8 * n, 8);
    const arcSeconds = tables.map((t) => take(8 * t.seconds.length, 8));
    const label = take(4 * n, 4), predArc = take(4 * n, 4), touched = take(4 * n, 4);
    const entryCount = 2 * (maxArcs + n + 1);
    const entries = take(4 * entryCount, 8), heads = take(4 * MAX_BUCKETS, 4), state = take(16, 8);
    const arcRest = tables.map((t) => ({ offsets: take(4 * t.offsets.length, 4), nodes: take(4 * t.nodes.length, 4), edges: take(4 * t.edges.length, 4) }));
    const closed = take(e, 1);
    const memory = new WebAssembly.Memory({ initial: Math.ceil(end / 65536) });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    this.drainFn = instance.exports['drain'] as DrainFn;
    const buf = memory.buffer;
    this.byteLength = buf.byteLength;
    this.seconds = new Float64Array(buf, seconds, n).fill(Infinity);
    this.label = new Int32Array(buf, label, n).fill(-1);
    this.predArc = new Int32Array(buf, predArc, n).fill(-1);
    this.touched = new Int32Array(buf, touched, n);
    this.entries = new Int32Array(buf, entries, entryCount);
    this.heads = new Int32Array(buf, heads, MAX_BUCKETS).fill(-1);
    this.state = new Int32Array(buf, state, 4);
    this.closed = new Uint8Array(buf, closed, e);
    this.pointers = { seconds, label, predArc, touched, heads, entries, closed, state };
    this.arcPointers = new Map();
    tables.forEach((t, i) => {
      const p = { ...arcRest[i]!, seconds: arcSeconds[i]! };
      new Int32Array(buf, p.offsets, t.offsets.length).set(t.offsets);
      new Int32Array(buf, p.nodes, t.nodes.length).set(t.nodes);
      new Int32Array(buf, p.edges, t.edges.length).set(t.edges);
      new Float64Array(buf, p.seconds, t.seconds.length).set(t.seconds);
      this.arcPointers.set(t, p);
    });
  }

  /** A kernel for the graph, or null when WebAssembly or its memory is not available here. */
  static create(graph: RoadGraph): BucketDrainKernel | null {
    const module = bucketDrainModule();
    if (module === null) return null;
    try {
      return new BucketDrainKernel(graph, module);
    } catch {
      return null; // e.g. the memory could not be reserved: the JavaScript loop runs instead
    }
  }

  /**
   * Runs the loop over `arcs` (the graph's forward or reverse table) from the ring and `state` as the
   * caller filed them, for at most `maxPops` settled nodes. Returns true when the queue is empty.
   */
  drain(arcs: ArcTable, closedEdges: Uint8Array | undefined, mask: number, perWidth: number, budgetSeconds: number, maxPops: number): boolean {
    const a = this.arcPointers.get(arcs);
    if (!a) throw new Error('the arc table is not one of this kernel\'s graph');
    const p = this.pointers;
    return this.drainFn(a.offsets, a.nodes, a.edges, a.seconds, p.seconds, p.label, p.predArc, p.touched,
      p.heads, p.entries, closedEdges ? p.closed : 0, p.state, mask, perWidth, budgetSeconds, maxPops) === 1;
  }

  /** Copies a run's closures into the memory (edges beyond the array are open, as in JavaScript). */
  setClosedEdges(closedEdges: Uint8Array): void {
    const n = Math.min(closedEdges.length, this.closed.length);
    this.closed.set(closedEdges.subarray(0, n));
    if (n < this.closed.length) this.closed.fill(0, n);
  }
}
