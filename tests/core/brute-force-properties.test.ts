/**
 * Property tests: on random small road networks (seeded, see support/random-roads.ts) the core
 * must give the same answers as the brute-force reference of tests/helpers/brute-force.ts, which
 * reads the spec from the raw ways with no shared code. Runs are seeded and bounded so the suite
 * stays fast and a failure replays: fast-check prints the seed and the shrunk parameters.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  computeCoverage, computeIsochrones, CoreError, EMERGENCY_DEFAULT_PROFILE, findNearestByTravelTime, roadNetworkFromRaw,
  snapPoint, snapResources, type RoadNetwork,
} from '../../src/core/index';
import { bfHaversine, BruteForceRoads } from '../helpers/brute-force';
import { seededRandom } from '../helpers/seeded-random';
import { closeTo, edgesOf, nodeIndexOf } from './support/core-access';
import { distanceToBoundaryMeters, insideMultiPolygon, rfc7946Problems } from './support/polygons';
import { randomRoads, type RandomRoadsParams } from './support/random-roads';

const params: fc.Arbitrary<RandomRoadsParams> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  cols: fc.integer({ min: 2, max: 6 }),
  rows: fc.integer({ min: 2, max: 6 }),
  ways: fc.integer({ min: 1, max: 16 }),
  islands: fc.boolean(),
});

/** The network and the reference, or null when no way is a road (then the core must say so). */
function build(p: RandomRoadsParams) {
  const roads = randomRoads(p);
  const bf = new BruteForceRoads(roads.raw, EMERGENCY_DEFAULT_PROFILE);
  let net: RoadNetwork;
  try {
    net = roadNetworkFromRaw(roads.raw);
  } catch (err) {
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).code).toBe('network-empty');
    expect(bf.edges).toHaveLength(0);
    return null;
  }
  return { roads, bf, net, rnd: seededRandom(p.seed ^ 0x5bd1e995) };
}

const run = (numRuns: number, seed: number) => ({ numRuns, seed, endOnFailure: true });

/**
 * "The nearest point on the edge" is only defined to the precision of the geometry used: the core
 * projects in a plane centred on the point, the reference minimises haversine on the sphere. Their
 * distances agree to 1e-9 (second order), but the foot itself may move along the road by about
 * d²·tan(lat)/R: 500² × tan 60° / 6.371e6 ≈ 0.07 m. Travelled at the slowest class (10 km/h), two
 * such legs (resource and incident) allow 0.05 s and 0.15 m; everything else must agree to 1e-6.
 */
const FOOT_METERS = 0.15;
const FOOT_SECONDS = 0.05;

