/**
 * The planner's worker session on the demo (in Node, with HiGHS): figures agree with the core run
 * directly and with the spec's direction of travel; a what-if station adds exactly what the
 * suggestion promised; a what-if shelter places exactly what the siting promised; closures only
 * lower coverage.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { findNearestByTravelTime, snapResources } from '../../src/core';
import type { PlannerSession } from '../../src/workers/planner-session';
import { demoPlannerInputs, demoPlannerSession } from '../helpers/demo-planner';

let s: PlannerSession;
const inputs = demoPlannerInputs();
beforeAll(() => { s = demoPlannerSession(); });

const base = { kinds: ['fire_station', 'rescue_team'], budgetMinutes: 15, turnoutMinutes: 1 };
const shelterBase = { share: null, typhoonSafeOnly: false, maxWalkMinutes: 30 };

describe('planner session on the demo', () => {
  test('the demo inputs: 290 villages with 18,000 people who must move, active shelters, stations', () => {
    expect(inputs.villages).toHaveLength(290);
    expect(inputs.villages.reduce((a, v) => a + v.mustMove, 0)).toBe(18000);
    expect(inputs.shelters.length).toBeGreaterThan(150);
    expect(inputs.stations.some((x) => x.kind === 'fire_station')).toBe(true);
  });

  test('adding the first suggested station raises covered population by exactly its marginal population', async () => {
    const before = s.coverage(base).rollUp.total.coveredPopulation;
    const sug = await s.suggestStations({ ...base, p: 3 });
    expect(sug.baseCoveredPopulation).toBe(before);
    expect(sug.exact.addedPopulation).toBeGreaterThanOrEqual(sug.greedy.addedPopulation);
    const first = sug.greedy.chosen[0]!;
    const site = inputs.villages.find((v) => v.id === sug.greedy.chosenIds[0])!;
    const after = s.coverage({ ...base, sites: [{ id: 'whatif-1', lngLat: site.lngLat }] }).rollUp.total.coveredPopulation;
    expect(after - before).toBe(first.marginalPopulation);
    const all = s.coverage({ ...base, sites: sug.exact.chosenIds.map((id, i) => ({ id: `w${i}`, lngLat: inputs.villages.find((v) => v.id === id)!.lngLat })) });
    expect(all.rollUp.total.coveredPopulation - before).toBe(sug.exact.addedPopulation);
  });

  test('walking times are village → shelter: the matrix column equals a reverse search from the shelter', async () => {
    const f = await s.shelterFigures(shelterBase);
    const j = 5, shelter = inputs.shelters.filter((x) => x.active)[j]!;
    expect(f.shelterIds[j]).toBe(shelter.id);
    const villagesAsResources = snapResources(s.walk, inputs.villages.map((v) => ({ id: v.id, kind: 'village', lngLat: v.lngLat })));
    const rev = findNearestByTravelTime(s.walk, shelter.lngLat, villagesAsResources, { k: 1000 });
    const byId = new Map(rev.results.map((r) => [r.id, r.seconds]));
    let compared = 0;
    f.villages.forEach((v) => {
      const flow = v.flows.find((x) => x.shelterId === shelter.id);
      if (flow) { expect(flow.seconds).toBeCloseTo(byId.get(v.id)!, 6); compared++; }
      if (v.nearestShelterId === shelter.id) { expect(v.nearestSeconds!).toBeCloseTo(byId.get(v.id)!, 6); compared++; }
    });
    expect(compared).toBeGreaterThan(0);
  });

  test('shelter figures: capacity never exceeded, capacity-aware places at least as many within the walk as nearest', async () => {
    const f = await s.shelterFigures(shelterBase);
    f.capacityAware.load.forEach((l, i) => expect(l).toBeLessThanOrEqual(f.capacity[i]! + 1e-6));
    f.nearest.load.forEach((l, i) => expect(l).toBeLessThanOrEqual(f.capacity[i]! + 1e-6));
    const nearestWithin = f.villages.reduce((a, v) => a + (v.nearestSeconds !== null && v.nearestSeconds <= f.maxWalkSeconds ? v.nearestPlaced : 0), 0);
    expect(f.capacityAware.placed).toBeGreaterThanOrEqual(nearestWithin - 1e-6);
    expect(f.capacityAware.placed + f.capacityAware.unplaced).toBeCloseTo(18000, 6);
  });

  test('a what-if shelter of the suggested site places exactly the people the siting promised', async () => {
    const sug = await s.suggestShelters({ ...shelterBase, capacity: 500, p: 2 });
    expect(sug.exact.addedPeople).toBeGreaterThanOrEqual(sug.greedy.addedPeople);
    const before = (await s.shelterFigures(shelterBase)).capacityAware.placed;
    const site = inputs.villages.find((v) => v.id === sug.greedy.chosenIds[0])!;
    const after = (await s.shelterFigures({ ...shelterBase, newShelters: [{ id: 'new-1', lngLat: site.lngLat, capacity: 500 }] })).capacityAware.placed;
    expect(after - before).toBeCloseTo(sug.greedy.chosen[0]!.marginalPeople, 6);
  });

  test('storm: a flood polygon over the county seat lowers coverage and cuts shelters off', async () => {
    const seat = inputs.villages[0]!.lngLat;
    const d = 0.02;
    const flood = { type: 'Polygon' as const, coordinates: [[[seat[0] - d, seat[1] - d], [seat[0] + d, seat[1] - d], [seat[0] + d, seat[1] + d], [seat[0] - d, seat[1] + d], [seat[0] - d, seat[1] - d]]] };
    const before = s.coverage(base).rollUp;
    const after = s.coverage({ ...base, barriers: { floodPolygons: [flood] } }).rollUp;
    expect(after.total.coveredPopulation).toBeLessThan(before.total.coveredPopulation);
    after.places.forEach((p, i) => { if (p.covered) expect(before.places[i]!.covered).toBe(true); });
    const cut = await s.cutOff({ ...shelterBase, barriers: { floodPolygons: [flood] } });
    expect(cut.length).toBeGreaterThan(0);
  });
});
