import { describe, expect, it } from 'vitest';
import { colorCatchments } from '../../../src/core';
import { createRng } from '../../../scripts/demo/prng';

/** Nearest-site labels of a width × height raster (a Voronoi map of `sites` random cells). */
function voronoi(width: number, height: number, sites: number, seed: number) {
  const rng = createRng(seed);
  const at = Array.from({ length: sites }, () => [rng.int(0, width - 1), rng.int(0, height - 1)] as const);
  const label = new Int32Array(width * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      let best = 0, bestD = Infinity;
      at.forEach(([c, r], l) => {
        const d = (c - col) ** 2 + (r - row) ** 2;
        if (d < bestD) { bestD = d; best = l; }
      });
      label[row * width + col] = best;
    }
  }
  return label;
}

/** Every pair of touching drawn cells (sides and corners) with different labels, by brute force. */
function touchingPairs(label: Int32Array, inside: Uint8Array, width: number, height: number): Set<string> {
  const out = new Set<string>();
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const r = row + dr, c = col + dc;
          if ((dr === 0 && dc === 0) || r < 0 || c < 0 || r >= height || c >= width) continue;
          const a = label[row * width + col]!, b = label[r * width + c]!;
          if (inside[row * width + col] && inside[r * width + c] && a !== b && a >= 0 && b >= 0) out.add(a < b ? `${a},${b}` : `${b},${a}`);
        }
      }
    }
  }
  return out;
}

describe('colorCatchments: touching catchments never share a colour', () => {
  it('three stripes labelled 0, 8 and 16: the colour by index modulo 8 would paint them alike', () => {
    const width = 9, height = 3;
    const label = new Int32Array(width * height).map((_, i) => [0, 8, 16][Math.floor((i % width) / 3)]!);
    const inside = new Uint8Array(width * height).fill(1);
    const c = colorCatchments(label, inside, width, height, 17, 8);
    expect(c.touchingPairs).toBe(2); // 0–8 and 8–16; 0 and 16 do not touch
    expect(c.colorOf[0]).not.toBe(c.colorOf[8]);
    expect(c.colorOf[16]).not.toBe(c.colorOf[8]);
    expect(c.clashes).toBe(0);
    expect([...c.cells].filter((n) => n > 0)).toEqual([9, 9, 9]);
    expect(c.colorOf[1]).toBe(-1); // a station that reaches no cell first gets no colour
  });

  it('random Voronoi maps with holes: no touching pair shares a colour, cells counted exactly (brute force)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const width = 60, height = 45, sites = 10 + seed * 3;
      const label = voronoi(width, height, sites, seed);
      const rng = createRng(seed * 97);
      // holes: unreached cells (label -1) and cells beyond the limit (not drawn)
      const inside = new Uint8Array(width * height).map(() => (rng.chance(0.15) ? 0 : 1));
      for (let i = 0; i < label.length; i++) if (rng.chance(0.05)) label[i] = -1;
      const c = colorCatchments(label, inside, width, height, sites, 8);
      const pairs = touchingPairs(label, inside, width, height);
      expect(c.touchingPairs).toBe(pairs.size);
      expect(c.clashes).toBe(0);
      for (const key of pairs) {
        const [a, b] = key.split(',').map(Number) as [number, number];
        expect(c.colorOf[a], `seed ${seed}: catchments ${a} and ${b} touch`).not.toBe(c.colorOf[b]);
      }
      for (let l = 0; l < sites; l++) {
        let n = 0;
        for (let i = 0; i < label.length; i++) if (label[i] === l && inside[i]) n++;
        expect(c.cells[l]).toBe(n);
        expect(c.colorOf[l]! >= 0).toBe(n > 0);
      }
      expect(c.colorsUsed).toBeLessThanOrEqual(8);
    }
  });

  it('a palette too small for the map: the clashes are counted, never hidden', () => {
    const width = 9, height = 3;
    const label = new Int32Array(width * height).map((_, i) => Math.floor((i % width) / 3));
    const c = colorCatchments(label, new Uint8Array(width * height).fill(1), width, height, 3, 1);
    expect(c.touchingPairs).toBe(2);
    expect(c.clashes).toBe(2);
    expect(c.colorsUsed).toBe(1);
  });
});
