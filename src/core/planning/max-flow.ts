/**
 * Maximum flow (Dinic's algorithm) on a small directed network with real capacities: used to tell
 * how many more people one more shelter would give a place, quickly enough to try every candidate.
 * The capacity-aware assignment itself is the LP (shelter-assignment.ts); tests check both agree.
 */
export class FlowNetwork {
  private heads: number[] = [];
  private caps: number[] = [];
  private readonly adjacency: number[][];
  /** while a trial runs: [arc, capacity before] pairs to undo, and the arc count to cut back to */
  private undo: number[] | null = null;
  private arcsAtTrial = 0;

  constructor(readonly nodeCount: number) {
    this.adjacency = Array.from({ length: nodeCount }, () => []);
  }

  /** Adds an arc tail → head with the capacity (and its zero-capacity reverse); returns the arc id. */
  addArc(tail: number, head: number, capacity: number): number {
    const id = this.heads.length;
    this.heads.push(head, tail);
    this.caps.push(capacity, 0);
    this.adjacency[tail]!.push(id);
    this.adjacency[head]!.push(id + 1);
    return id;
  }

  /**
   * Runs `trial` (typically: add arcs, then maxFlow for the flow they add) and puts the network
   * back as it was: the capacities the trial's flows changed are restored and the arcs it added
   * removed. Pricing one more sink from a network already at its maximum flow this way costs only
   * the augmenting paths the new arcs open, not a new flow from zero.
   */
  tryThenUndo<T>(trial: () => T): T {
    if (this.undo) throw new Error('FlowNetwork.tryThenUndo does not nest');
    this.undo = [];
    this.arcsAtTrial = this.heads.length;
    try {
      return trial();
    } finally {
      const undo = this.undo;
      this.undo = null;
      for (let i = undo.length - 2; i >= 0; i -= 2) this.caps[undo[i]!] = undo[i + 1]!;
      for (let id = this.heads.length - 2; id >= this.arcsAtTrial; id -= 2) {
        this.adjacency[this.heads[id + 1]!]!.pop(); // the tail's list ends with this arc
        this.adjacency[this.heads[id]!]!.pop(); // the head's list ends with its reverse
      }
      this.heads.length = this.arcsAtTrial;
      this.caps.length = this.arcsAtTrial;
    }
  }

  /** The flow on an arc after maxFlow. */
  flowOn(arc: number): number {
    return this.caps[arc + 1]!;
  }

  /** Pushes the maximum flow from source to sink; returns its value. */
  maxFlow(source: number, sink: number): number {
    const n = this.nodeCount, { heads, caps, adjacency } = this;
    // (arcs added during a trial are cut off whole afterwards; only older arcs need their capacity logged)
    const EPS = 1e-9;
    const level = new Int32Array(n);
    const next = new Int32Array(n);
    let total = 0;
    const dfs = (v: number, pushed: number): number => {
      if (v === sink) return pushed;
      const arcs = adjacency[v]!;
      for (; next[v]! < arcs.length; next[v]!++) {
        const a = arcs[next[v]!]!, w = heads[a]!;
        if (caps[a]! > EPS && level[w] === level[v]! + 1) {
          const got = dfs(w, Math.min(pushed, caps[a]!));
          if (got > 0) {
            if (this.undo && a < this.arcsAtTrial) this.undo.push(a, caps[a]!, a ^ 1, caps[a ^ 1]!);
            caps[a] = caps[a]! - got;
            caps[a ^ 1] = caps[a ^ 1]! + got;
            return got;
          }
        }
      }
      return 0;
    };
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      const queue = [source];
      for (let qi = 0; qi < queue.length; qi++) {
        const v = queue[qi]!;
        for (const a of adjacency[v]!) {
          const w = heads[a]!;
          if (caps[a]! > EPS && level[w]! < 0) { level[w] = level[v]! + 1; queue.push(w); }
        }
      }
      if (level[sink]! < 0) return total;
      next.fill(0);
      for (let f = dfs(source, Infinity); f > 0; f = dfs(source, Infinity)) total += f;
    }
  }
}