describe('core vs brute force on random networks', () => {
  test('the graph: the same edges (ends, length, seconds each way)', () => {
    fc.assert(fc.property(params, (p) => {
      const b = build(p);
      if (!b) return;
      const key = (e: { from: number; to: number; wayId: number; meters: number }) => [e.from, e.to, e.wayId, e.meters] as const;
      const order = (a: readonly number[], z: readonly number[]) => a[0]! - z[0]! || a[1]! - z[1]! || a[2]! - z[2]! || a[3]! - z[3]!;
      const core = edgesOf(b.net.graph).sort((x, y) => order(key(x), key(y)));
      const brute = [...b.bf.edges].sort((x, y) => order(key(x), key(y)));
      expect(core.map((e) => `${e.from}-${e.to}@${e.wayId}`)).toEqual(brute.map((e) => `${e.from}-${e.to}@${e.wayId}`));
      core.forEach((e, i) => {
        const r = brute[i]!;
        expect(closeTo(e.meters, r.meters, 1e-9)).toBe(true);
        expect(e.forwardSeconds === null).toBe(r.forwardSeconds === null);
        expect(e.backwardSeconds === null).toBe(r.backwardSeconds === null);
        if (r.forwardSeconds !== null) expect(closeTo(e.forwardSeconds!, r.forwardSeconds, 1e-9)).toBe(true);
        if (r.backwardSeconds !== null) expect(closeTo(e.backwardSeconds!, r.backwardSeconds, 1e-9)).toBe(true);
      });
    }), run(300, 1));
  });

  test('TravelTimeExpander, forward and reverse, bounded or not: node seconds equal the O(V²) Dijkstra', () => {
    fc.assert(fc.property(params, fc.constantFrom<'forward' | 'reverse'>('forward', 'reverse'), fc.boolean(), (p, direction, bounded) => {
      const b = build(p);
      if (!b) return;
      const { bf, net, rnd } = b;
      const seeds = new Map<number, number>();
      for (let i = rnd.int(1, 2); i > 0; i--) seeds.set(rnd.pick(bf.nodeIds), rnd.range(0, 60));
      const budget = bounded ? rnd.range(0, 400) : Infinity;
      net.expander.expand([...seeds].map(([id, s]) => ({ node: nodeIndexOf(net.graph, id), seconds: s, label: 0 })), { direction, budgetSeconds: budget });
      const expected = bf.nodeSeconds(seeds, direction);
      for (const [id, t] of expected) {
        const got = net.expander.seconds[nodeIndexOf(net.graph, id)]!;
        const want = t <= budget ? t : Infinity;
        if (!closeTo(got, want, 1e-9)) throw new Error(`node ${id} (${direction}, budget ${budget}): core ${got}, brute force ${want}`);
      }
    }), run(300, 2));
  });

  test('snapToGraph: the distance of the chosen point is the brute-force minimum (1e-6 relative); none beyond 500 m', () => {
    let snapped = 0, unreachable = 0;
    fc.assert(fc.property(params, (p) => {
      const b = build(p);
      if (!b) return;
      for (let i = 0; i < 40; i++) {
        const q = b.roads.randomPoint(700);
        const core = snapPoint(b.net, q), brute = b.bf.snap(q);
        if (brute && Math.abs(brute.meters - 500) < 1e-6) continue; // on the limit itself
        expect(core === null).toBe(brute === null);
        if (!core || !brute) {
          unreachable++;
          continue;
        }
        snapped++;
        expect(closeTo(core.offRoadMeters, brute.meters, 1e-6)).toBe(true);
        for (const c of core.candidates) expect(closeTo(bfHaversine(q, c.lngLat), brute.meters, 1e-6)).toBe(true);
      }
    }), run(100, 3));
    expect(snapped).toBeGreaterThan(500);
    expect(unreachable).toBeGreaterThan(100);
  });

  test('findNearestByTravelTime: the same resources, seconds and metres, ascending; unreachable ones left out; k per kind', () => {
    let ranked = 0, leftOut = 0;
    fc.assert(fc.property(params, fc.boolean(), fc.integer({ min: 1, max: 8 }), fc.boolean(), (p, withBudget, k, perKind) => {
      const b = build(p);
      if (!b) return;
      const resources = Array.from({ length: 7 }, (_, i) => ({ id: `r${i}`, kind: i % 2 ? 'odd' : 'even', lngLat: b.roads.randomPoint(400) }));
      const incident = b.roads.randomPoint(400);
      const budgetSeconds = withBudget ? b.rnd.range(30, 600) : undefined;
      const answer = findNearestByTravelTime(b.net, incident, snapResources(b.net, resources), { k, perKind, budgetSeconds });
      const reachable = resources
        .map((r) => ({ id: r.id, kind: r.kind, ...b.bf.travel(r.lngLat, [incident])[0]! }))
        .filter((r) => Number.isFinite(r.seconds) && r.seconds <= (budgetSeconds ?? Infinity))
        .sort((x, y) => x.seconds - y.seconds);
      // the k fastest overall, or the k fastest of each kind
      const expected = perKind
        ? reachable.filter((r) => reachable.filter((x) => x.kind === r.kind).indexOf(r) < k)
        : reachable.slice(0, k);
      expect(answer.results.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
      ranked += answer.results.length;
      leftOut += resources.length - answer.results.length;
      for (const r of answer.results) {
        const e = expected.find((x) => x.id === r.id)!;
        if (!(Math.abs(r.seconds - e.seconds) <= 1e-6 * e.seconds + FOOT_SECONDS)) throw new Error(`${r.id}: core ${r.seconds} s, brute force ${e.seconds} s`);
        if (!(Math.abs(r.meters - e.meters) <= 1e-6 * e.meters + FOOT_METERS)) throw new Error(`${r.id}: core ${r.meters} m, brute force ${e.meters} m (${r.seconds} s)`);
      }
      for (let i = 1; i < answer.results.length; i++) expect(answer.results[i]!.seconds).toBeGreaterThanOrEqual(answer.results[i - 1]!.seconds);
      expect(answer.incidentSnap === null).toBe(b.bf.snap(incident) === null);
    }), run(150, 4));
    expect(ranked).toBeGreaterThan(100);
    expect(leftOut).toBeGreaterThan(100);
  });
});

/**
 * Share of sample places that a polygon classifies like the brute-force time, leaving out places
 * within one grid cell of the polygon's boundary (the contour interpolates between cell centres).
 */
function agreement(geometry: GeoJSON.MultiPolygon, samples: Array<[number, number]>, truthInside: boolean[], cellSizeMeters: number) {
  let judged = 0, agree = 0, judgedInside = 0, agreeInside = 0;
  const misses: string[] = [];
  samples.forEach((q, i) => {
    if (distanceToBoundaryMeters(q, geometry) <= cellSizeMeters) return;
    judged++;
    if (truthInside[i]) judgedInside++;
    if (insideMultiPolygon(q, geometry) === truthInside[i]) {
      agree++;
      if (truthInside[i]) agreeInside++;
    } else misses.push(`${q.join(',')} truth ${truthInside[i]}`);
  });
  return { judged, agree, judgedInside, agreeInside, share: judged ? agree / judged : 1, misses };
}

/**
 * Sample places, a third each: uniform over the network and 600 m beyond, in an 800 m square
 * around `centre`, and within 200 m of a random point of a random road (where the boundary is).
 */
function samplePlaces(b: NonNullable<ReturnType<typeof build>>, centre: [number, number], n: number): Array<[number, number]> {
  const { rnd, roads, bf } = b;
  const ky = 111_195, kx = ky * Math.cos((centre[1] * Math.PI) / 180);
  const near = (p: readonly [number, number], r: number): [number, number] => [p[0] + rnd.range(-r, r) / kx, p[1] + rnd.range(-r, r) / ky];
  return Array.from({ length: n }, (_, i) => {
    if (i % 3 === 0) return roads.randomPoint(600);
    if (i % 3 === 1) return near(centre, 400);
    const e = rnd.pick(bf.edges), k = rnd.int(0, e.coords.length - 2), t = rnd.next();
    const a = e.coords[k]!, z = e.coords[k + 1]!;
    return near([a[0] + t * (z[0] - a[0]), a[1] + t * (z[1] - a[1])], 200);
  });
}

/** Across all runs, each class (truly inside, truly outside) must agree ≥ 97 % on its own. */
function expectBothClassesAgree(t: { judged: number; agree: number; judgedInside: number; agreeInside: number }) {
  const outside = t.judged - t.judgedInside, agreeOutside = t.agree - t.agreeInside;
  expect(t.judgedInside).toBeGreaterThan(500);
  expect(outside).toBeGreaterThan(500);
  expect(t.agreeInside / t.judgedInside).toBeGreaterThanOrEqual(0.97);
  expect(agreeOutside / outside).toBeGreaterThanOrEqual(0.97);
}

const totals = () => ({ judged: 0, agree: 0, judgedInside: 0, agreeInside: 0 });
function addTo(t: ReturnType<typeof totals>, a: ReturnType<typeof agreement>) {
  t.judged += a.judged; t.agree += a.agree; t.judgedInside += a.judgedInside; t.agreeInside += a.agreeInside;
}

describe('areas vs brute force on random networks', () => {
  const CELL = 25;

  test('isochrone polygons classify sample places like the spec\'s time (≥ 97 % away from the boundary) and are valid RFC 7946', () => {
    const t = totals();
    fc.assert(fc.property(params, fc.double({ min: 1.5, max: 6, noNaN: true }), (p, minutes) => {
      const b = build(p);
      if (!b) return;
      const source = b.roads.randomPoint(150);
      const { features, unreachableSourceIds } = computeIsochrones(b.net, [{ id: 's', lngLat: source }], { bandsMinutes: [minutes], cellSizeMeters: CELL });
      if (!b.bf.snap(source)) {
        expect(unreachableSourceIds).toEqual(['s']);
        return;
      }
      expect(features.features).toHaveLength(1);
      const geometry = features.features[0]!.geometry;
      expect(rfc7946Problems(geometry)).toEqual([]);
      const samples = samplePlaces(b, source, 300);
      const truth = b.bf.travel(source, samples).map((x) => x.seconds <= minutes * 60);
      const a = agreement(geometry, samples, truth, CELL);
      addTo(t, a);
      if (a.share < 0.97) throw new Error(`agreement ${a.agree}/${a.judged}; misses: ${a.misses.slice(0, 5).join('; ')}`);
    }), run(40, 5));
    console.log('isochrone samples', JSON.stringify(t));
    expectBothClassesAgree(t);
  });

  test('coverage of several sources: the union classifies like the fastest source, catchments are valid RFC 7946', () => {
    const t = totals();
    fc.assert(fc.property(params, (p) => {
      const b = build(p);
      if (!b) return;
      const sources = Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, lngLat: b.roads.randomPoint(100) }));
      const minutes = 3;
      const answer = computeCoverage(b.net, sources, { bandsMinutes: [minutes], cellSizeMeters: CELL });
      expect(answer.unreachableSourceIds).toEqual(sources.filter((s) => !b.bf.snap(s.lngLat)).map((s) => s.id));
      if (answer.covered.features.length === 0) return;
      const union = answer.covered.features[0]!.geometry;
      expect(rfc7946Problems(union)).toEqual([]);
      for (const f of answer.catchments.features) expect(rfc7946Problems(f.geometry)).toEqual([]);
      const samples = samplePlaces(b, sources[0]!.lngLat, 240);
      const times = sources.map((s) => b.bf.travel(s.lngLat, samples));
      const truth = samples.map((_, i) => Math.min(...times.map((x) => x[i]!.seconds)) <= minutes * 60);
      const a = agreement(union, samples, truth, CELL);
      addTo(t, a);
      if (a.share < 0.97) throw new Error(`agreement ${a.agree}/${a.judged}; misses: ${a.misses.slice(0, 5).join('; ')}`);
    }), run(25, 6));
    console.log('coverage samples', JSON.stringify(t));
    expectBothClassesAgree(t);
  });
});
