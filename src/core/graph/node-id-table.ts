/**
 * OSM node id → dense index, an open-addressing hash table on typed arrays. A province's ~1 M
 * node ids above 2^31 are heap numbers for a JS Map (slow to insert and look up, ~40 B each);
 * here an id costs 12–24 bytes and a lookup a multiply and a probe or two.
 */
export class NodeIdTable {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(capacity: number) {
    let n = 16;
    while (n < 2 * capacity) n *= 2;
    this.keys = new Float64Array(n);
    this.values = new Int32Array(n).fill(-1);
    this.mask = n - 1;
  }

  /** The index of `id`, or -1 when it was never added. */
  get(id: number): number {
    const { keys, values, mask } = this;
    for (let h = hash(id) & mask; ; h = (h + 1) & mask) {
      const v = values[h]!;
      if (v < 0 || keys[h] === id) return v;
    }
  }

  /** Adds `id` with the next index (0, 1, 2 …) unless present; returns its index. */
  add(id: number): number {
    const { keys, values, mask } = this;
    for (let h = hash(id) & mask; ; h = (h + 1) & mask) {
      const v = values[h]!;
      if (v < 0) {
        keys[h] = id;
        values[h] = this.size;
        return this.size++;
      }
      if (keys[h] === id) return v;
    }
  }
}

/** Mixes both 32-bit halves of an integer id (any finite number hashes; equality is exact). */
function hash(id: number): number {
  const lo = id | 0, hi = (id / 4294967296) | 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
  h ^= h >>> 15;
  return h >>> 0;
}
