/**
 * Village coverage and the township roll-up against a brute force: the spec's time of every place
 * from every source by the reference of tests/helpers/brute-force.ts (no shared code), plus the
 * turnout time, compared with the budget; populations summed by hand per group.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bestTimesToPlaces, EMERGENCY_DEFAULT_PROFILE, rollUpCoverage, roadNetworkFromRaw, closedEdgesFromBarriers, type PopulatedPlace } from '../../../src/core/index';
import { asciiGraph } from '../../helpers/ascii-graph';
import { BruteForceRoads } from '../../helpers/brute-force';
import { seededRandom } from '../../helpers/seeded-random';
import { randomRoads } from '../support/random-roads';

function bruteRollUp(bf: BruteForceRoads, sources: Array<{ id: string; lngLat: [number, number] }>, places: PopulatedPlace[], budget: number, turnout: number, open?: (e: never) => boolean) {
  const times = places.map((p) => {
    let best = Infinity, by: string | undefined;
    for (const s of sources) {
      const t = bf.travel(s.lngLat, [p.lngLat as [number, number]], open as never)[0]!.seconds;
      if (t < best) { best = t; by = s.id; }
    }
    return { seconds: best, by };
  });
  const groups = new Map<string, { population: number; coveredPopulation: number }>();
  let population = 0, coveredPopulation = 0;
  places.forEach((p, i) => {
    const g = groups.get(p.group) ?? { population: 0, coveredPopulation: 0 };
    groups.set(p.group, g);
    const covered = times[i]!.seconds + turnout <= budget;
    g.population += p.population;
    population += p.population;
    if (covered) { g.coveredPopulation += p.population; coveredPopulation += p.population; }
  });
  return { times, groups, population, coveredPopulation };
}

describe('coverage roll-up vs brute force', () => {
  // 100 m per character; residential roads at 30 km/h (12 s per 100 m), a one-way primary.
  const g = asciiGraph(`
    A-------B-------C
    |       |       |
    D-------E       F-------G
                            |
    H-----------------------I
  `, [
    'ABC', 'AD', 'DE', 'BE', 'CF', { nodes: 'FG', tags: { highway: 'primary', oneway: 'yes' } }, 'GI', { nodes: 'HI', tags: { highway: 'track' } },
  ]);
  const net = roadNetworkFromRaw(g.raw);
  const bf = new BruteForceRoads(g.raw, EMERGENCY_DEFAULT_PROFILE);
  const sources = [{ id: 'S1', lngLat: g.offset('A', 30, 20) }, { id: 'S2', lngLat: g.offset('G', -40, -10) }];
  const places: PopulatedPlace[] = [
    { id: 'p1', lngLat: g.offset('B', 10, -30), population: 120, group: 'T1' },
    { id: 'p2', lngLat: g.offset('E', -50, 15), population: 300, group: 'T1' },
    { id: 'p3', lngLat: g.offset('F', 20, 5), population: 80, group: 'T2' },
    { id: 'p4', lngLat: g.offset('H', 200, -20), population: 45, group: 'T2' },
    { id: 'p5', lngLat: g.offset('H', 0, -900), population: 999, group: 'T3' }, // 900 m from any road: unreachable
    { id: 'p6', lngLat: g.offset('C', 0, 0), population: 60, group: 'T1' },
  ];

  test.each([
    [60, 0], [120, 0], [120, 30], [240, 60], [600, 60], [5, 0],
  ])('budget %d s, turnout %d s: every place and every township as the brute force', (budget, turnout) => {
    const times = bestTimesToPlaces(net, sources, places);
    const r = rollUpCoverage(places, times, sources.map((s) => s.id), budget, turnout);
    const ref = bruteRollUp(bf, sources, places, budget, turnout);
    r.places.forEach((p, i) => {
      const t = ref.times[i]!;
      if (t.seconds === Infinity) {
        expect(p.seconds).toBeNull();
        expect(p.covered).toBe(false);
      } else {
        expect(p.seconds! - turnout).toBeCloseTo(t.seconds, 6);
        expect(p.sourceId).toBe(t.by);
        expect(p.covered).toBe(t.seconds + turnout <= budget);
      }
    });
    for (const grp of r.groups) {
      expect(grp.population).toBe(ref.groups.get(grp.group)!.population);
      expect(grp.coveredPopulation).toBe(ref.groups.get(grp.group)!.coveredPopulation);
    }
    expect(r.total.population).toBe(ref.population);
    expect(r.total.coveredPopulation).toBe(ref.coveredPopulation);
    expect(r.total.population).toBe(1604);
  });

  test('a closure lowers coverage exactly as the brute force with that road removed', () => {
    const closed = closedEdgesFromBarriers(net.graph, net.index, { wayIds: [1] }); // A-B-C closed
    const times = bestTimesToPlaces(net, sources, places, { closedEdges: closed });
    const r = rollUpCoverage(places, times, ['S1', 'S2'], 240, 0);
    const ref = bruteRollUp(bf, sources, places, 240, 0, ((e: { wayId: number }) => e.wayId !== 1) as never);
    expect(r.total.coveredPopulation).toBe(ref.coveredPopulation);
    expect(r.places.map((p) => p.covered)).toEqual(ref.times.map((t) => t.seconds <= 240));
  });

  test('random networks: covered places and group sums equal the brute force', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 120 }), (seed, turnout) => {
      const roads = randomRoads({ seed, cols: 4, rows: 4, ways: 10, islands: seed % 2 === 0 });
      let n;
      try { n = roadNetworkFromRaw(roads.raw); } catch { return; }
      const rb = new BruteForceRoads(roads.raw, EMERGENCY_DEFAULT_PROFILE);
      const rnd = seededRandom(seed);
      const srcs = Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, lngLat: roads.randomPoint(300) }));
      const pls = Array.from({ length: 8 }, (_, i): PopulatedPlace => ({ id: `v${i}`, lngLat: roads.randomPoint(400), population: rnd.int(0, 500), group: `g${i % 3}` }));
      const budget = rnd.range(30, 400);
      const r = rollUpCoverage(pls, bestTimesToPlaces(n, srcs, pls), srcs.map((s) => s.id), budget, turnout);
      const ref = bruteRollUp(rb, srcs, pls, budget, turnout);
      r.places.forEach((p, i) => {
        const t = ref.times[i]!.seconds;
        if (t === Infinity) { expect(p.seconds).toBeNull(); return; }
        expect(Math.abs(p.seconds! - turnout - t)).toBeLessThan(0.05); // the snap foot: see brute-force-properties
        if (Math.abs(t + turnout - budget) > 0.05) expect(p.covered).toBe(t + turnout <= budget);
      });
      const nearBudget = ref.times.some((t) => Math.abs(t.seconds + turnout - budget) <= 0.05);
      if (!nearBudget) {
        expect(r.total.coveredPopulation).toBe(ref.coveredPopulation);
        for (const grp of r.groups) expect(grp.coveredPopulation).toBe(ref.groups.get(grp.group)!.coveredPopulation);
      }
    }), { numRuns: 60, seed: 7, endOnFailure: true });
  });
});
