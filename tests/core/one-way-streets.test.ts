/**
 * Direction rules of road-network.md on a hand-drawn block (one character = 100 m):
 *
 *     A-------B        AB: 800 m, tagged per case
 *     |       |        BC, DA: 200 m residential (25 km/h)
 *     D-------C        CD: 800 m residential
 *
 * A→B along AB at 60 km/h is 48 s; the detour B→C→D→A (1200 m at 25 km/h) is 172.8 s.
 */
import { describe, expect, test } from 'vitest';
import {
  computeIsochrones, EMERGENCY_DEFAULT_PROFILE, findNearestByTravelTime, roadNetworkFromRaw, snapResources,
  type RawRoads,
} from '../../src/core/index';
import { asciiGraph } from '../helpers/ascii-graph';
import { BruteForceRoads } from '../helpers/brute-force';
import { polygonUnionTester } from '../helpers/score';
import { expandFrom } from './support/core-access';

const BLOCK = `
  A-------B
  |       |
  D-------C
`;
const kmh = (v: number) => v / 3.6;
const PRIMARY_AB = 800 / kmh(60); // 48 s
const MOTORWAY_AB = 800 / kmh(90); // 32 s
const DETOUR = 1200 / kmh(25); // 172.8 s

function block(ab: { nodes: string; tags: Record<string, string> }) {
  return asciiGraph(BLOCK, [{ ...ab, id: 1 }, { nodes: 'BC', id: 2 }, { nodes: 'CD', id: 3 }, { nodes: 'DA', id: 4 }]);
}

/** Resource at `from`, incident at `to`: the ranking's seconds (resource → incident). */
function nearestSeconds(raw: RawRoads, from: readonly [number, number], to: readonly [number, number]): number {
  const net = roadNetworkFromRaw(raw);
  const res = findNearestByTravelTime(net, to, snapResources(net, [{ id: 'r', kind: 'k', lngLat: from }]), { k: 1 });
  return res.results[0]?.seconds ?? Infinity;
}

const cases: Array<[string, { nodes: string; tags: Record<string, string> }, number, number]> = [
  ['two-way primary', { nodes: 'AB', tags: { highway: 'primary' } }, PRIMARY_AB, PRIMARY_AB],
  ['oneway=yes', { nodes: 'AB', tags: { highway: 'primary', oneway: 'yes' } }, PRIMARY_AB, DETOUR],
  ['oneway=true', { nodes: 'AB', tags: { highway: 'primary', oneway: 'true' } }, PRIMARY_AB, DETOUR],
  ['oneway=1', { nodes: 'AB', tags: { highway: 'primary', oneway: '1' } }, PRIMARY_AB, DETOUR],
  ['oneway=-1 drawn B→A (travel A→B only)', { nodes: 'BA', tags: { highway: 'primary', oneway: '-1' } }, PRIMARY_AB, DETOUR],
  ['oneway=reverse drawn B→A', { nodes: 'BA', tags: { highway: 'primary', oneway: 'reverse' } }, PRIMARY_AB, DETOUR],
  ['oneway=-1 drawn A→B (travel B→A only)', { nodes: 'AB', tags: { highway: 'primary', oneway: '-1' } }, DETOUR, PRIMARY_AB],
  ['oneway=no', { nodes: 'AB', tags: { highway: 'primary', oneway: 'no' } }, PRIMARY_AB, PRIMARY_AB],
  ['junction=roundabout implies oneway', { nodes: 'AB', tags: { highway: 'primary', junction: 'roundabout' } }, PRIMARY_AB, DETOUR],
  ['junction=roundabout + oneway=no is two-way', { nodes: 'AB', tags: { highway: 'primary', junction: 'roundabout', oneway: 'no' } }, PRIMARY_AB, PRIMARY_AB],
  ['motorway implies oneway', { nodes: 'AB', tags: { highway: 'motorway' } }, MOTORWAY_AB, DETOUR],
  ['motorway + oneway=no is two-way', { nodes: 'AB', tags: { highway: 'motorway', oneway: 'no' } }, MOTORWAY_AB, MOTORWAY_AB],
  ['motorway + oneway=-1 runs against the drawing', { nodes: 'AB', tags: { highway: 'motorway', oneway: '-1' } }, DETOUR, MOTORWAY_AB],
  ['motorway_link is not implied oneway', { nodes: 'AB', tags: { highway: 'motorway_link' } }, 800 / kmh(45), 800 / kmh(45)],
];

describe('direction rules: A→B and B→A on the block', () => {
  test.each(cases)('%s', (_name, ab, aToB, bToA) => {
    const g = block(ab);
    const net = roadNetworkFromRaw(g.raw);
    // Node search, forward from A and from B.
    expect(expandFrom(net, [g.nodeId('A')], 'forward').get(g.nodeId('B'))).toBeCloseTo(aToB, 6);
    expect(expandFrom(net, [g.nodeId('B')], 'forward').get(g.nodeId('A'))).toBeCloseTo(bToA, 6);
    // Reverse search from B answers "who reaches B": A needs aToB.
    expect(expandFrom(net, [g.nodeId('B')], 'reverse').get(g.nodeId('A'))).toBeCloseTo(aToB, 6);
    // Through the public ranking (points exactly on the nodes: no off-road leg).
    expect(nearestSeconds(g.raw, g.at('A'), g.at('B'))).toBeCloseTo(aToB, 6);
    expect(nearestSeconds(g.raw, g.at('B'), g.at('A'))).toBeCloseTo(bToA, 6);
    // The brute-force reference agrees with the hand answer.
    const bf = new BruteForceRoads(g.raw, EMERGENCY_DEFAULT_PROFILE);
    expect(bf.travel(g.at('A'), [g.at('B')])[0]!.seconds).toBeCloseTo(aToB, 6);
    expect(bf.travel(g.at('B'), [g.at('A')])[0]!.seconds).toBeCloseTo(bToA, 6);
  });
});

