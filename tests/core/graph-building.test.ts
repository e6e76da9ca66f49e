/**
 * The graph of road-network.md on hand-drawn roads (one character = 100 m): where ways split,
 * cuts at missing nodes, collapsed refs, which ways are roads, lengths and seconds. Every expected
 * value is worked out by hand from the drawing; the brute-force reference is held to the same
 * answers, since the property tests trust it.
 */
import { describe, expect, test } from 'vitest';
import { buildRoadGraph, CoreError, EMERGENCY_DEFAULT_PROFILE, roadNetworkFromRaw } from '../../src/core/index';
import { asciiGraph, type AsciiWay } from '../helpers/ascii-graph';
import { bfEdges } from '../helpers/brute-force';
import { HAS_SHARED, readSharedJson } from '../helpers/shared-reference';
import { edgesOf, expandFrom } from './support/core-access';

const kmh = (v: number) => v / 3.6;
const RES = kmh(25); // residential, m/s

/** Edges as "FROM-TO meters" keys with letters, sorted: comparable between core and brute force. */
function shapeOf(g: ReturnType<typeof asciiGraph>, edges: Array<{ from: number; to: number; meters: number }>): string[] {
  const letter = (id: number) => String.fromCharCode(id);
  return edges.map((e) => `${letter(e.from)}-${letter(e.to)} ${e.meters.toFixed(3)}`).sort();
}

function both(drawing: string, ways: Array<AsciiWay | string>) {
  const g = asciiGraph(drawing, ways);
  const graph = buildRoadGraph(g.raw);
  const core = edgesOf(graph);
  const brute = bfEdges(g.raw, EMERGENCY_DEFAULT_PROFILE);
  return { g, graph, core, brute, coreShape: shapeOf(g, core), bruteShape: shapeOf(g, brute) };
}

describe('splitting ways into edges', () => {
  test('a way splits at a node shared with another road way, not at its own shape nodes', () => {
    const { graph, core, coreShape, bruteShape } = both(`
      A---B---C   E---F---G
          |
          |
          D
    `, ['ABC', 'BD', 'EFG']);
    const expected = ['A-B 400.000', 'B-C 400.000', 'B-D 300.000', 'E-G 800.000'];
    expect(coreShape).toEqual(expected);
    expect(bruteShape).toEqual(expected);
    expect(graph.nodeCount).toBe(6); // A B C D E G; F is only a shape point
    expect(core.find((e) => e.from === 'E'.charCodeAt(0))!.shapePoints).toBe(3);
  });

  test('a node that appears twice in one way counts as shared (the way splits there)', () => {
    const { g, graph, coreShape, bruteShape } = both(`
      A---B---C
          |   |
          E---D
    `, ['ABCDEB']);
    // B→C 400, C→D 200 (two rows), D→E 400, E→B 200: the loop is one edge from B back to B.
    const expected = ['A-B 400.000', 'B-B 1200.000'];
    expect(coreShape).toEqual(expected);
    expect(bruteShape).toEqual(expected);
    const t = expandFrom(roadNetworkFromRaw(g.raw), [g.nodeId('A')], 'forward');
    expect(t.get(g.nodeId('B'))).toBeCloseTo(400 / RES, 6);
    expect(graph.edgeCount).toBe(2);
  });

  test('a node the extract lacks cuts the way; the parts are separate ways', () => {
    // X is referenced by the way but not in the file.
    const { g, graph, coreShape, bruteShape } = both(`
      A---B       C---D
    `, ['ABXCD']);
    const expected = ['A-B 400.000', 'C-D 400.000'];
    expect(coreShape).toEqual(expected);
    expect(bruteShape).toEqual(expected);
    expect(graph.nodeCount).toBe(4);
    const t = expandFrom(roadNetworkFromRaw(g.raw), [g.nodeId('A')], 'forward');
    expect(t.get(g.nodeId('B'))).toBeCloseTo(400 / RES, 6);
    expect(t.get(g.nodeId('C'))).toBe(Infinity);
    expect(t.get(g.nodeId('D'))).toBe(Infinity);
  });

  test('a cut at a missing node also leaves each part\'s end as an end (a shared node splits the other way)', () => {
    // Way 1 is cut at X right after B, so B ends a part; way 2 passes B and must split there.
    const { coreShape, bruteShape } = both(`
      A---B
          |
      C---+---D
    `, ['ABX', 'CD']);
    // '+' is decoration: CD does not meet AB. Two separate edges, no split.
    expect(coreShape).toEqual(['A-B 400.000', 'C-D 800.000']);
    expect(bruteShape).toEqual(coreShape);
  });

  test('repeated consecutive node refs collapse into one (no zero-length edge, no split)', () => {
    const { graph, core, coreShape, bruteShape } = both(`
      A---B---C
    `, ['AABBBC']);
    expect(coreShape).toEqual(['A-C 800.000']);
    expect(bruteShape).toEqual(coreShape);
    expect(core[0]!.shapePoints).toBe(3);
    expect(graph.nodeCount).toBe(2);
  });

  test('a closed way (roundabout ring) with no other roads is one loop edge', () => {
    const { coreShape, bruteShape } = both(`
      A---B
      |   |
      D---C
    `, [{ nodes: 'ABCDA', tags: { highway: 'residential', junction: 'roundabout' } }]);
    expect(coreShape).toEqual(['A-A 1200.000']); // 400 + 200 + 400 + 200
    expect(bruteShape).toEqual(coreShape);
  });
});

