import type { ResourceKind } from '../config/resource-kinds';
import type { MapPoint } from './layer-descriptor';
import { lngLatFromWorldPixels, metersPerPixel, worldPixels } from './screen-geometry';

/** Kinds in the order a fan lists them, clockwise from the top: the most urgent first. */
export const FAN_KIND_ORDER: readonly ResourceKind[] = ['fire_station', 'rescue_team', 'depot', 'shelter', 'camera'];

export interface FanGroup {
  /** Centre of the fan (the mean of its members' true positions). */
  centerLngLat: readonly [number, number];
  radiusMeters: number;
  /** Member ids, in fan order. */
  memberIds: readonly string[];
  /** True positions of the members (a dot marks each one under the fan). */
  memberLngLats: readonly (readonly [number, number])[];
}

export interface FanOut {
  /** Where each fanned point is drawn instead of its true position; points not in a group are absent. */
  displayLngLat: ReadonlyMap<string, readonly [number, number]>;
  groups: FanGroup[];
}

/** Offsets (pixels) for n icons around a spot: a ring up to 9, else a spiral, neighbours ~1.15 icons apart. */
export function fanOffsetsPixels(n: number, iconSizePixels: number): [number, number][] {
  const spacing = iconSizePixels * 1.15;
  if (n <= 9) {
    const r = Math.max(iconSizePixels * 1.1, (n * spacing) / (2 * Math.PI));
    return Array.from({ length: n }, (_, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / n;
      return [r * Math.cos(angle), r * Math.sin(angle)];
    });
  }
  // Archimedean spiral r = r0 + b·θ, turns one spacing apart, steps one spacing along the curve.
  const r0 = iconSizePixels * 1.1;
  const b = spacing / (2 * Math.PI);
  const out: [number, number][] = [];
  let theta = 0;
  for (let k = 0; k < n; k++) {
    const r = r0 + b * theta;
    const angle = -Math.PI / 2 + theta;
    out.push([r * Math.cos(angle), r * Math.sin(angle)]);
    theta += spacing / r;
  }
  return out;
}

/**
 * Icons that would overlap on screen are spread on a ring (or spiral) around their common spot, so
 * each one can be seen and clicked. `zoom` is the zoom the layout is made for (pixel distances are
 * measured there); the fan is placed in ground units, so it grows with the map until the next layout.
 *
 * Deterministic: points closer than one icon are grouped (single linkage); a group's fan lists
 * FAN_KIND_ORDER then id clockwise from the top. Fans that would then touch each other or a lone icon
 * are merged and laid out again, until nothing overlaps (at most a few rounds).
 */
export function fanOutPoints(points: readonly MapPoint[], zoom: number, iconSizePixels: number): FanOut {
  const rank = new Map(FAN_KIND_ORDER.map((k, i) => [k, i]));
  const order = [...points].sort((a, b) => (rank.get(a.kind) ?? 9) - (rank.get(b.kind) ?? 9) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = order.length;
  const xy = order.map((p) => worldPixels(p.lngLat, zoom));
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (i: number, j: number): boolean => {
    const a = find(i);
    const b = find(j);
    if (a === b) return false;
    if (a < b) parent[b] = a;
    else parent[a] = b;
    return true;
  };
  /** Pairs of indexes whose positions are closer than `minDistance`, found through a grid. */
  const closePairs = (pos: readonly (readonly [number, number])[], minDistance: number): [number, number][] => {
    const grid = new Map<string, number[]>();
    pos.forEach(([x, y], i) => {
      const k = `${Math.floor(x / minDistance)},${Math.floor(y / minDistance)}`;
      const list = grid.get(k);
      if (list) list.push(i);
      else grid.set(k, [i]);
    });
    const pairs: [number, number][] = [];
    pos.forEach(([x, y], i) => {
      const cx = Math.floor(x / minDistance);
      const cy = Math.floor(y / minDistance);
      for (let gx = cx - 1; gx <= cx + 1; gx++)
        for (let gy = cy - 1; gy <= cy + 1; gy++)
          for (const j of grid.get(`${gx},${gy}`) ?? []) {
            if (j <= i) continue;
            if (Math.hypot(pos[j]![0] - x, pos[j]![1] - y) < minDistance) pairs.push([i, j]);
          }
    });
    return pairs;
  };
  for (const [i, j] of closePairs(xy, iconSizePixels)) union(i, j);

  let display: [number, number][] = xy.map(([x, y]) => [x, y]);
  let members = new Map<number, number[]>();
  for (let round = 0; round < 6; round++) {
    members = new Map();
    for (let i = 0; i < n; i++) {
      const r = find(i);
      const list = members.get(r);
      if (list) list.push(i);
      else members.set(r, [i]);
    }
    display = xy.map(([x, y]) => [x, y]);
    for (const list of members.values()) {
      if (list.length < 2) continue;
      let mx = 0;
      let my = 0;
      for (const m of list) {
        mx += xy[m]![0];
        my += xy[m]![1];
      }
      mx /= list.length;
      my /= list.length;
      fanOffsetsPixels(list.length, iconSizePixels).forEach(([dx, dy], k) => (display[list[k]!] = [mx + dx, my + dy]));
    }
    // Icons of different groups that still touch: merge their groups and lay out again.
    let merged = false;
    for (const [i, j] of closePairs(display, iconSizePixels * 0.9)) if (union(i, j)) merged = true;
    if (!merged) break;
  }

  const displayLngLat = new Map<string, readonly [number, number]>();
  const groups: FanGroup[] = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    let mx = 0;
    let my = 0;
    let farthest = 0;
    for (const m of list) {
      mx += xy[m]![0];
      my += xy[m]![1];
    }
    mx /= list.length;
    my /= list.length;
    for (const m of list) {
      displayLngLat.set(order[m]!.id, lngLatFromWorldPixels(display[m]!, zoom));
      farthest = Math.max(farthest, Math.hypot(display[m]![0] - mx, display[m]![1] - my));
    }
    const center = lngLatFromWorldPixels([mx, my], zoom);
    groups.push({
      centerLngLat: center,
      radiusMeters: (farthest + iconSizePixels * 0.6) * metersPerPixel(center[1], zoom),
      memberIds: list.map((m) => order[m]!.id),
      memberLngLats: list.map((m) => order[m]!.lngLat),
    });
  }
  groups.sort((a, b) => (a.memberIds[0]! < b.memberIds[0]! ? -1 : 1));
  return { displayLngLat, groups };
}
