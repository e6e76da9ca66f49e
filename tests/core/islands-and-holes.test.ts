/**
 * Disconnected islands and holes, hand-drawn (answers worked out from the drawings).
 */
import { describe, expect, test } from 'vitest';
import {
  buildPointIndex, computeCoverage, computeIsochrones, findNearestByTravelTime, nearestByStraightLine, roadNetworkFromRaw,
  snapResources,
} from '../../src/core/index';
import { asciiGraph } from '../helpers/ascii-graph';
import { polygonUnionTester } from '../helpers/score';
import { insideMultiPolygon, rfc7946Problems, ringAreaSquareMeters } from './support/polygons';

const kmh = (v: number) => v / 3.6;

describe('an island road 400 m from the mainland road (one character = 100 m)', () => {
  //   A-------B   E---F      AB mainland (800 m), EF island (400 m), no road between B and E
  const g = asciiGraph('A-------B   E---F', ['AB', 'EF']);
  const net = roadNetworkFromRaw(g.raw);
  const resources = snapResources(net, [
    { id: 'main', kind: 'fire', lngLat: g.at('A') },
    { id: 'island', kind: 'fire', lngLat: g.at('E') },
  ]);

  test('a resource on the island is left out of the nearest results for a mainland incident', () => {
    // The island resource is nearer in a straight line (400 m vs 800 m) ...
    const index = buildPointIndex([g.at('A'), g.at('E')]);
    expect(nearestByStraightLine(index, g.at('B'), 1)[0]!.index).toBe(1);
    // ... but cannot drive there: only the mainland one ranks, at 800 m of residential road.
    const { results } = findNearestByTravelTime(net, g.at('B'), resources, { k: 10 });
    expect(results.map((r) => r.id)).toEqual(['main']);
    expect(results[0]!.seconds).toBeCloseTo(800 / kmh(25), 6);
  });

  test('an incident on the island is reached by the island resource only', () => {
    const { results } = findNearestByTravelTime(net, g.at('F'), resources, { k: 10 });
    expect(results.map((r) => r.id)).toEqual(['island']);
    expect(results[0]!.seconds).toBeCloseTo(400 / kmh(25), 6);
  });

  test('an isochrone from the mainland never covers the island, even within off-road reach', () => {
    // A→B is 115.2 s; 10 minutes leaves 484.8 s = 673 m off-road at B, capped by maxSnapMeters.
    const { features } = computeIsochrones(net, [{ id: 'A', lngLat: g.at('A') }], { bandsMinutes: [10], cellSizeMeters: 20 });
    const inside = polygonUnionTester(features.features);
    expect(inside(g.at('B'))).toBe(true);
    expect(inside(g.offset('B', 150, 0))).toBe(true); // nearer to B (150 m) than to E (250 m)
    for (const p of [g.at('E'), g.at('F'), g.offset('E', 200, 0), g.offset('E', 200, 30), g.offset('E', -50, 0), g.offset('F', 100, 0)]) {
      expect(inside(p)).toBe(false);
    }
    for (const f of features.features) expect(rfc7946Problems(f.geometry)).toEqual([]);
  });

  test('coverage of the mainland source does not cover the island; with an island source it does', () => {
    const mainOnly = computeCoverage(net, [{ id: 'A', lngLat: g.at('A') }], { bandsMinutes: [10], cellSizeMeters: 20 });
    expect(polygonUnionTester(mainOnly.covered.features)(g.offset('E', 200, 0))).toBe(false);
    const both = computeCoverage(net, [{ id: 'A', lngLat: g.at('A') }, { id: 'F', lngLat: g.at('F') }], { bandsMinutes: [10], cellSizeMeters: 20 });
    expect(polygonUnionTester(both.covered.features)(g.offset('E', 200, 0))).toBe(true);
    const islandCatchment = polygonUnionTester(both.catchments.features.filter((f) => f.properties.sourceId === 'F'));
    const mainCatchment = polygonUnionTester(both.catchments.features.filter((f) => f.properties.sourceId === 'A'));
    expect(islandCatchment(g.offset('E', 200, 0))).toBe(true);
    expect(mainCatchment(g.offset('E', 200, 0))).toBe(false);
    expect(mainCatchment(g.offset('A', 400, 0))).toBe(true);
  });
});

describe('a ring road around a large empty area gives an isochrone with a hole', () => {
  // One character = 500 m: a 4 km × 4 km square ring of primary road (60 km/h = 1 km/min).
  const g = asciiGraph(`
    A-------B
    |       |
    |       |
    |       |
    |       |
    |       |
    |       |
    |       |
    D-------C
  `, [{ nodes: 'ABCDA', tags: { highway: 'primary' } }], { gridMeters: 500 });
  const net = roadNetworkFromRaw(g.raw);
  // From A, the farthest road point C is 8 km = 8 min away; the 500 m off-road strip around the ring
  // costs at most 6 min more, so the 20-minute area is the whole strip: a square annulus whose hole
  // is the interior farther than 500 m from the ring, 3 km × 3 km.
  const { features } = computeIsochrones(net, [{ id: 'A', lngLat: g.at('A') }], { bandsMinutes: [20], cellSizeMeters: 40 });
  const geometry = features.features[0]!.geometry;

  test('one polygon with exactly one hole, exterior CCW, hole CW', () => {
    expect(geometry.coordinates).toHaveLength(1);
    expect(geometry.coordinates[0]).toHaveLength(2);
    expect(rfc7946Problems(geometry)).toEqual([]);
  });

  test('the hole is the interior beyond 500 m: the centre is out, 400 m in from the road is in, 600 m is out', () => {
    const centre = g.offset('A', 2000, -2000);
    expect(insideMultiPolygon(centre, geometry)).toBe(false);
    expect(insideMultiPolygon(g.offset('A', 2000, -400), geometry)).toBe(true);
    expect(insideMultiPolygon(g.offset('A', 2000, -600), geometry)).toBe(false);
    expect(insideMultiPolygon(g.offset('A', 400, -2000), geometry)).toBe(true);
    expect(insideMultiPolygon(g.offset('A', 600, -2000), geometry)).toBe(false);
    // outside the ring too: 400 m out is in, 600 m out is not
    expect(insideMultiPolygon(g.offset('A', 2000, 400), geometry)).toBe(true);
    expect(insideMultiPolygon(g.offset('A', 2000, 600), geometry)).toBe(false);
  });

  test('areas match the hand computation within 3 %: hole 3 km × 3 km, exterior 5 km × 5 km less rounded corners', () => {
    const [exterior, hole] = geometry.coordinates[0]!;
    const holeArea = -ringAreaSquareMeters(hole!);
    expect(Math.abs(holeArea - 9e6) / 9e6).toBeLessThan(0.03);
    // exterior: 5,000² minus four corners of (500² − π·500²/4)
    const exteriorArea = 5000 ** 2 - 4 * (500 ** 2 - (Math.PI * 500 ** 2) / 4);
    expect(Math.abs(ringAreaSquareMeters(exterior!) - exteriorArea) / exteriorArea).toBeLessThan(0.03);
  });
});
