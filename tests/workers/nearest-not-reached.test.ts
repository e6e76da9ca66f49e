/**
 * The compute worker's bounded nearest search (more than 5,000 candidates, as in a province) sends
 * what it did not reach as positions in the request's ids (transferred typed arrays), which
 * notReachedIds turns back into exactly the ids the core search did not reach, per kind.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { generateSyntheticRoads } from '../../bench/synthetic-roads';
import { buildRoadGraph, createRoadNetwork, findNearestWithinBudgets, serializeRoadGraph, snapResources } from '../../src/core/index';
import { createComputeHandlers } from '../../src/workers/compute-handlers';
import { notReachedIds } from '../../src/workers/protocol';
import { connectInProcess } from '../helpers/fake-worker';
import { seededRandom } from '../helpers/seeded-random';

const { raw, bbox } = generateSyntheticRoads({ rows: 150, cols: 200, seed: 5 });
const graph = buildRoadGraph(raw);
const rng = seededRandom(99);
const at = (): [number, number] => [rng.range(bbox[0], bbox[2]), rng.range(bbox[1], bbox[3])];
const KINDS = ['fire_station', 'rescue_team', 'depot', 'shelter'];
const resources = Array.from({ length: 7000 }, (_, i) => ({ id: `R${i}`, kind: KINDS[i % 4]!, lngLat: at() }));

describe('compute worker: what a bounded nearest search did not reach', () => {
  const { client, close } = connectInProcess(createComputeHandlers());
  afterAll(close);

  test('positions in the request\'s ids, per kind, that map back to the core search\'s not-reached ids', async () => {
    const file = serializeRoadGraph(graph);
    const bytes = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    await client.request('loadRoads', { fileName: 'roads.graph.bin', bytes });
    await client.request('setResources', { resources });
    // the page's candidates: every other resource, in an order of its own
    const ids = resources.filter((_, i) => i % 5 !== 0).map((r) => r.id).reverse();
    // near a corner: the far side lies beyond the first limit
    const incident: [number, number] = [bbox[0] + (bbox[2] - bbox[0]) * 0.05, bbox[1] + (bbox[3] - bbox[1]) * 0.05];
    const a = await client.request('nearest', { incident, k: 5, perKind: true, kinds: KINDS, ids, withRoutes: true });
    expect(a.notReached?.indicesByKind).toBeDefined();
    expect(a.notReached?.idsByKind).toBeUndefined();
    for (const at of Object.values(a.notReached!.indicesByKind!)) expect(at).toBeInstanceOf(Uint32Array);
    const got = notReachedIds(a.notReached!, ids);
    // the same search in the core over the same candidates
    const net = createRoadNetwork(graph);
    const idSet = new Set(ids);
    const core = findNearestWithinBudgets(net, incident, snapResources(net, resources).filter((r) => idSet.has(r.id)), { k: 5, perKind: true });
    expect(a.notReached!.withinSeconds).toBe(core.boundedSeconds);
    const kindOf = new Map(resources.map((r) => [r.id, r.kind]));
    const want: Record<string, string[]> = {};
    for (const id of core.beyondBudgetIds) (want[kindOf.get(id)!] ??= []).push(id);
    expect(got).toEqual(want);
    expect(Object.values(got).flat().length).toBeGreaterThan(100);
    // without ids, the ids themselves
    const b = await client.request('nearest', { incident, k: 5, perKind: true, kinds: KINDS, withRoutes: false });
    expect(b.notReached?.idsByKind).toBeDefined();
    expect(b.notReached?.indicesByKind).toBeUndefined();
  });
});
