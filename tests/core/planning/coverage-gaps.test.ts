import { booleanPointInPolygon, point } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { coverageGaps } from '../../../src/core';
import { createRng } from '../../../scripts/demo/prng';

const box = (w: number, s: number, e: number, n: number): number[][][] => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
const region: Polygon = { type: 'Polygon', coordinates: box(119.6, 27.4, 119.8, 27.6) };

describe('coverageGaps: the region outside the covered area', () => {
  it('half covered: the gap is the other half, with its area', () => {
    const covered: MultiPolygon = { type: 'MultiPolygon', coordinates: [box(119.5, 27.3, 119.7, 27.7)] };
    const g = coverageGaps(covered, region);
    expect(g.withinKm2).toBeGreaterThan(400); // 0.2° × 0.2° at 27.5° N ≈ 19.7 km × 22.2 km
    expect(g.gapKm2 / g.withinKm2).toBeCloseTo(0.5, 3);
  });

  it('nothing covered: the whole region is a gap; all covered: no gap', () => {
    expect(coverageGaps(null, region).gapKm2).toBeCloseTo(coverageGaps(null, region).withinKm2, 6);
    const all = coverageGaps({ type: 'MultiPolygon', coordinates: [box(119, 27, 120, 28)] }, region);
    expect(all.gaps).toBeNull();
    expect(all.gapKm2).toBe(0);
  });

  it('every sampled place is in a gap exactly when it is in the region and not covered (brute force)', () => {
    // Covered: two overlapping squares and one with a hole (a village the circle skips).
    const covered: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [box(119.62, 27.42, 119.7, 27.5)[0]!, [[119.65, 27.45], [119.65, 27.47], [119.67, 27.47], [119.67, 27.45], [119.65, 27.45]]],
        box(119.68, 27.48, 119.75, 27.55),
        box(119.72, 27.52, 119.9, 27.58),
      ],
    };
    const g = coverageGaps(covered, region);
    expect(g.gaps).not.toBeNull();
    const rng = createRng(7);
    let inGap = 0, n = 0;
    for (let i = 0; i < 4000; i++) {
      const p = point([119.55 + rng.next() * 0.3, 27.35 + rng.next() * 0.3]);
      const expected = booleanPointInPolygon(p, region) && !booleanPointInPolygon(p, covered);
      expect(booleanPointInPolygon(p, g.gaps!)).toBe(expected);
      if (booleanPointInPolygon(p, region)) { n++; if (expected) inGap++; }
    }
    expect(g.gapKm2 / g.withinKm2).toBeCloseTo(inGap / n, 1);
  });
});
