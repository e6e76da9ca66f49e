import { describe, expect, test } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import {
  centreAt, destinationPoint, haversineMeters, hourlyTimesMs, initialBearingDegrees, quadrantOfBearing, radiiAt, radiusFixes,
  windCircleRing, windCircleTimes, chinaCategoryOfWind, type TyphoonFix,
} from '../../src/core';
import { bfBearingDegrees, bfDistanceMeters, bfWindTimes } from '../helpers/typhoon-brute-force';
import { seededRandom } from '../helpers/seeded-random';

const H = 3_600_000;
const T0 = Date.UTC(2024, 6, 25, 0, 0, 0);
const NONE = { ne: null, se: null, sw: null, nw: null };
const fix = (hours: number, lngLat: [number, number], radii: TyphoonFix['radiiMeters'] = {}): TyphoonFix => ({
  timeMs: T0 + hours * H, lngLat, maxWindMetersPerSecond: null, windAveragingMinutes: null, pressureHpa: null, category: null, radiiMeters: radii,
});
const q = (ne: number | null, se: number | null, sw: number | null, nw: number | null) => ({ ne, se, sw, nw });

describe('typhoon.md time steps', () => {
  test('hourly on the hour from the first fix to the last', () => {
    const fixes = [fix(0.5, [120, 25]), fix(3.25, [119, 26])];
    expect(hourlyTimesMs({ fixes }).map((t) => (t - T0) / H)).toEqual([1, 2, 3]);
  });
  test('the centre is linear in lng and lat between the fixes around t', () => {
    const fixes = [fix(0, [120, 25]), fix(6, [119.4, 25.6])];
    expect(centreAt(fixes, T0 + 2 * H)![0]).toBeCloseTo(119.8, 12);
    expect(centreAt(fixes, T0 + 2 * H)![1]).toBeCloseTo(25.2, 12);
    expect(centreAt(fixes, T0 + 7 * H)).toBeNull();
  });
  test('radii: linear in time between radius fixes ≤ 12 h apart; a longer gap, before the first and after the last are not issued', () => {
    const fixes = [
      fix(0, [120, 25], { 34: q(100, 200, 300, 400) }),
      fix(6, [120, 25], { 34: q(160, 200, 240, 400) }),
      fix(9, [120, 25], { 34: q(1, 1, null, 1) }), // not a radius fix: one quadrant not issued
      fix(12, [120, 25], { 34: q(0, 0, 0, 0) }),
      fix(30, [120, 25], { 34: q(50, 50, 50, 50) }), // 18 h after the previous radius fix
    ];
    const rf = radiusFixes(fixes, '34');
    expect(rf.map((r) => (r.timeMs - T0) / H)).toEqual([0, 6, 12, 30]);
    expect(radiiAt(rf, T0 + 3 * H)).toEqual({ ne: 130, se: 200, sw: 270, nw: 400 });
    expect(radiiAt(rf, T0 + 9 * H)).toEqual({ ne: 80, se: 100, sw: 120, nw: 200 });
    expect(radiiAt(rf, T0 + 12 * H)).toEqual({ ne: 0, se: 0, sw: 0, nw: 0 });
    expect(radiiAt(rf, T0 + 13 * H)).toBeNull();
    expect(radiiAt(rf, T0 + 30 * H)).toEqual({ ne: 50, se: 50, sw: 50, nw: 50 });
    expect(radiiAt(rf, T0 - H)).toBeNull();
    expect(radiiAt(rf, T0 + 31 * H)).toBeNull();
  });
  test('quadrants by initial bearing: NE [0,90), SE [90,180), SW [180,270), NW [270,360)', () => {
    expect([0, 89.999, 90, 179.9, 180, 269.9, 270, 359.9].map(quadrantOfBearing)).toEqual(['ne', 'ne', 'se', 'se', 'sw', 'sw', 'nw', 'nw']);
  });
  test('bearing and distance agree with the vector brute force', () => {
    const rng = seededRandom(7); const rnd = () => rng.next();
    for (let i = 0; i < 200; i++) {
      const a: [number, number] = [100 + rnd() * 40, 5 + rnd() * 35], b: [number, number] = [a[0] + (rnd() - 0.5) * 10, a[1] + (rnd() - 0.5) * 10];
      expect(haversineMeters(a[0], a[1], b[0], b[1])).toBeCloseTo(bfDistanceMeters(a, b), 3);
      expect(initialBearingDegrees(a[0], a[1], b[0], b[1])).toBeCloseTo(bfBearingDegrees(a, b), 6);
    }
  });
  test('China scale boundaries (GB/T 19201-2006)', () => {
    expect([10.7, 10.8, 17.1, 17.2, 24.4, 24.5, 32.6, 32.7, 41.4, 41.5, 50.9, 51.0].map(chinaCategoryOfWind))
      .toEqual([null, 'TD', 'TD', 'TS', 'TS', 'STS', 'STS', 'TY', 'TY', 'STY', 'STY', 'SuperTY']);
  });
});