describe('which ways are roads', () => {
  test('footway, path, cycleway, steps, pedestrian, bridleway, construction, proposed and untagged ways are ignored', () => {
    const ignored = ['footway', 'path', 'cycleway', 'steps', 'pedestrian', 'bridleway', 'construction', 'proposed', 'corridor'];
    const { graph, coreShape } = both(`
      A---B---C
    `, ['ABC', ...ignored.map((highway, i) => ({ nodes: 'AC', tags: { highway }, id: 100 + i })), { nodes: 'AC', tags: { railway: 'rail' }, id: 200 }]);
    expect(coreShape).toEqual(['A-C 800.000']);
    expect(graph.edgeCount).toBe(1);
  });

  test('a node shared only with a footway does not split the road', () => {
    const { coreShape, bruteShape } = both(`
      A---B---C
          |
          F
    `, ['ABC', { nodes: 'BF', tags: { highway: 'footway' } }]);
    expect(coreShape).toEqual(['A-C 800.000']);
    expect(bruteShape).toEqual(coreShape);
  });

  test('only footways: the network is empty, reported as CoreError network-empty', () => {
    const g = asciiGraph('A---B', [{ nodes: 'AB', tags: { highway: 'footway' } }]);
    expect(() => buildRoadGraph(g.raw)).toThrow(CoreError);
    try {
      buildRoadGraph(g.raw);
    } catch (err) {
      expect((err as CoreError).code).toBe('network-empty');
      expect((err as Error).message).toMatch(/no road ways/);
    }
  });

  test('access tags are ignored (emergency vehicles use private roads); maxspeed is ignored', () => {
    const { core } = both(`
      A-------B-------C
    `, [
      { nodes: 'AB', tags: { highway: 'residential', access: 'private', maxspeed: '130' } },
      { nodes: 'BC', tags: { highway: 'service', access: 'no', maxspeed: '5' } },
    ]);
    expect(core.map((e) => e.forwardSeconds)).toEqual([expect.closeTo(800 / kmh(25), 6), expect.closeTo(800 / kmh(15), 6)]);
  });
});

describe('lengths and seconds', () => {
  // The spec's table, copied by hand (speed-profile.json).
  const table: Record<string, number> = {
    motorway: 90, motorway_link: 45, trunk: 80, trunk_link: 40, primary: 60, primary_link: 30, secondary: 50,
    secondary_link: 25, tertiary: 40, tertiary_link: 20, unclassified: 30, residential: 25, living_street: 10,
    service: 15, road: 20, track: 10,
  };

  test.skipIf(!HAS_SHARED)('the core\'s emergency-default profile is the spec\'s speed-profile.json', () => {
    const spec = readSharedJson<{ name: string; speedsKmh: Record<string, number>; offRoadKmh: number; maxSnapMeters: number }>('spec/speed-profile.json');
    expect(EMERGENCY_DEFAULT_PROFILE.name).toBe(spec.name);
    expect({ ...EMERGENCY_DEFAULT_PROFILE.speedsKmh }).toEqual(spec.speedsKmh);
    expect(spec.speedsKmh).toEqual(table);
    expect(EMERGENCY_DEFAULT_PROFILE.offRoadKmh).toBe(spec.offRoadKmh);
    expect(EMERGENCY_DEFAULT_PROFILE.maxSnapMeters).toBe(spec.maxSnapMeters);
  });

  test.each(Object.entries(table))('%s: 800 m at %d km/h', (highway, speed) => {
    const { core } = both('A-------B', [{ nodes: 'AB', tags: { highway, oneway: 'no' } }]);
    expect(core).toHaveLength(1);
    expect(core[0]!.meters).toBeCloseTo(800, 5);
    expect(core[0]!.forwardSeconds).toBeCloseTo(800 / kmh(speed), 5);
    expect(core[0]!.backwardSeconds).toBeCloseTo(800 / kmh(speed), 5);
    expect(core[0]!.highway).toBe(highway);
  });

  test('a bent way: the length is the sum along its nodes, not the chord', () => {
    const { core } = both(`
      A---B
          |
          |
          C
    `, ['ABC']);
    expect(core[0]!.meters).toBeCloseTo(400 + 300, 5);
    expect(core[0]!.forwardSeconds).toBeCloseTo(700 / RES, 5);
  });

  test('haversine with R = 6,371,008.8 m: 0.01° of longitude on the equator is 1,111.9508 m', () => {
    const raw = {
      nodes: new Map<number, readonly [number, number]>([[1, [0, 0]], [2, [0.01, 0]]]),
      ways: [{ id: 1, nodeIds: [1, 2], tags: { highway: 'residential' } }],
      problems: [],
    };
    // 6,371,008.8 × 0.01 × π / 180 = 1111.9508 m (great circle along the equator).
    expect(buildRoadGraph(raw).edgeLengthMeters[0]).toBeCloseTo(1111.9508, 3);
  });
});
