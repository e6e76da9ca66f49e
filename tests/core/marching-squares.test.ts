/**
 * zeroContour (src/core/isochrone/marching-squares.ts) is d3-contour's zero-level contour, ported
 * to stitch without copying: the same rings, points and order, the same holes in the same
 * polygons, on seeded grids of every kind the engine contours (blobs with holes and islands,
 * noise, a grid touching its frame, one row or column, all inside, all outside).
 */
import { contours } from 'd3-contour';
import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../../bench/timing';
import { zeroContour } from '../../src/core/isochrone/marching-squares';

function d3Zero(values: Float64Array, dx: number, dy: number): number[][][][] {
  return contours().size([dx, dy]).smooth(false).thresholds([0])(values as unknown as number[])[0]!.coordinates;
}

function blobs(dx: number, dy: number, seed: number, count: number): Float64Array {
  const rand = mulberry32(seed), v = new Float64Array(dx * dy).fill(-1);
  const centres = Array.from({ length: count }, () => [rand() * dx, rand() * dy, 2 + rand() * Math.min(dx, dy) / 3, rand() < 0.3 ? -1 : 1] as const);
  for (let y = 0; y < dy; y++) for (let x = 0; x < dx; x++) {
    for (const [cx, cy, r, sign] of centres) if (Math.hypot(x - cx, y - cy) < r) v[y * dx + x] = sign * (r - Math.hypot(x - cx, y - cy));
  }
  return v;
}

describe('zeroContour gives d3-contour’s rings exactly', () => {
  const cases: Array<[string, Float64Array, number, number]> = [];
  for (let seed = 1; seed <= 12; seed++) cases.push([`blobs ${seed}`, blobs(40 + seed * 7, 30 + seed * 5, seed, 3 + seed), 40 + seed * 7, 30 + seed * 5]);
  for (let seed = 1; seed <= 6; seed++) {
    const rand = mulberry32(100 + seed), dx = 20 + seed * 9, dy = 15 + seed * 11;
    cases.push([`noise ${seed}`, Float64Array.from({ length: dx * dy }, () => (rand() < 0.45 ? 1 : -1) * rand()), dx, dy]);
  }
  cases.push(['touching the frame', Float64Array.from({ length: 30 * 20 }, (_, i) => ((i % 30) < 10 || i < 60 ? 1 : -1)), 30, 20]);
  cases.push(['one row', Float64Array.from({ length: 17 }, (_, i) => (i % 3 === 0 ? 1 : -1)), 17, 1]);
  cases.push(['one column', Float64Array.from({ length: 13 }, (_, i) => (i % 4 < 2 ? 1 : -1)), 1, 13]);
  cases.push(['all inside', new Float64Array(12 * 9).fill(1), 12, 9]);
  cases.push(['all outside', new Float64Array(12 * 9).fill(-1), 12, 9]);
  cases.push(['zeros count as inside', Float64Array.from({ length: 15 * 15 }, (_, i) => (i % 7 === 0 ? 0 : -0.5)), 15, 15]);
  test.each(cases)('%s', (_, values, dx, dy) => {
    const ours = zeroContour(values, dx, dy), theirs = d3Zero(values, dx, dy);
    expect(ours).toEqual(theirs);
  });
  test('the cases are not all trivial', () => {
    const rings = cases.reduce((n, [, v, dx, dy]) => n + zeroContour(v, dx, dy).reduce((m, p) => m + p.length, 0), 0);
    const holes = cases.reduce((n, [, v, dx, dy]) => n + zeroContour(v, dx, dy).reduce((m, p) => m + p.length - 1, 0), 0);
    expect(rings).toBeGreaterThan(200);
    expect(holes).toBeGreaterThanOrEqual(10);
  });
});
