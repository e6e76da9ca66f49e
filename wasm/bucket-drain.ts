// AssemblyScript, compiled to src/core/routing/bucket-drain-wasm.ts by `npm run build:wasm`
// (scripts/build-wasm.mjs); tests/core/bucket-drain-wasm.test.ts checks that the committed module is
// this file's compile and that its answers are the JavaScript loop's, node for node.
//
// The bucket queue's loop of TravelTimeExpander (src/core/routing/travel-time-expander.ts,
// `drainBuckets`), the same steps in the same order, over arrays that live in the expander's
// WebAssembly memory. Why WebAssembly: the JavaScript loop is ~250 M instructions per one-to-all run
// on the 1 M-edge graph, and V8 spends most of an arc's ~40 on a map check, the typed array's base
// and length and a bounds check for each access, none hoisted; here an access is one load.
//
// Every pointer is a byte offset into the memory. `state` holds four i32: touched count, entries
// used, pending entries, current bucket; they are read at the start and written back on return, so
// the caller can stop after `maxPops` settled nodes (to look at its AbortSignal) and call again.

/** i32 element i of the array at p */
@inline function i32At(p: usize, i: i32): i32 { return load<i32>(p + (<usize>i << 2)); }
@inline function setI32(p: usize, i: i32, v: i32): void { store<i32>(p + (<usize>i << 2), v); }
@inline function f64At(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }
@inline function setF64(p: usize, i: i32, v: f64): void { store<f64>(p + (<usize>i << 3), v); }
/** JavaScript's `(x) & mask` (ToInt32: truncation, then modulo 2^32) for |x| < 2^63 */
@inline function bucketOf(seconds: f64, perWidth: f64, mask: i32): i32 { return (<i32>(<i64>(seconds * perWidth))) & mask; }

/** Returns 1 when the queue is empty, 0 when it stopped after `maxPops` settled nodes. */
export function drain(
  offsets: usize, nodes: usize, edges: usize, arcSeconds: usize,
  seconds: usize, label: usize, predArc: usize, touched: usize,
  heads: usize, entry: usize, closed: usize, state: usize,
  mask: i32, perWidth: f64, budgetSeconds: f64, maxPops: i32,
): i32 {
  let touchedCount = load<i32>(state), entries = load<i32>(state, 4), pending = load<i32>(state, 8), cur = load<i32>(state, 12);
  const hasClosed = closed != 0;
  let pops = 0;
  while (pending > 0) {
    const slot = cur & mask;
    let e = i32At(heads, slot);
    while (e >= 0) {
      setI32(heads, slot, i32At(entry, 2 * e + 1));
      pending--;
      const v = i32At(entry, 2 * e);
      const t = f64At(seconds, v);
      // current when the node's time still files it in this bucket (see the JavaScript loop)
      if (bucketOf(t, perWidth, mask) == slot) {
        const l = i32At(label, v);
        const end = i32At(offsets, v + 1);
        for (let a = i32At(offsets, v); a < end; a++) {
          const w = i32At(nodes, a);
          const tw = t + f64At(arcSeconds, a);
          const sw = f64At(seconds, w);
          if (tw < sw && tw <= budgetSeconds) {
            if (hasClosed && load<u8>(closed + <usize>i32At(edges, a)) == 1) continue;
            if (sw == Infinity) { setI32(touched, touchedCount, w); touchedCount++; }
            setF64(seconds, w, tw);
            setI32(label, w, l);
            setI32(predArc, w, a);
            const b = bucketOf(tw, perWidth, mask);
            setI32(entry, 2 * entries, w);
            setI32(entry, 2 * entries + 1, i32At(heads, b));
            setI32(heads, b, entries);
            entries++;
            pending++;
          }
        }
        if (++pops == maxPops) {
          store<i32>(state, touchedCount); store<i32>(state, entries, 4); store<i32>(state, pending, 8); store<i32>(state, cur, 12);
          return 0;
        }
      }
      e = i32At(heads, slot);
    }
    cur++;
  }
  store<i32>(state, touchedCount); store<i32>(state, entries, 4); store<i32>(state, pending, 8); store<i32>(state, cur, 12);
  return 1;
}
