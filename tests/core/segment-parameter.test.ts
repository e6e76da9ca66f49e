/**
 * The snap family's two small hot-loop helpers give, bit for bit, the expressions they replace
 * (so the snap raster's pinned bits cannot move): segmentParameter for
 * `len2 > 0 ? Math.min(1, Math.max(0, dot / len2)) : 0`, gapOf for `Math.max(0, min - hi, lo - max)`.
 * Checked on seeded random values of every scale, and on the edges: signed zeros, ends, equal values.
 */
import { describe, expect, test } from 'vitest';
import { segmentParameter } from '../../src/core/geo/segment-parameter';
import { gapOf } from '../../src/core/geo/interval-gap';
import { mulberry32 } from '../../bench/timing';

const reference = (dot: number, len2: number) => (len2 > 0 ? Math.min(1, Math.max(0, dot / len2)) : 0);
const sameBits = (a: number, b: number) => Object.is(a, b);

describe('segmentParameter', () => {
  test('equals the clamped quotient on seeded random inputs of every scale', () => {
    const rand = mulberry32(5);
    let mismatches = 0;
    for (let i = 0; i < 200_000; i++) {
      const scale = 10 ** Math.floor(rand() * 40 - 20);
      const len2 = rand() < 0.05 ? 0 : rand() * scale;
      const dot = (rand() * 3 - 1) * len2 * (rand() < 0.5 ? 1 : rand());
      if (!sameBits(segmentParameter(dot, len2), reference(dot, len2))) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
  test.each([
    [0, 1], [-0, 1], [0, 0], [-0, 0], [1, 1], [2, 2], [1 - 2 ** -53, 1], [1 + 2 ** -52, 1],
    [5e-324, 1], [-5e-324, 1], [1, 5e-324], [3, 4], [-3, 4], [4, 3], [Number.MIN_VALUE, Number.MAX_VALUE],
  ])('dot %d over len2 %d', (dot, len2) => {
    expect(sameBits(segmentParameter(dot, len2), reference(dot, len2))).toBe(true);
  });
});

describe('gapOf', () => {
  test('equals Math.max(0, min - hi, lo - max) for intervals in every position', () => {
    const rand = mulberry32(9);
    let mismatches = 0;
    for (let i = 0; i < 200_000; i++) {
      const scale = 10 ** Math.floor(rand() * 12 - 3);
      const a = (rand() * 2 - 1) * scale, b = a + rand() * scale * (rand() < 0.1 ? 0 : 1);
      const c = rand() < 0.1 ? a : (rand() * 2 - 1) * scale, d = rand() < 0.3 ? c : c + rand() * scale;
      if (!sameBits(gapOf(a, b, c, d), Math.max(0, a - d, c - b))) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
  test.each([[0, 0, 0, 0], [-0, 0, 0, -0], [1, 2, 2, 3], [1, 2, 0, 1], [1, 2, 1.5, 1.5], [1, 2, 3, 3], [1, 2, -1, -1]])('[%d, %d] and [%d, %d]', (a, b, c, d) => {
    expect(sameBits(gapOf(a, b, c, d), Math.max(0, a - d, c - b))).toBe(true);
  });
});
