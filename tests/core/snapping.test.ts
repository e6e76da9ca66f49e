/**
 * Joining points to the network (road-network.md "From a point to the network and back"), on
 * hand-drawn roads (one character = 100 m): the perpendicular snap, the off-road leg at 5 km/h,
 * pro-rata travel along the snapped edge, maxSnapMeters, and ties between equally near roads.
 */
import { describe, expect, test } from 'vitest';
import {
  computeIsochrones, EMERGENCY_DEFAULT_PROFILE, findNearestByTravelTime, roadNetworkFromRaw, snapPoint, snapResources,
  type RoadNetwork,
} from '../../src/core/index';
import { asciiGraph } from '../helpers/ascii-graph';
import { BruteForceRoads } from '../helpers/brute-force';
import { polygonUnionTester } from '../helpers/score';

const kmh = (v: number) => v / 3.6;
const RES = kmh(25), OFF = kmh(5);

function rank(net: RoadNetwork, incident: readonly [number, number], resources: Record<string, readonly [number, number]>) {
  const snapped = snapResources(net, Object.entries(resources).map(([id, lngLat]) => ({ id, kind: 'k', lngLat })));
  return findNearestByTravelTime(net, incident, snapped, { k: 10 });
}

describe('one straight residential road A–B of 800 m', () => {
  const g = asciiGraph('A-------B', ['AB']);
  const net = roadNetworkFromRaw(g.raw);
  const bf = new BruteForceRoads(g.raw, EMERGENCY_DEFAULT_PROFILE);

  test('a point 300 m north of the road joins it perpendicularly at 200 m along, 300 m off-road', () => {
    const p = g.offset('A', 200, 300);
    const snap = snapPoint(net, p)!;
    expect(snap.offRoadMeters).toBeCloseTo(300, 6);
    expect(snap.candidates).toHaveLength(1);
    expect(snap.candidates[0]!.fraction).toBeCloseTo(0.25, 9);
    expect(bf.snap(p)!.meters).toBeCloseTo(300, 6);
  });

  test('off-road leg at 5 km/h plus pro-rata travel: 300 m off + 600 m of road to B = 216 + 86.4 s', () => {
    const { results } = rank(net, g.at('B'), { p: g.offset('A', 200, 300) });
    expect(results[0]!.seconds).toBeCloseTo(300 / OFF + 600 / RES, 6);
    expect(results[0]!.meters).toBeCloseTo(300 + 600, 4);
    // and towards A: 200 m of road
    expect(rank(net, g.at('A'), { p: g.offset('A', 200, 300) }).results[0]!.seconds).toBeCloseTo(300 / OFF + 200 / RES, 6);
  });

  test('both ends off-road: resource 100 m south, incident 50 m north, 400 m apart along the road', () => {
    const { results } = rank(net, g.offset('A', 600, 50), { p: g.offset('A', 200, -100) });
    expect(results[0]!.seconds).toBeCloseTo(100 / OFF + 400 / RES + 50 / OFF, 6);
    expect(results[0]!.meters).toBeCloseTo(100 + 400 + 50, 4);
  });

  test('beyond the end of the road the point joins the end node', () => {
    const snap = snapPoint(net, g.offset('B', 300, 0))!;
    expect(snap.offRoadMeters).toBeCloseTo(300, 6);
    expect(snap.candidates[0]!.fraction).toBe(1);
    expect(rank(net, g.at('A'), { p: g.offset('B', 300, 0) }).results[0]!.seconds).toBeCloseTo(300 / OFF + 800 / RES, 6);
  });

  test('499 m from the road is reachable; 501 m is unreachable and never snapped', () => {
    expect(snapPoint(net, g.offset('A', 400, 499))!.offRoadMeters).toBeCloseTo(499, 6);
    expect(rank(net, g.at('B'), { p: g.offset('A', 400, 499) }).results[0]!.seconds).toBeCloseTo(499 / OFF + 400 / RES, 6);

    const far = g.offset('A', 400, 501);
    expect(snapPoint(net, far)).toBeNull();
    expect(bf.snap(far)).toBeNull();
    // as a resource: left out, the reachable one still ranks
    const asResource = rank(net, g.at('B'), { far, near: g.at('A') });
    expect(asResource.results.map((r) => r.id)).toEqual(['near']);
    // as an incident: no snap, no results
    const asIncident = rank(net, far, { near: g.at('A') });
    expect(asIncident.incidentSnap).toBeNull();
    expect(asIncident.results).toEqual([]);
    // as an isochrone source: reported unreachable, no polygon
    const iso = computeIsochrones(net, [{ id: 'far', lngLat: far }], { bandsMinutes: [5] });
    expect(iso.unreachableSourceIds).toEqual(['far']);
    expect(iso.features.features).toEqual([]);
  });

  test('a point diagonally beyond the end: 400 m east and 400 m north of B is 565.7 m away: unreachable', () => {
    expect(snapPoint(net, g.offset('B', 400, 400))).toBeNull();
    expect(snapPoint(net, g.offset('B', 300, 300))!.offRoadMeters).toBeCloseTo(Math.hypot(300, 300), 1);
  });

  test('pro rata on a shared edge: resource at 100 m, incident at 700 m along = 600 m of road', () => {
    const { results } = rank(net, g.offset('A', 700, 0), { r: g.offset('A', 100, 0) });
    expect(results[0]!.seconds).toBeCloseTo(600 / RES, 6);
    expect(results[0]!.meters).toBeCloseTo(600, 4);
  });

  test('an isochrone reaches off-road exactly as far as the time left allows (source at A, 5 min)', () => {
    const { features } = computeIsochrones(net, [{ id: 'A', lngLat: g.at('A') }], { bandsMinutes: [5], cellSizeMeters: 20 });
    const inside = polygonUnionTester(features.features);
    // north of A: 300 s × 5 km/h = 416.7 m
    expect(inside(g.offset('A', 0, 380))).toBe(true);
    expect(inside(g.offset('A', 0, 460))).toBe(false);
    // beyond B: B at 115.2 s, then 184.8 s off-road = 256.7 m
    expect(inside(g.offset('B', 220, 0))).toBe(true);
    expect(inside(g.offset('B', 300, 0))).toBe(false);
    // 400 m north of the middle: 288 s + 400 m of road 57.6 s = 345.6 s > 300 s
    expect(inside(g.offset('A', 400, 400))).toBe(false);
    // 250 m north of the middle: 180 s + 57.6 s = 237.6 s
    expect(inside(g.offset('A', 400, 250))).toBe(true);
  });
});

