/**
 * Time cliffs, hand-drawn: places where the spec's time jumps from well under the limit to
 * unreachable within one raster cell. The boundary must lie where the jump is (where the nearest
 * road switches, or where the off-road leg passes maxSnapMeters), not near the unreachable cell's
 * centre. Every case uses the default 40 m cells, so each jump falls inside a cell.
 * The same drawings are golden fixtures in tests/fixtures/isochrone/in/cliff-*.geojson.
 */
import { describe, expect, test } from 'vitest';
import { computeCoverage, computeIsochrones, roadNetworkFromRaw, snapPoint } from '../../src/core/index';
import { cliffDrawings } from '../helpers/cliff-drawings';
import { polygonUnionTester } from '../helpers/score';
import { rfc7946Problems } from './support/polygons';

/** East positions (metres from the node) along a road, away from its ends. */
const along = (fromMeters: number, toMeters: number, n: number) => Array.from({ length: n }, (_, i) => fromMeters + ((toMeters - fromMeters) * i) / (n - 1));

describe('a dual carriageway whose other carriageway is entered outside the extract', () => {
  // A→B eastbound (one-way primary), 60 m north of it F→E westbound, whose way in (node X) lies
  // outside the extract: nothing can reach it. Between them the nearest road switches at 30 m.
  const { g, sources, bandsMinutes } = cliffDrawings.dualCarriageway;
  const net = roadNetworkFromRaw(g.raw);

  test('places nearer the reached carriageway are inside, places nearer the other one are not', () => {
    expect(snapPoint(net, g.offset('A', 200, 40))!.offRoadMeters).toBeCloseTo(20, 3);
    for (const band of [computeIsochrones(net, sources, { bandsMinutes }).features.features, computeCoverage(net, sources, { bandsMinutes }).covered.features]) {
      const inside = polygonUnionTester(band);
      for (const east of along(60, 300, 25)) {
        expect(inside(g.offset('A', east, 25)), `${east} m east, 25 m north`).toBe(true);
        expect(inside(g.offset('A', east, 35)), `${east} m east, 35 m north`).toBe(false);
        expect(inside(g.offset('A', east, 60)), `${east} m east, on the far carriageway`).toBe(false);
        expect(inside(g.offset('A', east, -120)), `${east} m east, 120 m south`).toBe(true);
      }
      for (const f of band) expect(rfc7946Problems(f.geometry)).toEqual([]);
    }
  });
});

describe('pockets of streets joined to the rest only by a footway, steps, a cycleway or a one-way exit', () => {
  // Main street AB; 80 m south of it four pocket streets, each joined to AB only by a way no
  // emergency vehicle may take in: footway, steps, cycleway (not roads in the profile), or a
  // one-way street leaving the pocket. The boundary runs 40 m south of AB, half-way.
  const { g, sources, bandsMinutes, pockets } = cliffDrawings.pockets;
  const net = roadNetworkFromRaw(g.raw);
  const { features } = computeIsochrones(net, sources, { bandsMinutes });
  const inside = polygonUnionTester(features.features);

  test.each(pockets)('pocket %s: its strip is not swallowed, the main street\'s is kept', (_, west) => {
    for (const east of along(west + 50, west + 130, 9)) {
      expect(inside(g.offset('A', east, -32)), `${east} m east, 32 m south`).toBe(true);
      expect(inside(g.offset('A', east, -48)), `${east} m east, 48 m south`).toBe(false);
      expect(inside(g.offset('A', east, -80)), `${east} m east, on the pocket street`).toBe(false);
    }
  });
});

describe('a place just beyond maxSnapMeters', () => {
  // One road, a generous budget: the off-road reach, not the time, ends the area at 500 m.
  const { g, sources, bandsMinutes } = cliffDrawings.beyondSnap;
  const net = roadNetworkFromRaw(g.raw);

  test('the boundary is at 500 m from the road (within 12 m, under a third of a cell), on both sides', () => {
    for (const band of [computeIsochrones(net, sources, { bandsMinutes }).features.features, computeCoverage(net, sources, { bandsMinutes }).covered.features]) {
      const inside = polygonUnionTester(band);
      for (const east of along(100, 700, 13)) {
        for (const side of [1, -1]) {
          expect(inside(g.offset('A', east, side * 488)), `${east} m east, ${side * 488} m`).toBe(true);
          expect(inside(g.offset('A', east, side * 512)), `${east} m east, ${side * 512} m`).toBe(false);
        }
      }
    }
  });
});
