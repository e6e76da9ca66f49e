/**
 * Maximum flow (Dinic's algorithm) on a small directed network with real capacities: used to tell
 * how many more people one more shelter would give a place, quickly enough to try every candidate.
 * The capacity-aware assignment itself is the LP (shelter-assignment.ts); tests check both agree.
 */
export class FlowNetwork {
  private heads: number[] = [];
  private caps: number[] = [];
  private readonly adjacency: number[][];

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

  /** The flow on an arc after maxFlow. */
  flowOn(arc: number): number {
    return this.caps[arc + 1]!;
  }

  /** Pushes the maximum flow from source to sink; returns its value. */
  maxFlow(source: number, sink: number): number {
    const n = this.nodeCount, { heads, caps, adjacency } = this;
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
