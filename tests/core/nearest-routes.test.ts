import { describe, expect, test } from 'vitest';
import { findNearestByTravelTime, parseGeoJsonRoads, roadNetworkFromRaw, snapResources, haversineMeters } from '../../src/core';

// A hand-drawn L: a 2 km residential road east (25 km/h), then 1 km north, and a one-way shortcut
// (primary, 60 km/h) on the diagonal that can only be driven north-east → south-west.
const O = [120, 30] as const;
const east = (m: number) => O[0] + m / (111_195 * Math.cos((O[1] * Math.PI) / 180));
const north = (m: number) => O[1] + m / 111_195;
const A: [number, number] = [O[0], O[1]], B: [number, number] = [east(2000), O[1]], C: [number, number] = [east(2000), north(1000)];
const roads = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: [A, [east(1000), O[1]], B, C] } },
    { type: 'Feature', properties: { highway: 'primary', oneway: 'yes' }, geometry: { type: 'LineString', coordinates: [C, A] } },
  ],
};
const net = roadNetworkFromRaw(parseGeoJsonRoads(roads));

describe('nearest: routes for drawing', () => {
  test('the route runs resource → road → incident, and its length is the reported metres', () => {
    const resources = snapResources(net, [
      { id: 'near-C', kind: 'team', lngLat: [east(2000) + 0.001, north(1000)] },
      { id: 'mid-AB', kind: 'team', lngLat: [east(1000), north(-50)] },
    ]);
    const incident: [number, number] = [east(100), north(30)];
    const a = findNearestByTravelTime(net, incident, resources, { k: 5, withRoutes: true });
    expect(a.results.map((r) => r.id).sort()).toEqual(['mid-AB', 'near-C']);
    for (const r of a.results) {
      const route = r.route!;
      const source = resources.find((x) => x.id === r.id)!.lngLat;
      expect(route[0]).toEqual([source[0], source[1]]);
      expect(route[route.length - 1]).toEqual(incident);
      let m = 0;
      for (let i = 1; i < route.length; i++) m += haversineMeters(...route[i - 1]!, ...route[i]!);
      expect(r.meters).toBeCloseTo(m, 6);
      expect(r.meters).toBeGreaterThanOrEqual(r.straightLineMeters);
    }
  });

  test('a resource at C takes the one-way diagonal to A, not the way back along the L', () => {
    const [r] = snapResources(net, [{ id: 'at-C', kind: 'team', lngLat: C }]);
    const a = findNearestByTravelTime(net, A, [r!], { k: 1, withRoutes: true });
    const diagonal = haversineMeters(...C, ...A);
    // coordinates are kept to 7 decimals (~1 cm), so compare to 0.05 s / 5 cm
    expect(a.results[0]!.seconds).toBeCloseTo(diagonal / (60 / 3.6), 1);
    expect(a.results[0]!.meters).toBeCloseTo(diagonal, 1);
    // and from A to C the diagonal is forbidden: 3 km of residential road at 25 km/h
    const back = findNearestByTravelTime(net, C, snapResources(net, [{ id: 'at-A', kind: 'team', lngLat: A }]), { k: 1, withRoutes: true });
    expect(back.results[0]!.seconds).toBeCloseTo(3000 / (25 / 3.6), 0);
    expect(back.results[0]!.route!.length).toBeGreaterThanOrEqual(4);
  });
});
