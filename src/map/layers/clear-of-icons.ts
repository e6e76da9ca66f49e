import { lngLatFromWorldPixels, worldPixels } from '../screen-geometry';

/** A round symbol on screen: where, and how big. */
export interface ScreenDisc {
  lngLat: readonly [number, number];
  radiusPixels: number;
}

/**
 * Moves each `movable` disc (e.g. a camera cluster) off the `obstacles` (e.g. fire-station icons)
 * it would sit under, by the smallest push that clears them at `zoom` (+ `gapPixels`), at most
 * `maxShiftFactor` of its radius from where it was. Obstacles never move; each placed disc becomes an
 * obstacle for the next, so moved discs do not pile onto each other. Coincident centres push straight
 * up. Returns the new positions, aligned with `movable`.
 */
export function moveClearOf(
  movable: readonly ScreenDisc[],
  obstacles: readonly ScreenDisc[],
  zoom: number,
  gapPixels = 2,
  maxShiftFactor = 2,
): [number, number][] {
  return placeClearOf(movable, obstacles, zoom, gapPixels, maxShiftFactor).map((p) => p.lngLat);
}

export interface Placement {
  lngLat: [number, number];
  /** false when no spot within reach was clear (a crowd): the caller should draw it on top instead. */
  clear: boolean;
}

/** moveClearOf, also saying for each disc whether it ended up clear. */
export function placeClearOf(
  movable: readonly ScreenDisc[],
  obstacles: readonly ScreenDisc[],
  zoom: number,
  gapPixels = 2,
  maxShiftFactor = 2,
): Placement[] {
  const obstaclePixels = obstacles.map((o) => ({ xy: worldPixels(o.lngLat, zoom), r: o.radiusPixels }));
  // A grid of cells as wide as the largest reach (5×5 cells are looked at), so each disc looks at its neighbours only.
  const cell = Math.max(1, ...movable.map((m) => m.radiusPixels * (maxShiftFactor + 1)), ...obstacles.map((o) => o.radiusPixels)) + gapPixels;
  const grid = new Map<string, typeof obstaclePixels>();
  for (const o of obstaclePixels) {
    const k = `${Math.floor(o.xy[0] / cell)},${Math.floor(o.xy[1] / cell)}`;
    const list = grid.get(k);
    if (list) list.push(o);
    else grid.set(k, [o]);
  }
  const near = (x: number, y: number) => {
    const cx = Math.floor(x / cell);
    const cy = Math.floor(y / cell);
    const out: typeof obstaclePixels = [];
    for (let gx = cx - 2; gx <= cx + 2; gx++) for (let gy = cy - 2; gy <= cy + 2; gy++) out.push(...(grid.get(`${gx},${gy}`) ?? []));
    return out;
  };
  const addObstacle = (o: (typeof obstaclePixels)[number]) => {
    const k = `${Math.floor(o.xy[0] / cell)},${Math.floor(o.xy[1] / cell)}`;
    const list = grid.get(k);
    if (list) list.push(o);
    else grid.set(k, [o]);
  };
  return movable.map((m) => {
    const start = worldPixels(m.lngLat, zoom);
    let [x, y] = start;
    const candidates = near(x, y);
    for (let pass = 0; pass < 4; pass++) {
      let moved = false;
      for (const o of candidates) {
        const dx = x - o.xy[0];
        const dy = y - o.xy[1];
        const need = m.radiusPixels + o.r + gapPixels;
        const d = Math.hypot(dx, dy);
        if (d >= need) continue;
        const ux = d < 1e-6 ? 0 : dx / d;
        const uy = d < 1e-6 ? -1 : dy / d;
        x = o.xy[0] + ux * need;
        y = o.xy[1] + uy * need;
        moved = true;
      }
      if (!moved) break;
    }
    const sx = x - start[0];
    const sy = y - start[1];
    const shift = Math.hypot(sx, sy);
    const maxShift = m.radiusPixels * maxShiftFactor;
    if (shift > maxShift) {
      x = start[0] + (sx / shift) * maxShift;
      y = start[1] + (sy / shift) * maxShift;
    }
    // Clearance: how far the disc is from overlapping its worst neighbour (negative = overlaps).
    const clearance = (px: number, py: number) =>
      Math.min(Infinity, ...candidates.map((o) => Math.hypot(px - o.xy[0], py - o.xy[1]) - (m.radiusPixels + o.r + gapPixels)));
    if (clearance(x, y) < 0) {
      // Pushed into a crowd: try spots around the start within reach and keep the clearest.
      let best: [number, number, number] = [x, y, clearance(x, y)];
      for (const f of [0.5, 1, 1.5, 2].map((k) => (k * maxShift) / 2)) {
        for (let a = 0; a < 16; a++) {
          const px = start[0] + f * Math.cos((a * Math.PI) / 8);
          const py = start[1] + f * Math.sin((a * Math.PI) / 8);
          const c = clearance(px, py);
          if (c > best[2]) best = [px, py, c];
        }
      }
      [x, y] = best;
    }
    addObstacle({ xy: [x, y], r: m.radiusPixels });
    return { lngLat: lngLatFromWorldPixels([x, y], zoom), clear: clearance(x, y) >= -1e-6 };
  });
}
