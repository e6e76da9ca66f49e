/**
 * Colours for a catchment map: which station reaches each cell first, drawn so that two
 * catchments that touch never share a colour. Colouring by station index modulo the palette (what
 * the planner did before) gives neighbours the same colour whenever their indices differ by a
 * multiple of the palette size; here the touching pairs are read off the raster itself and the
 * catchments coloured greedily, most neighbours first (Welsh–Powell). A map of catchments is
 * planar, so a handful of colours suffice; when the greedy order would need more than the palette
 * holds, the colour shared with the fewest neighbours is taken and the clash is counted.
 */

export interface CatchmentColoring {
  /** per label (station index): its colour index in the palette, -1 for a label with no cell */
  readonly colorOf: Int32Array;
  /** per label: how many cells it reaches first within the limit */
  readonly cells: Int32Array;
  /** distinct colours used */
  readonly colorsUsed: number;
  /** touching pairs of catchments (each counted once) */
  readonly touchingPairs: number;
  /** touching pairs left with the same colour (0 unless the palette is too small) */
  readonly clashes: number;
}

/**
 * @param label per cell, the fastest source's index (-1 none), row-major `width` × `height`
 * @param inside per cell, whether it is drawn (reached within the limit); only drawn cells count
 * @param labelCount number of sources (labels run 0 … labelCount − 1)
 * @param paletteSize colours available (≥ 1)
 */
export function colorCatchments(
  label: Int32Array,
  inside: Uint8Array,
  width: number,
  height: number,
  labelCount: number,
  paletteSize: number,
): CatchmentColoring {
  const cells = new Int32Array(labelCount);
  const pairs = new Set<number>();
  const touch = (a: number, b: number) => {
    if (a !== b && b >= 0) pairs.add(a < b ? a * labelCount + b : b * labelCount + a);
  };
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = row * width + col;
      const a = label[i]!;
      if (!inside[i] || a < 0) continue;
      cells[a]!++;
      // right, and the three below: every touching pair of cells (sides and corners) seen once
      if (col + 1 < width && inside[i + 1]) touch(a, label[i + 1]!);
      if (row + 1 < height) {
        const j = i + width;
        if (inside[j]) touch(a, label[j]!);
        if (col > 0 && inside[j - 1]) touch(a, label[j - 1]!);
        if (col + 1 < width && inside[j + 1]) touch(a, label[j + 1]!);
      }
    }
  }
  const neighbours: number[][] = Array.from({ length: labelCount }, () => []);
  for (const key of pairs) {
    const a = Math.floor(key / labelCount), b = key % labelCount;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  const order = [...Array(labelCount).keys()].filter((l) => cells[l]! > 0).sort((a, b) => neighbours[b]!.length - neighbours[a]!.length || a - b);
  const colorOf = new Int32Array(labelCount).fill(-1);
  const usedBy = new Int32Array(Math.max(1, paletteSize));
  let colorsUsed = 0;
  for (const l of order) {
    usedBy.fill(0);
    for (const n of neighbours[l]!) if (colorOf[n]! >= 0) usedBy[colorOf[n]!]!++;
    let best = 0;
    for (let c = 0; c < usedBy.length; c++) {
      if (usedBy[c] === 0) { best = c; break; }
      if (usedBy[c]! < usedBy[best]!) best = c;
    }
    colorOf[l] = best;
    colorsUsed = Math.max(colorsUsed, best + 1);
  }
  let clashes = 0;
  for (const key of pairs) if (colorOf[Math.floor(key / labelCount)] === colorOf[key % labelCount]) clashes++;
  return { colorOf, cells, colorsUsed, touchingPairs: pairs.size, clashes };
}