describe('a one-way road: travel along the snapped edge respects its direction', () => {
  const g = asciiGraph('A-------B', [{ nodes: 'AB', tags: { highway: 'residential', oneway: 'yes' } }]);
  const net = roadNetworkFromRaw(g.raw);

  test('downstream of the incident the resource cannot reach it; upstream it can', () => {
    const incident = g.offset('A', 300, 0);
    const { results } = rank(net, incident, { up: g.offset('A', 100, 0), down: g.offset('A', 700, 0) });
    expect(results.map((r) => r.id)).toEqual(['up']);
    expect(results[0]!.seconds).toBeCloseTo(200 / RES, 6);
  });
});

describe('ties: a point equally near two roads takes the fastest', () => {
  //   A-----------B   primary, 60 km/h
  //   |     P     |   P is 100 m from both AB and CD
  //   C-----------D   residential, 25 km/h
  const g = asciiGraph(`
    A-----------B
    |           |
    C-----------D
  `, [{ nodes: 'AB', tags: { highway: 'primary' } }, 'AC', 'CD', 'BD']);
  const net = roadNetworkFromRaw(g.raw);
  const p = g.offset('A', 600, -100);

  test('the snap keeps both edges', () => {
    const snap = snapPoint(net, p)!;
    expect(snap.offRoadMeters).toBeCloseTo(100, 6);
    expect(snap.candidates).toHaveLength(2);
    // exactly half-way along AB; on CD the meridian through P is half-way to 1e-5
    expect(snap.candidates.map((c) => c.fraction)).toEqual([expect.closeTo(0.5, 4), expect.closeTo(0.5, 4)]);
    expect(snap.candidates.some((c) => Math.abs(c.fraction - 0.5) < 1e-9)).toBe(true);
  });

  test('B → P goes along the primary: 600 m at 60 km/h + 100 m off-road (not 200 + 600 m residential)', () => {
    const { results } = rank(net, p, { b: g.at('B') });
    expect(results[0]!.seconds).toBeCloseTo(600 / kmh(60) + 100 / OFF, 6);
    const bf = new BruteForceRoads(g.raw, EMERGENCY_DEFAULT_PROFILE);
    expect(bf.travel(g.at('B'), [p])[0]!.seconds).toBeCloseTo(600 / kmh(60) + 100 / OFF, 6);
  });

  test('P → D leaves by the primary too: 100 m off + 600 m primary + 200 m BD = 72 + 36 + 28.8 s', () => {
    const { results } = rank(net, g.at('D'), { p });
    expect(results[0]!.seconds).toBeCloseTo(100 / OFF + 600 / kmh(60) + 200 / RES, 6);
  });

  test('P → a point on CD 300 m from C leaves by the residential: 72 + 43.2 s (via AB it is 180 s)', () => {
    const { results } = rank(net, g.offset('C', 300, 0), { p });
    expect(results[0]!.seconds).toBeCloseTo(100 / OFF + 300 / RES, 2); // P's foot on CD is 600.017 m from C
  });

  test('an isochrone from P counts both roads as its start', () => {
    // 100 m off (72 s) + 600 m primary (36 s) = 108 s to A or B; C via CD: 72 + 86.4 = 158.4 s.
    const { features } = computeIsochrones(net, [{ id: 'P', lngLat: p }], { bandsMinutes: [2], cellSizeMeters: 20 });
    const inside = polygonUnionTester(features.features);
    expect(inside(g.offset('B', 0, -20))).toBe(true); // 108 + 2.9 s
    expect(inside(g.offset('D', 0, 20))).toBe(false); // via B: 108 + 180 m res 25.9 = 133.9 s > 120
  });

  test('a corner node: a point outside the corner joins both edges at the node, at the same time', () => {
    const q = g.offset('B', 60, 80); // 100 m from B (to 1e-5), nearest road point is B itself
    const snap = snapPoint(net, q)!;
    expect(snap.offRoadMeters).toBeCloseTo(100, 3);
    expect(new Set(snap.candidates.map((c) => c.fraction))).toEqual(new Set([0, 1]));
    expect(rank(net, g.at('A'), { q }).results[0]!.seconds).toBeCloseTo(100 / OFF + 1200 / kmh(60), 2);
  });
});

