/**
 * Road closures (closedEdgesFromBarriers) on a hand-drawn block, one character = 100 m, all
 * residential (25 km/h):
 *
 *     A-------B      way 1 AB 800 m, way 2 BC 200 m, way 3 CD 800 m, way 4 DA 200 m
 *     |       |
 *     D-------C
 *
 * Open: A→B = 800 m = 115.2 s. With AB closed: A→D→C→B = 1200 m = 172.8 s.
 */
import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import {
  closedEdgesFromBarriers, computeIsochrones, CoreError, findNearestByTravelTime, roadNetworkFromRaw, snapResources,
  type Barriers,
} from '../../src/core/index';
import { asciiGraph } from '../helpers/ascii-graph';
import { polygonUnionTester } from '../helpers/score';
import { edgesOf } from './support/core-access';

const RES = 25 / 3.6, OFF = 5 / 3.6;
const g = asciiGraph(`
  A-------B
  |       |
  D-------C
`, [{ nodes: 'AB', id: 1 }, { nodes: 'BC', id: 2 }, { nodes: 'CD', id: 3 }, { nodes: 'DA', id: 4 }]);
const net = roadNetworkFromRaw(g.raw);

/** A lng/lat box from grid positions (columns, rows). */
function box(c0: number, r0: number, c1: number, r1: number): Polygon {
  const [w, n] = g.point(c0, r0), [e, s] = g.point(c1, r1);
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

function secondsAToB(barriers: Barriers, from = g.at('A')): number | undefined {
  const closedEdges = closedEdgesFromBarriers(net.graph, net.index, barriers);
  const resources = snapResources(net, [{ id: 'r', kind: 'k', lngLat: from }], closedEdges);
  return findNearestByTravelTime(net, g.at('B'), resources, { k: 1, closedEdges }).results[0]?.seconds;
}

describe('closing roads without rebuilding the graph', () => {
  test('no barrier: 800 m straight', () => {
    expect(secondsAToB({})).toBeCloseTo(800 / RES, 6);
  });

  test('closing way 1 by id reroutes round the block', () => {
    expect(secondsAToB({ wayIds: [1] })).toBeCloseTo(1200 / RES, 6);
  });

  test('closing the AB edge by edge id reroutes the same way', () => {
    const ab = edgesOf(net.graph).find((e) => e.wayId === 1)!.index;
    const closed = closedEdgesFromBarriers(net.graph, net.index, { edgeIds: [ab] });
    expect([...closed].reduce((a, b) => a + b, 0)).toBe(1);
    expect(secondsAToB({ edgeIds: [ab] })).toBeCloseTo(1200 / RES, 6);
  });

  test('a flood polygon over the middle of AB closes it (reroute); over both long sides it cuts A from B', () => {
    const floodAB = box(3, -0.5, 5, 0.5);
    expect(secondsAToB({ polygons: [floodAB] })).toBeCloseTo(1200 / RES, 6);
    const floodBoth = box(3, -0.5, 5, 2.5);
    expect(secondsAToB({ polygons: [floodBoth] })).toBeUndefined();
    // closing both long sides by way id is the same cut
    expect(secondsAToB({ wayIds: [1, 3] })).toBeUndefined();
  });

  test('a flood polygon away from every road closes nothing', () => {
    const closed = closedEdgesFromBarriers(net.graph, net.index, { polygons: [box(2, 0.5, 6, 1.5)] });
    expect([...closed]).toEqual([0, 0, 0, 0]);
  });

  test('a resource on a closed road joins the nearest open road instead', () => {
    // Half-way along AB; AB closed. Nearest open road: CD, 200 m south (BC and DA are 400 m away).
    // 200 m off-road (144 s) + 400 m of CD to C (57.6 s) + CB 200 m (28.8 s) = 230.4 s.
    // (the meridian through the resource meets CD 1 cm off its middle: 2 decimals)
    expect(secondsAToB({ wayIds: [1] }, g.offset('A', 400, 0))).toBeCloseTo(200 / OFF + 600 / RES, 2);
  });

  test('an isochrone with AB closed does not run along AB', () => {
    const closedEdges = closedEdgesFromBarriers(net.graph, net.index, { wayIds: [1] });
    const open = computeIsochrones(net, [{ id: 'A', lngLat: g.at('A') }], { bandsMinutes: [1.5], cellSizeMeters: 20 });
    const shut = computeIsochrones(net, [{ id: 'A', lngLat: g.at('A') }], { bandsMinutes: [1.5], cellSizeMeters: 20, closedEdges });
    // 500 m along AB, 20 m north: open 72 s + 14.4 s; closed: nearest open road is CD 220 m away (158 s off-road alone)
    const p = g.offset('A', 500, 20);
    expect(polygonUnionTester(open.features.features)(p)).toBe(true);
    expect(polygonUnionTester(shut.features.features)(p)).toBe(false);
    // D (200 m) and 300 m along DC (43.2 s) stay reachable: 28.8 + 43.2 = 72 s
    expect(polygonUnionTester(shut.features.features)(g.offset('D', 300, -10))).toBe(true);
  });

  test('an edge id outside the graph is a CoreError naming it', () => {
    expect(() => closedEdgesFromBarriers(net.graph, net.index, { edgeIds: [99] })).toThrow(/barrier edge id 99/);
    expect(() => closedEdgesFromBarriers(net.graph, net.index, { edgeIds: [99] })).toThrow(CoreError);
  });
});
