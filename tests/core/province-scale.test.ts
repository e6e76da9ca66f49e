/**
 * Issue 12's engine changes keep answers identical: the typed-array graph builder gives the same
 * graph as the Map-based one it replaced (kept as the bench peer), and the bucket queue the same
 * times as the binary heap, on seeded synthetic networks (and Andorra when ../shared is there).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateSyntheticRoads } from '../../bench/synthetic-roads';
import { mapBuildRoadGraph } from '../../bench/peers/map-build-road-graph';
import { AbortError, buildRoadGraph, createRoadNetwork, deserializeRoadGraph, projectX, projectY, snapToGraph, unprojectLat, unprojectLng, isRoadGraphBinary, parseOsmPbf, serializeRoadGraph, TravelTimeExpander, type RoadGraph } from '../../src/core/index';
import { createComputeHandlers } from '../../src/workers/compute-handlers';
import { NodeIdTable } from '../../src/core/graph/node-id-table';
import { SnapRaster } from '../../src/core/isochrone/snap-raster';
import { frameCovering } from '../../src/core/isochrone/grid-frame';
import { mulberry32 } from '../../bench/timing';
import { ANDORRA_PBF, HAS_SHARED } from '../helpers/shared-reference';

function expectSameGraph(a: RoadGraph, b: RoadGraph) {
  expect(a.nodeCount).toBe(b.nodeCount);
  expect(a.edgeCount).toBe(b.edgeCount);
  for (const k of ['nodeLngLat', 'nodeOsmId', 'edgeFrom', 'edgeTo', 'edgeLengthMeters', 'edgeForwardSeconds', 'edgeBackwardSeconds', 'edgeHighway', 'edgeWayId', 'edgeShapeOffsets', 'shapeLngLat', 'shapeMetersAlong'] as const) {
    expect(Buffer.from(a[k].buffer, a[k].byteOffset, a[k].byteLength).equals(Buffer.from(b[k].buffer, b[k].byteOffset, b[k].byteLength)), k).toBe(true);
  }
  for (const dir of ['forward', 'reverse'] as const) for (const k of ['offsets', 'nodes', 'edges', 'seconds'] as const) {
    expect([...a[dir][k]], `${dir}.${k}`).toEqual([...b[dir][k]]);
  }
  expect(a.highwayClasses).toEqual(b.highwayClasses);
}

describe('NodeIdTable', () => {
  test('ids of every size and sign map to their insertion index; unknown ids give -1', () => {
    const ids = [1, 0, -1, 2 ** 31, 2 ** 31 - 1, 2 ** 32, 2 ** 32 + 1, 12_345_678_901, -(2 ** 40), 2 ** 53 - 1, 3.5];
    const rand = mulberry32(7);
    for (let i = 0; i < 5000; i++) ids.push(Math.floor(rand() * 2 ** 36));
    const unique = [...new Set(ids)];
    const t = new NodeIdTable(unique.length);
    unique.forEach((id, i) => expect(t.add(id)).toBe(i));
    unique.forEach((id, i) => expect(t.get(id)).toBe(i));
    expect(t.add(unique[3]!)).toBe(3);
    expect(t.size).toBe(unique.length);
    for (const id of [7.25, -2, 2 ** 45 + 3]) expect(t.get(id)).toBe(-1);
  });
});

describe('buildRoadGraph (typed arrays) equals the Map-based builder it replaced', () => {
  test('seeded synthetic county (missing nodes, one-ways, bends, a divided motorway)', () => {
    const { raw } = generateSyntheticRoads({ rows: 40, cols: 50, seed: 12 });
    // Cut some ways at nodes the extract lacks, and repeat a ref, as real extracts do.
    const nodes = new Map(raw.nodes);
    let k = 0;
    for (const id of nodes.keys()) if (k++ % 97 === 0) nodes.delete(id);
    const ways = raw.ways.map((w, i) => (i % 13 === 0 ? { ...w, nodeIds: [w.nodeIds[0]!, ...w.nodeIds] } : w));
    const cut = { ...raw, nodes, ways };
    expectSameGraph(buildRoadGraph(cut), mapBuildRoadGraph(cut));
  });

  test.skipIf(!HAS_SHARED)('Andorra', () => {
    const raw = parseOsmPbf(readFileSync(ANDORRA_PBF));
    expectSameGraph(buildRoadGraph(raw), mapBuildRoadGraph(raw));
  });
});

describe('the bucket queue gives the binary heap\'s times', () => {
  const { raw } = generateSyntheticRoads({ rows: 30, cols: 40, seed: 3 });
  const g = buildRoadGraph(raw);
  const ex = new TravelTimeExpander(g);
  const rand = mulberry32(99);

  test.each(Array.from({ length: 12 }, (_, i) => i))('random seeds, budget and closures, run %i', (i) => {
    const seeds = Array.from({ length: 1 + (i % 4) * 3 }, (_, label) => ({ node: Math.floor(rand() * g.nodeCount), seconds: rand() * 200, label }));
    const closed = i % 3 === 0 ? Uint8Array.from({ length: g.edgeCount }, () => (rand() < 0.1 ? 1 : 0)) : undefined;
    const opts = { direction: i % 2 ? ('reverse' as const) : ('forward' as const), budgetSeconds: i % 5 === 0 ? Infinity : 100 + rand() * 900, closedEdges: closed };
    ex.queueChoice = 'heap';
    ex.expand(seeds, opts);
    expect(ex.lastQueue).toBe('heap');
    const heapSeconds = Float64Array.from(ex.seconds), heapReached = [...ex.reachedNodes()].sort((a, b) => a - b);
    ex.queueChoice = 'auto';
    ex.expand(seeds, opts);
    expect(ex.lastQueue).toBe('buckets');
    expect(Buffer.from(ex.seconds.buffer, ex.seconds.byteOffset, ex.seconds.byteLength).equals(Buffer.from(heapSeconds.buffer))).toBe(true);
    expect([...ex.reachedNodes()].sort((a, b) => a - b)).toEqual(heapReached);
  });

  test('an aborted run leaves the expander clean for the next one', () => {
    // Abort is checked every 16,384 settled nodes: a graph larger than that.
    const big = buildRoadGraph(generateSyntheticRoads({ rows: 150, cols: 150, seed: 5 }).raw);
    const ex = new TravelTimeExpander(big);
    const c = new AbortController();
    c.abort();
    expect(() => ex.expand([{ node: 0, seconds: 0, label: 0 }], { direction: 'forward', budgetSeconds: Infinity, signal: c.signal })).toThrow(AbortError);
    ex.expand([{ node: 0, seconds: 0, label: 0 }], { direction: 'forward', budgetSeconds: Infinity });
    const after = Float64Array.from(ex.seconds);
    ex.queueChoice = 'heap';
    ex.expand([{ node: 0, seconds: 0, label: 0 }], { direction: 'forward', budgetSeconds: Infinity });
    ex.queueChoice = 'auto';
    expect([...after]).toEqual([...ex.seconds]);
  });
});

describe('binary road graph', () => {
  const g = buildRoadGraph(generateSyntheticRoads({ rows: 20, cols: 25, seed: 8 }).raw);

  test('round-trips exactly, as views on the buffer', () => {
    const bytes = serializeRoadGraph(g);
    expect(isRoadGraphBinary(bytes)).toBe(true);
    const back = deserializeRoadGraph(bytes.buffer as ArrayBuffer);
    expectSameGraph(back, g);
    expect(back.profileName).toBe(g.profileName);
    expect(back.edgeFrom.buffer).toBe(bytes.buffer);
  });

  test('truncated or foreign bytes give a clear error, not a broken graph', () => {
    const bytes = serializeRoadGraph(g);
    expect(() => deserializeRoadGraph(bytes.slice(0, bytes.length - 100).buffer as ArrayBuffer)).toThrow(/runs past the end/);
    expect(() => deserializeRoadGraph(new TextEncoder().encode('{"type":"FeatureCollection"}').buffer as ArrayBuffer)).toThrow(/not a OneMap road graph/);
    expect(isRoadGraphBinary(new Uint8Array([1, 2, 3]))).toBe(false);
  });

  test('the worker loads it like a road file and reports its memory', async () => {
    const h = createComputeHandlers();
    const bytes = serializeRoadGraph(g);
    const r = await h.loadRoads({ fileName: 'roads.onemap-graph', bytes: bytes.buffer as ArrayBuffer }, { signal: new AbortController().signal, checkpoint: async () => {} });
    expect(r.result).toMatchObject({ nodeCount: g.nodeCount, edgeCount: g.edgeCount, problems: [] });
    expect(r.result.memoryBytes! / g.edgeCount).toBeGreaterThan(100);
  });
});

describe('the snap raster (scatter pass, sorted block pass, same-edge ties) joins every cell as snapToGraph does', () => {
  const cases: Array<[string, () => RoadGraph]> = [['synthetic county', () => buildRoadGraph(generateSyntheticRoads({ rows: 25, cols: 30, seed: 21, spacingMeters: 150 }).raw)]];
  if (HAS_SHARED) cases.push(['Andorra', () => buildRoadGraph(parseOsmPbf(readFileSync(ANDORRA_PBF)))]);
  test.each(cases)('%s', (_, make) => {
    const net = createRoadNetwork(make());
    const raster = new SnapRaster(net, 40);
    const p = net.index.projection;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < net.graph.nodeLngLat.length; i += 2) {
      const x = projectX(p, net.graph.nodeLngLat[i]!), y = projectY(p, net.graph.nodeLngLat[i + 1]!);
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    const frame = frameCovering(p, 40, { minX: minX - 600, minY: minY - 600, maxX: maxX + 600, maxY: maxY + 600 }, 1e8);
    const got = new Map<number, { edge: number; fraction: number; off: number; tie: boolean }>();
    raster.forEachCell(frame, (cell, edge, fraction, off, tie) => got.set(cell, { edge, fraction, off, tie: tie !== undefined }), (cell, off) => got.set(cell, { edge: -1, fraction: 0, off, tie: false }));
    const rand = mulberry32(5);
    let checked = 0;
    for (let i = 0; i < 20000; i++) {
      const cell = Math.floor(rand() * frame.width * frame.height), col = cell % frame.width, row = (cell - col) / frame.width;
      const lng = unprojectLng(p, (frame.colOffset + col + 0.5) * 40), lat = unprojectLat(p, (frame.rowOffset + row + 0.5) * 40);
      const snap = snapToGraph(net.graph, net.index, lng, lat, { maxSnapMeters: net.profile.maxSnapMeters + 40 });
      const r = got.get(cell);
      if (!snap) { expect(r, `cell ${cell}`).toBeUndefined(); continue; }
      checked++;
      expect(r, `cell ${cell}`).toBeDefined();
      expect(r!.off).toBeCloseTo(snap.offRoadMeters, 3);
      if (snap.offRoadMeters > net.profile.maxSnapMeters) { expect(r!.edge).toBe(-1); continue; }
      expect(snap.candidates.map((c) => c.edge)).toContain(r!.edge);
      if (snap.candidates.length === 1) expect(r!.fraction).toBeCloseTo(snap.candidates[0]!.fraction, 6);
    }
    expect(checked).toBeGreaterThan(2000);
    // The scatter pass (squared distances, vertex ties) and the block pass alone store the same bits in every cell.
    const cells = (r: SnapRaster) => {
      const out: string[] = new Array(frame.width * frame.height).fill('');
      r.forEachCell(frame, (cell, edge, fraction, off, tie) => { out[cell] = `${edge} ${fraction} ${off} ${tie ? JSON.stringify(tie) : ''}`; }, (cell, off) => { out[cell] = `-1 ${off}`; });
      return out;
    };
    const scattered = cells(new SnapRaster(net, 40)), blocksOnly = cells(new SnapRaster(net, 40, false));
    let differing = 0;
    for (let i = 0; i < scattered.length; i++) if (scattered[i] !== blocksOnly[i]) differing++;
    expect(differing).toBe(0);
  });
});
