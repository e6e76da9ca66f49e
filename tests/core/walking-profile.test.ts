/**
 * The `walking` profile of road-network.md on a hand-drawn block (one character = 100 m):
 *
 *     A-------B        AB: 800 m primary, oneway=yes (walkable both ways on foot)
 *     |       |        BC: 200 m footway (not a road for driving)
 *     D-------C        CD: 800 m motorway (not walkable), DA: 200 m steps
 *
 * On foot every walkable way runs both ways at its class speed: B→A along AB is 800 m at 4.5 km/h.
 */
import { describe, expect, test } from 'vitest';
import { findNearestByTravelTime, getSpeedProfile, roadNetworkFromRaw, snapResources, WALKING_PROFILE } from '../../src/core/index';
import { asciiGraph } from '../helpers/ascii-graph';
import { BruteForceRoads } from '../helpers/brute-force';
import { expandFrom } from './support/core-access';

const g = asciiGraph(
  `
  A-------B
  |       |
  D-------C
`,
  [
    { nodes: 'AB', tags: { highway: 'primary', oneway: 'yes' }, id: 1 },
    { nodes: 'BC', tags: { highway: 'footway' }, id: 2 },
    { nodes: 'CD', tags: { highway: 'motorway' }, id: 3 },
    { nodes: 'DA', tags: { highway: 'steps' }, id: 4 },
  ],
);
const walkSeconds = (meters: number, kmh: number) => meters / (kmh / 3.6);

describe('walking profile', () => {
  const net = roadNetworkFromRaw(g.raw, WALKING_PROFILE);

  test('is known by name and matches the spec file', () => {
    expect(getSpeedProfile('walking')).toBe(WALKING_PROFILE);
    expect(WALKING_PROFILE.offRoadKmh).toBe(3);
    expect(WALKING_PROFILE.onewayApplies).toBe(false);
    expect(() => getSpeedProfile('constructor')).toThrow(/unknown speed profile "constructor"/);
    expect(() => getSpeedProfile('__proto__')).toThrow(/unknown speed profile/);
  });

  test('one-way tags do not apply, footways and steps are walkable, motorways are not', () => {
    expect(net.graph.edgeCount).toBe(3); // AB, BC, DA: the motorway is dropped
    expect(expandFrom(net, [g.nodeId('B')], 'forward').get(g.nodeId('A'))).toBeCloseTo(walkSeconds(800, 4.5), 6);
    expect(expandFrom(net, [g.nodeId('A')], 'forward').get(g.nodeId('B'))).toBeCloseTo(walkSeconds(800, 4.5), 6);
    // C → D: via B and A (footway 200 + AB 800 + steps 200), never along the motorway.
    const cToD = walkSeconds(200, 4.5) + walkSeconds(800, 4.5) + walkSeconds(200, 2);
    expect(expandFrom(net, [g.nodeId('C')], 'forward').get(g.nodeId('D'))).toBeCloseTo(cToD, 4);
  });

  test('ranking and the brute force agree, with the 3 km/h off-road leg', () => {
    const from = [g.at('B')[0], g.at('B')[1] + 50 / 111_195] as const; // 50 m north of B
    const res = findNearestByTravelTime(net, g.at('A'), snapResources(net, [{ id: 's', kind: 'shelter', lngLat: from }]), { k: 1 });
    const bf = new BruteForceRoads(g.raw, WALKING_PROFILE).travel(from, [g.at('A')])[0]!.seconds;
    expect(res.results[0]!.seconds).toBeCloseTo(bf!, 3);
    expect(res.results[0]!.seconds).toBeCloseTo(walkSeconds(50, 3) + walkSeconds(800, 4.5), 0);
  });
});