describe('the same place is no travel, whatever the road\'s direction', () => {
  test('resource and incident beyond the start of a one-way dead end both join its end node: only the off-road legs count', () => {
    // AB is one-way B→A (oneway=-1). West of A, every point joins the road at A (fraction 0).
    const g = asciiGraph('A-------B', [{ nodes: 'AB', tags: { highway: 'residential', oneway: '-1' } }]);
    const net = roadNetworkFromRaw(g.raw);
    const { results } = rank(net, g.offset('A', -200, 0), { r: g.offset('A', -100, 0) });
    expect(results.map((r) => r.id)).toEqual(['r']);
    expect(results[0]!.seconds).toBeCloseTo((100 + 200) / OFF, 6);
    // and the isochrone of a source there reaches places beyond A off-road: 5 min = 416.7 m in all
    const { features } = computeIsochrones(net, [{ id: 'S', lngLat: g.offset('A', -100, 0) }], { bandsMinutes: [5], cellSizeMeters: 20 });
    const inside = polygonUnionTester(features.features);
    expect(inside(g.offset('A', -300, 0))).toBe(true); // 72 + 216 = 288 s
    expect(inside(g.offset('A', -350, 0))).toBe(false); // 72 + 252 = 324 s
  });

  test('a source outside the corner of a one-way L joins its corner vertex; places there are reached off-road', () => {
    //   A------B      one way A→B→C; B is a shape vertex (not a junction), 700 m along 1000 m.
    //          |      (0.7 is where a Float32 copy of the fraction rounds down, i.e. "behind" the
    //          |      source on the one-way road: the same place must still be no travel.)
    //          C
    const g = asciiGraph(`
      A------B
             |
             |
             C
    `, [{ nodes: 'ABC', tags: { highway: 'residential', oneway: 'yes' } }], { gridMeters: 100 });
    const net = roadNetworkFromRaw(g.raw);
    const source = g.offset('B', 60, 80); // 100 m from B, in the wedge where B is the nearest road point
    const { features } = computeIsochrones(net, [{ id: 'S', lngLat: source }], { bandsMinutes: [5], cellSizeMeters: 20 });
    const inside = polygonUnionTester(features.features);
    // Places in the wedge: 100 m + d off-road, nothing on the road.
    expect(inside(g.offset('B', 150, 200))).toBe(true); // 72 + 180 = 252 s
    expect(inside(g.offset('B', 120, 160))).toBe(true); // 72 + 144 = 216 s
    expect(inside(g.offset('B', 240, 320))).toBe(false); // 72 + 288 = 360 s
    const bf = new BruteForceRoads(g.raw, EMERGENCY_DEFAULT_PROFILE);
    expect(bf.travel(source, [g.offset('B', 150, 200)])[0]!.seconds).toBeCloseTo((100 + 250) / OFF, 2);
  });
});