describe('membership against an independent brute force of the spec, on a grid around a synthetic storm', () => {
  // A storm moving north-west across 24 h with asymmetric, growing and shrinking radii, a 13-h gap
  // in the 50-kt radii, a 0 quadrant, an unissued quadrant and fixes off the hour.
  const fixes: TyphoonFix[] = [
    fix(0, [121.2, 24.1], { 34: q(250e3, 220e3, 150e3, 120e3), 50: q(90e3, 80e3, 60e3, 50e3) }),
    fix(4.5, [120.6, 24.6], { 34: q(270e3, 240e3, 140e3, 110e3), 50: q(100e3, 80e3, 0, 40e3) }),
    fix(9, [120.1, 25.0], { 34: q(260e3, 250e3, 120e3, 90e3), 50: q(null, 80e3, 40e3, 40e3) }),
    fix(15, [119.6, 25.5], { 34: q(200e3, 210e3, 100e3, 80e3), 64: q(30e3, 30e3, 20e3, 20e3) }),
    fix(18, [119.3, 25.9], { 34: q(160e3, 170e3, 80e3, 60e3), 50: q(60e3, 60e3, 30e3, 30e3), 64: q(25e3, 25e3, 15e3, 15e3) }),
    fix(24, [118.9, 26.5], { 34: q(0, 0, 0, 0), 50: q(0, 0, 0, 0) }),
  ];
  const thresholds = ['34', '50', '64'];
  const places: [number, number][] = [];
  for (let i = 0; i < 41; i++) for (let j = 0; j < 41; j++) places.push([117.5 + i * 0.1 + 0.0123, 23.0 + j * 0.1 + 0.0071]);

  test('first and last hour inside, for every place and threshold', () => {
    const ours = windCircleTimes({ fixes, thresholdsKt: thresholds }, places);
    let inside = 0;
    places.forEach((p, i) => {
      const bf = bfWindTimes(fixes, thresholds, p);
      expect({ p, first: ours[i]!.firstInsideMs, last: ours[i]!.lastInsideMs }).toEqual({ p, first: bf.first, last: bf.last });
      if (bf.first['34'] !== null) inside++;
    });
    // the grid straddles the circles: many places inside, many never
    expect(inside).toBeGreaterThan(200);
    expect(inside).toBeLessThan(places.length - 200);
  });
});

describe('quarter-arc wind circle polygon (display)', () => {
  const radii = { ne: 300e3, se: 200e3, sw: 120e3, nw: 80e3 };
  const centre: [number, number] = [119.7, 25.2];
  const ring = windCircleRing(centre, radii);
  const poly = { type: 'Polygon' as const, coordinates: [ring] };

  test('a closed counter-clockwise ring, arcs at most 5° apart, four radial steps', () => {
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    let area = 0;
    for (let i = 1; i < ring.length; i++) area += (ring[i]![0] - ring[i - 1]![0]) * (ring[i]![1] + ring[i - 1]![1]);
    expect(area).toBeLessThan(0); // shoelace sign: counter-clockwise
    expect(ring.length).toBe(4 * 19 + 1);
  });

  test.each([
    ['ne', 0.5, 89.5], ['se', 90.5, 179.5], ['sw', 180.5, 269.5], ['nw', 270.5, 359.5],
  ] as const)('%s: 0.99 × its radius inside, 1.01 × outside, on every bearing of the quadrant', (k, from, to) => {
    for (let b = from; b <= to; b += 1) {
      expect(booleanPointInPolygon(destinationPoint(centre[0], centre[1], b, 0.99 * radii[k]), poly)).toBe(true);
      expect(booleanPointInPolygon(destinationPoint(centre[0], centre[1], b, 1.01 * radii[k]), poly)).toBe(false);
    }
  });

  test('cos(latitude) is accounted for: the east point lies the radius away by haversine, not in degrees', () => {
    // the radial step on the E bearing: the NE arc ends at 300 km, the SE arc starts at 200 km
    const onEast = ring.filter((p) => Math.abs(initialBearingDegrees(centre[0], centre[1], p[0], p[1]) - 90) < 1e-6);
    const metres = onEast.map((p) => Math.round(haversineMeters(centre[0], centre[1], p[0], p[1]))).sort((a, b) => a - b);
    expect(metres).toEqual([200e3, 300e3]);
    const far = onEast.reduce((a, b) => (b[0] > a[0] ? b : a));
    expect(far[0] - centre[0]).toBeGreaterThan(300 / 111.2 / 0.95); // wider in degrees than 300 km of latitude: cos(25.2°) ≈ 0.905
  });

  test('not issued radii never reach the polygon builder; 0 shrinks the quadrant to the centre', () => {
    const r0 = windCircleRing(centre, { ne: 100e3, se: 0, sw: 0, nw: 0 });
    expect(r0.filter((p) => p[0] === centre[0] && p[1] === centre[1]).length).toBeGreaterThan(3);
    expect(NONE.ne).toBeNull();
  });
});
