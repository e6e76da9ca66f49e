/**
 * The WebAssembly bucket loop (wasm/bucket-drain.ts → src/core/routing/bucket-drain-wasm.ts) against
 * the JavaScript loop it stands in for: the committed bytes are the source's compile, and every
 * answer — each node's seconds (bit for bit), label and arc, and the order nodes were reached — is
 * the JavaScript loop's, on seeded synthetic networks with one or many seeds, budgets, closures,
 * both directions, and a run cut short by its signal.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateSyntheticRoads } from '../../bench/synthetic-roads';
import { mulberry32 } from '../../bench/timing';
import { AbortError, buildRoadGraph, createRoadNetwork, roadNetworkBytes, TravelTimeExpander, type ExpandOptions, type RoadGraph, type Seed } from '../../src/core/index';
// @ts-expect-error: a plain ES module script without types
import { compileBucketDrain, moduleText, OUTPUT } from '../../scripts/build-wasm.mjs';

const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Runs both loops on one expander (same arrays) and compares everything a caller can read. */
function expectSameRun(ex: TravelTimeExpander, seeds: readonly Seed[], options: ExpandOptions) {
  ex.loopChoice = 'javascript';
  ex.expand(seeds, options);
  const js = { seconds: Float64Array.from(ex.seconds), label: Int32Array.from(ex.label), predArc: Int32Array.from(ex.predArc), reached: Int32Array.from(ex.reachedNodes()), queue: ex.lastQueue };
  ex.loopChoice = 'auto';
  ex.expand(seeds, options);
  expect(ex.lastQueue).toBe(js.queue);
  expect(bits(ex.seconds).equals(bits(js.seconds))).toBe(true);
  expect(Buffer.from(ex.label.buffer, ex.label.byteOffset, ex.label.byteLength).equals(Buffer.from(js.label.buffer))).toBe(true);
  expect(Buffer.from(ex.predArc.buffer, ex.predArc.byteOffset, ex.predArc.byteLength).equals(Buffer.from(js.predArc.buffer))).toBe(true);
  expect([...ex.reachedNodes()]).toEqual([...js.reached]);
  return js.reached.length;
}

describe('the committed WebAssembly module', () => {
  test('is the compile of wasm/bucket-drain.ts (run `npm run build:wasm` after editing the source)', async () => {
    const bytes: Uint8Array = await compileBucketDrain();
    expect(readFileSync(OUTPUT, 'utf8')).toBe(moduleText(bytes));
  }, 60_000);
});

describe('the WebAssembly bucket loop gives the JavaScript loop\'s answers, node for node', () => {
  const graphs: [string, RoadGraph][] = [
    ['grid 30 × 40', buildRoadGraph(generateSyntheticRoads({ rows: 30, cols: 40, seed: 3 }).raw)],
    ['grid 12 × 90, 50 m', buildRoadGraph(generateSyntheticRoads({ rows: 12, cols: 90, spacingMeters: 50, seed: 8 }).raw)],
  ];

  test.each(graphs)('%s: runs in WebAssembly here', (_, g) => {
    expect(new TravelTimeExpander(g).usesWebAssembly).toBe(true);
    expect(new TravelTimeExpander(g, { kernel: 'javascript' }).usesWebAssembly).toBe(false);
  });

  test.each(graphs)('%s: 40 seeded runs (seeds, labels, budgets, closures, both directions)', (_, g) => {
    const ex = new TravelTimeExpander(g);
    const rand = mulberry32(g.nodeCount);
    let reached = 0;
    for (let i = 0; i < 40; i++) {
      const seeds = Array.from({ length: 1 + (i % 5) * 7 }, (_, label) => ({ node: Math.floor(rand() * g.nodeCount), seconds: i % 4 === 0 ? 0 : rand() * 300, label: label % 3 }));
      const closedEdges = i % 3 === 0 ? Uint8Array.from({ length: g.edgeCount }, () => (rand() < 0.15 ? 1 : rand() < 0.02 ? 2 : 0)) : undefined;
      const direction = i % 2 ? ('reverse' as const) : ('forward' as const);
      const budgetSeconds = i % 5 === 0 ? Infinity : rand() * 1500;
      reached += expectSameRun(ex, seeds, { direction, budgetSeconds, closedEdges });
    }
    expect(reached).toBeGreaterThan(0);
  });

  test('a closures array shorter than the edge count leaves the rest open, as in JavaScript', () => {
    const g = graphs[0]![1];
    const ex = new TravelTimeExpander(g);
    expectSameRun(ex, [{ node: 5, seconds: 0, label: 0 }], { direction: 'forward', budgetSeconds: Infinity, closedEdges: new Uint8Array(g.edgeCount >> 1).fill(1) });
    expectSameRun(ex, [{ node: 5, seconds: 0, label: 0 }], { direction: 'forward', budgetSeconds: Infinity });
  });

  test('a run stopped by its signal throws and leaves the expander clean; the network counts the kernel\'s memory', () => {
    // The signal is looked at every 16,384 settled nodes: a graph larger than that.
    const big = buildRoadGraph(generateSyntheticRoads({ rows: 150, cols: 150, seed: 5 }).raw);
    const ex = new TravelTimeExpander(big);
    const c = new AbortController();
    c.abort();
    expect(() => ex.expand([{ node: 0, seconds: 0, label: 0 }], { direction: 'reverse', budgetSeconds: Infinity, signal: c.signal })).toThrow(AbortError);
    expect(expectSameRun(ex, [{ node: 17, seconds: 0, label: 0 }], { direction: 'reverse', budgetSeconds: Infinity })).toBe(big.nodeCount);
    const net = createRoadNetwork(big);
    const arcs = big.forward.nodes.length + big.reverse.nodes.length;
    // the memory holds both arc tables (16 bytes an arc) besides the per-node arrays and the ring
    expect(roadNetworkBytes(net).expander).toBeGreaterThan(16 * arcs + 20 * big.nodeCount);
  });
});