describe('nearest ranks by resource → incident, not incident → resource', () => {
  const g = block({ nodes: 'AB', tags: { highway: 'primary', oneway: 'yes' } });
  const net = roadNetworkFromRaw(g.raw);
  const resources = snapResources(net, [
    { id: 'at-A', kind: 'fire', lngLat: g.at('A') },
    { id: 'at-D', kind: 'fire', lngLat: g.at('D') },
  ]);

  test('incident at B: A comes first (48 s) although B→A is the longer trip', () => {
    // A→B: 48 s on the one-way. D→B: D→A 200 m (28.8 s) + 48 s = 76.8 s (D→C→B would be 144 s).
    // The other way round B→A = 172.8 s and B→D = B→C→D = 1000 m = 144 s would rank D first.
    const { results } = findNearestByTravelTime(net, g.at('B'), resources, { k: 5 });
    expect(results.map((r) => r.id)).toEqual(['at-A', 'at-D']);
    expect(results[0]!.seconds).toBeCloseTo(48, 6);
    expect(results[1]!.seconds).toBeCloseTo(200 / kmh(25) + 48, 6);
    expect(results[0]!.meters).toBeCloseTo(800, 4);
    expect(results[1]!.meters).toBeCloseTo(1000, 4);
    expect(results[1]!.straightLineMeters).toBeCloseTo(Math.hypot(800, 200), 0);
    // and the reverse trips really are the other way round
    const bf = new BruteForceRoads(g.raw, EMERGENCY_DEFAULT_PROFILE);
    const [toA, toD] = bf.travel(g.at('B'), [g.at('A'), g.at('D')]);
    expect(toA!.seconds).toBeCloseTo(172.8, 6);
    expect(toD!.seconds).toBeCloseTo(1000 / kmh(25), 6);
  });

  test('isochrones are resource → place: from A, B is within 1 min; from B, A is not', () => {
    const { features } = computeIsochrones(net, [{ id: 'A', lngLat: g.at('A') }, { id: 'B', lngLat: g.at('B') }], { bandsMinutes: [1], cellSizeMeters: 20 });
    const fromA = polygonUnionTester(features.features.filter((f) => f.properties.sourceId === 'A'));
    const fromB = polygonUnionTester(features.features.filter((f) => f.properties.sourceId === 'B'));
    // 20 m south of B, on BC: A→B 48 s + 20 m of BC 2.88 s = 50.9 s ≤ 60 s
    expect(fromA(g.offset('B', 0, -20))).toBe(true);
    // 20 m east of A on AB: from B it is B→C→D→A→(20 m) = 175.7 s
    expect(fromB(g.offset('A', 20, 0))).toBe(false);
    // from B within 60 s: down BC (200 m, 28.8 s) and 200 m along CD (28.8 s) → 57.6 s
    expect(fromB(g.offset('C', -150, 0))).toBe(true);
  });
});

describe('a roundabout with two spokes', () => {
  // Ring A→B→C→D→A (junction=roundabout, 400+200+400+200 = 1200 m), spokes EA and BF (400 m).
  const drawing = `
    E---A---B---F
        |   |
        D---C
  `;
  const spokes = ['EA', 'BF'];

  test('E→F uses the ring along its direction (1200 m), F→E must go round (1600 m)', () => {
    const g = asciiGraph(drawing, [{ nodes: 'ABCDA', tags: { highway: 'residential', junction: 'roundabout' } }, ...spokes]);
    const net = roadNetworkFromRaw(g.raw);
    expect(expandFrom(net, [g.nodeId('E')], 'forward').get(g.nodeId('F'))).toBeCloseTo(1200 / kmh(25), 6);
    expect(expandFrom(net, [g.nodeId('F')], 'forward').get(g.nodeId('E'))).toBeCloseTo(1600 / kmh(25), 6); // F→B→C→D→A→E
    // D is reached along the ring only: from A via B and C = 400 + 200 + 400 = 1000 m (not 200 m back)
    expect(nearestSeconds(g.raw, g.at('A'), g.at('D'))).toBeCloseTo(1000 / kmh(25), 6);
  });

  test('with oneway=no the ring is two-way: F→E is 1200 m too', () => {
    const g = asciiGraph(drawing, [{ nodes: 'ABCDA', tags: { highway: 'residential', junction: 'roundabout', oneway: 'no' } }, ...spokes]);
    const net = roadNetworkFromRaw(g.raw);
    expect(expandFrom(net, [g.nodeId('F')], 'forward').get(g.nodeId('E'))).toBeCloseTo(1200 / kmh(25), 6);
    expect(nearestSeconds(g.raw, g.at('A'), g.at('D'))).toBeCloseTo(200 / kmh(25), 6);
  });
});
