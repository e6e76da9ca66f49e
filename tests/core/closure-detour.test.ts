/**
 * Closing the first team's route on a hand-drawn block changes its ETA by exactly the detour.
 * One character = 100 m, all residential (25 km/h):
 *
 *     A-------B      way 1 AB 800 m, way 2 BC 200 m, way 3 CD 800 m, way 4 DA 200 m
 *     |       |      team T1 at A, team T2 at D, the incident at B
 *     D-------C
 *
 * Open: T1 A→B 800 m (first), T2 D→A→B or D→C→B 1000 m. A line drawn across the middle of AB
 * closes that one segment: T1 goes A→D→C→B, 1200 m, i.e. + 400 m of detour = +57.6 s, and T2
 * (still 1000 m, by D→C→B) is now first.
 */
import type { LineString } from 'geojson';
import { describe, expect, test } from 'vitest';
import { closedEdgesFromBarriers, closedEdgesPerBarrier, findNearestByTravelTime, roadNetworkFromRaw, snapResources, type Barriers } from '../../src/core/index';
import { createComputeHandlers } from '../../src/workers/compute-handlers';
import { connectInProcess } from '../helpers/fake-worker';
import { asciiGraph } from '../helpers/ascii-graph';

const RES = 25 / 3.6;
const g = asciiGraph(`
  A-------B
  |       |
  D-------C
`, [{ nodes: 'AB', id: 1 }, { nodes: 'BC', id: 2 }, { nodes: 'CD', id: 3 }, { nodes: 'DA', id: 4 }]);
const net = roadNetworkFromRaw(g.raw);
const teams = [{ id: 'T1', kind: 'rescue_team', lngLat: g.at('A') }, { id: 'T2', kind: 'rescue_team', lngLat: g.at('D') }];
const line = (c0: number, r0: number, c1: number, r1: number): LineString => ({ type: 'LineString', coordinates: [g.point(c0, r0), g.point(c1, r1)] });

function rank(barriers: Barriers) {
  const closedEdges = closedEdgesFromBarriers(net.graph, net.index, barriers);
  return findNearestByTravelTime(net, g.at('B'), snapResources(net, teams, closedEdges), { k: 5, closedEdges, withRoutes: true });
}

describe('a closure drawn across the first team’s route', () => {
  test('open roads: T1 first at 800 m, T2 at 1000 m', () => {
    const a = rank({});
    expect(a.results.map((r) => r.id)).toEqual(['T1', 'T2']);
    expect(a.results[0]!.seconds).toBeCloseTo(800 / RES, 6);
    expect(a.results[1]!.seconds).toBeCloseTo(1000 / RES, 6);
  });

  test('a line across AB closes exactly one segment and adds exactly the 400 m detour to T1', () => {
    const across = line(4, -0.5, 4, 0.5);
    expect(closedEdgesPerBarrier(net.graph, net.index, [{ lines: [across] }])[0]!.edgeIds).toHaveLength(1);
    const open = rank({}), closed = rank({ lines: [across] });
    const t1 = (a: typeof open) => a.results.find((r) => r.id === 'T1')!;
    expect(t1(closed).seconds - t1(open).seconds).toBeCloseTo(400 / RES, 6);
    expect(t1(closed).meters - t1(open).meters).toBeCloseTo(400, 3);
    expect(closed.results.map((r) => r.id)).toEqual(['T2', 'T1']);
    // the new route goes round by D and C
    const route = t1(closed).route!;
    const near = (p: [number, number], q: [number, number]) => Math.abs(p[0] - q[0]) < 1e-9 && Math.abs(p[1] - q[1]) < 1e-9;
    expect(route.some((p) => near(p, g.at('D')))).toBe(true);
    expect(route.some((p) => near(p, g.at('C')))).toBe(true);
  });

  test('a line that crosses no road closes nothing; one across both long sides cuts T1 and T2 off (listed, not dropped)', () => {
    expect(closedEdgesPerBarrier(net.graph, net.index, [{ lines: [line(3, 0.5, 5, 1.5)] }])[0]!.edgeIds).toEqual([]);
    const cut = rank({ lines: [line(4, -0.5, 4, 2.5)] });
    expect(cut.results).toEqual([]);
    expect(cut.unreachableIds).toEqual(['T1', 'T2']);
  });

  test('a point clicked on a road closes the one segment under it; a point far from roads closes none', () => {
    const onAB = g.offset('A', 300, 10);
    expect(closedEdgesPerBarrier(net.graph, net.index, [{ roadPoints: [onAB] }])[0]!.edgeIds).toHaveLength(1);
    expect(rank({ roadPoints: [onAB] }).results.find((r) => r.id === 'T1')!.seconds).toBeCloseTo(1200 / RES, 6);
    expect(closedEdgesPerBarrier(net.graph, net.index, [{ roadPoints: [g.offset('A', 300, -100)] }])[0]!.edgeIds).toEqual([]);
  });

  test('through the worker: closures are counted, nearest re-ranks with them and lists the unreachable', async () => {
    const { client, close } = connectInProcess(createComputeHandlers());
    try {
      const text = JSON.stringify(g.toGeoJson());
      const bytes = new TextEncoder().encode(text).buffer;
      await client.request('loadRoads', { fileName: 'block.geojson', bytes }, { transfer: [bytes] });
      await client.request('setResources', { resources: teams });
      const counts = await client.request('closures', { closures: [{ closedLines: [line(4, -0.5, 4, 0.5)] }, { closedLines: [line(4, -0.5, 4, 2.5)] }] });
      expect(counts.closures.map((c) => c.segmentCount)).toEqual([1, 2]);
      const open = await client.request('nearest', { incident: g.at('B'), k: 5, perKind: true });
      const closed = await client.request('nearest', { incident: g.at('B'), k: 5, perKind: true, barriers: { closedLines: [line(4, -0.5, 4, 0.5)] } });
      // (the GeoJSON file rounds positions to 7 decimals: ~1 cm, so 3 decimals of a second)
      expect(closed.results[1]!.seconds - open.results[0]!.seconds).toBeCloseTo(400 / RES, 2);
      const cut = await client.request('nearest', { incident: g.at('B'), k: 5, perKind: true, ids: ['T1'], barriers: { closedLines: [line(4, -0.5, 4, 2.5)] } });
      expect(cut.results).toEqual([]);
      expect(cut.unreachable).toEqual([{ id: 'T1', kind: 'rescue_team', reason: 'no-route' }]);
    } finally {
      close();
    }
  });
});
