/**
 * The province's nearest search (findNearestWithinBudgets): bounded searches, kept only when every
 * kind has its k nearest within the limit, give exactly the unbounded answer (ids in order, times,
 * routes), on a seeded synthetic network with many resources and seeded incidents.
 */
import { describe, expect, test } from 'vitest';
import { generateSyntheticRoads } from '../../bench/synthetic-roads';
import { buildRoadGraph, createRoadNetwork, findNearestByTravelTime, findNearestWithinBudgets, snapResources } from '../../src/core/index';
import { withinReach } from '../../src/core/routing/nearest-within-budgets';
import { seededRandom } from '../helpers/seeded-random';

const { raw, bbox } = generateSyntheticRoads({ rows: 40, cols: 60, seed: 31 });
const net = createRoadNetwork(buildRoadGraph(raw));
const rng = seededRandom(4242);
const at = (): [number, number] => [rng.range(bbox[0], bbox[2]), rng.range(bbox[1], bbox[3])];
const KINDS = ['fire_station', 'rescue_team', 'depot', 'shelter'];
// a few of one kind (fewer than k near most incidents), many of the others
const resources = snapResources(net, Array.from({ length: 900 }, (_, i) => ({ id: `R${i}`, kind: i < 12 ? 'fire_station' : KINDS[1 + (i % 3)]!, lngLat: at() })));

describe('findNearestWithinBudgets equals the unbounded search', () => {
  test('60 seeded incidents, per kind and overall, k = 1, 5, 20, budgets 60 s / 300 s', () => {
    let bounded = 0, unbounded = 0;
    for (let i = 0; i < 60; i++) {
      const incident = at();
      let all: ReturnType<typeof findNearestByTravelTime> | undefined;
      for (const [k, perKind] of [[5, true], [1, true], [20, false], [20, true]] as const) {
        const exact = findNearestByTravelTime(net, incident, resources, { k, perKind, withRoutes: true });
        const fast = findNearestWithinBudgets(net, incident, resources, { k, perKind, withRoutes: true }, [60, 300]);
        expect(fast.results.map((r) => r.id)).toEqual(exact.results.map((r) => r.id));
        fast.results.forEach((r, j) => {
          expect(r.seconds).toBeCloseTo(exact.results[j]!.seconds, 9);
          expect(r.route).toEqual(exact.results[j]!.route);
        });
        expect(fast.offNetworkIds).toEqual(exact.offNetworkIds);
        if (fast.boundedSeconds === null) {
          unbounded++;
          expect(fast.unreachableIds).toEqual(exact.unreachableIds);
        } else {
          bounded++;
          // what it did not reach is listed: exactly those the unbounded search times beyond the limit or cannot reach
          all ??= findNearestByTravelTime(net, incident, resources, { k: resources.length });
          const beyond = [...all.results.filter((r) => r.seconds > fast.boundedSeconds!).map((r) => r.id), ...all.unreachableIds];
          expect([...fast.beyondBudgetIds].sort()).toEqual(beyond.sort());
          // in candidate order
          const beyondSet = new Set(beyond);
          expect(fast.beyondBudgetIds).toEqual(resources.filter((r) => beyondSet.has(r.id)).map((r) => r.id));
        }
      }
    }
    // both paths are exercised: the 12 fire stations often need the unbounded search
    expect(bounded).toBeGreaterThan(20);
    expect(unbounded).toBeGreaterThan(5);
  });

  test('the straight-line reach leaves out only candidates that cannot arrive within the limit (against the unbounded times), and does leave some out', () => {
    let left = 0;
    for (let i = 0; i < 40; i++) {
      const incident = at();
      const all = findNearestByTravelTime(net, incident, resources, { k: resources.length });
      for (const budget of [60, 120, 300]) {
        const near = new Set(withinReach(net, incident, resources, budget));
        for (const r of all.results) if (r.seconds <= budget) expect(near.has(resources.find((x) => x.id === r.id)!), `${r.id} at ${r.seconds} s`).toBe(true);
        for (const r of resources) if (!r.snap) expect(near.has(r)).toBe(true);
        left += resources.length - near.size;
      }
    }
    expect(left).toBeGreaterThan(1000);
  });

  test('an incident off the network: no search, the same answer', () => {
    const far: [number, number] = [bbox[0] - 0.5, bbox[1] - 0.5];
    const a = findNearestWithinBudgets(net, far, resources, { k: 5, perKind: true });
    expect(a.incidentSnap).toBeNull();
    expect(a.results).toEqual([]);
  });
});
