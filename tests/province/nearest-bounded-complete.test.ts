/**
 * The bounded nearest search lists what it did not reach (issue 6: resources that cannot reach the
 * incident, or are off the road network, are listed as such, never hidden). On a hand-drawn graph
 * against the unbounded search: the same ranking for what is reached within the limit, and every
 * other resource listed apart — beyond the limit (farther, or on a road that does not lead to the
 * incident: a bounded search cannot tell which) or off the network.
 */
import { describe, expect, test } from 'vitest';
import { buildRoadGraph, createRoadNetwork, findNearestByTravelTime, findNearestWithinBudgets, snapResources } from '../../src/core/index';
import { asciiGraph } from '../helpers/ascii-graph';

// 100 m a character. The incident is at A; C and D are close, E 3.2 km down the same road;
// F–G is an island no road joins; the last resource is 2 km from every road.
const g = asciiGraph(`
  A---B---C---D---------------------------E

  F---G
`, ['ABCDE', 'FG']);
const net = createRoadNetwork(buildRoadGraph(g.raw));
const incident = g.offset('A', 20, 0);
const resources = snapResources(net, [
  { id: 'near-B', kind: 'fire_station', lngLat: g.offset('B', 0, 30) },
  { id: 'near-D', kind: 'fire_station', lngLat: g.offset('D', 0, 30) },
  { id: 'far-E', kind: 'fire_station', lngLat: g.offset('E', 0, 30) },
  { id: 'island-F', kind: 'fire_station', lngLat: g.offset('F', 0, -30) },
  { id: 'off-road', kind: 'fire_station', lngLat: g.offset('A', 0, -2000) },
  { id: 'shelter-C', kind: 'shelter', lngLat: g.offset('C', 0, 20) },
  { id: 'shelter-E', kind: 'shelter', lngLat: g.offset('E', 0, -20) },
  { id: 'shelter-G', kind: 'shelter', lngLat: g.offset('G', 0, 20) },
]);

describe('findNearestWithinBudgets lists what the bounded search did not reach', () => {
  const everyone = findNearestByTravelTime(net, incident, resources, { k: 100 });
  const secondsOf = new Map(everyone.results.map((r) => [r.id, r.seconds]));
  // a limit between the close ones and E (read from the unbounded answer, checked below)
  const budget = (Math.max(secondsOf.get('near-D')!, secondsOf.get('shelter-C')!) + secondsOf.get('far-E')!) / 2;

  test('the drawing is what the test means', () => {
    expect(everyone.unreachableIds.sort()).toEqual(['island-F', 'shelter-G']);
    expect(everyone.offNetworkIds).toEqual(['off-road']);
    expect(everyone.beyondBudgetIds).toEqual([]);
    expect(secondsOf.get('far-E')!).toBeGreaterThan(budget);
    expect(secondsOf.get('shelter-E')!).toBeGreaterThan(budget);
  });

  for (const [k, perKind] of [[1, true], [1, false], [2, false]] as const) {
    test(`k = ${k}, ${perKind ? 'per kind' : 'overall'}: same ranking within the limit, the rest listed apart`, () => {
      const exact = findNearestByTravelTime(net, incident, resources, { k, perKind, withRoutes: true });
      const fast = findNearestWithinBudgets(net, incident, resources, { k, perKind, withRoutes: true }, [budget]);
      expect(fast.boundedSeconds).toBe(budget);
      expect(fast.results.map((r) => [r.id, r.seconds, r.route])).toEqual(exact.results.map((r) => [r.id, r.seconds, r.route]));
      expect(fast.offNetworkIds).toEqual(['off-road']);
      // a bounded search cannot tell no road from far: both are "not reached within the limit"
      expect(fast.unreachableIds).toEqual([]);
      expect(fast.beyondBudgetIds).toEqual(['far-E', 'island-F', 'shelter-E', 'shelter-G']);
      // what the unbounded search times beyond the limit, or cannot reach at all, is exactly that list
      const beyond = [...everyone.results.filter((r) => r.seconds > budget).map((r) => r.id), ...everyone.unreachableIds];
      expect([...fast.beyondBudgetIds].sort()).toEqual(beyond.sort());
      // nothing is hidden: every resource is ranked, reached within the limit, or listed apart
      const reachedWithin = everyone.results.filter((r) => r.seconds <= budget).map((r) => r.id);
      const told = new Set([...fast.results.map((r) => r.id), ...reachedWithin, ...fast.beyondBudgetIds, ...fast.offNetworkIds]);
      expect([...told].sort()).toEqual(resources.map((r) => r.id).sort());
    });
  }

  test('when a kind has fewer than k within the limit, the unbounded answer tells no road from far', () => {
    const a = findNearestWithinBudgets(net, incident, resources, { k: 3, perKind: true }, [budget]);
    expect(a.boundedSeconds).toBeNull();
    expect(a.beyondBudgetIds).toEqual([]);
    expect(a.unreachableIds).toEqual(['island-F', 'shelter-G']);
    expect(a.results.map((r) => r.id)).toEqual(findNearestByTravelTime(net, incident, resources, { k: 3, perKind: true }).results.map((r) => r.id));
  });
});
