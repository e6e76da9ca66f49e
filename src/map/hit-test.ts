import KDBush from 'kdbush';
import { clusterRadiusPixels } from './layers/cluster-layer';
import type { ClusterCirclesDescriptor, ClusterDatum, IconPointsDescriptor, LayerDescriptor, PickRef } from './layer-descriptor';
import { worldPixels } from './screen-geometry';

/**
 * What is under a screen point, on the CPU: the same answer deck.gl's picking pass gave (a picking
 * render plus a synchronous readPixels, which on software WebGL waits for the whole frame), without
 * touching the GPU. Pure: the map is reached only through the projection it is handed.
 *
 * What deck.gl drew, and so what it picked:
 * - icon-points: a square icon of iconSizePixels centred on displayLngLats[i] ?? lngLat, whose
 *   pixels below alpha 0.05 are discarded (IconLayer's alphaCutoff). Every badge of the atlas is a
 *   disc (buildIconSvg: a circle of r = 12 − ringWidth/2 − 0.25 with a ringWidth stroke in a 24-unit
 *   box, so 11.75 units outside), so the icon's corners were never pickable: the hit area is the
 *   disc of radius iconSizePixels · 11.75 / 24.
 * - cluster-circles: ScatterplotLayer discs of clusterRadiusPixels(pointCount) plus half the
 *   outline (the stroke is centred on the radius), at displayLngLat ?? lngLat.
 * - nothing else is pickable (count texts, labels, highlights, fans, paths and shapes are drawn
 *   with pickable false; polygon bands by MapLibre).
 * Topmost wins: a later descriptor over an earlier one, within one a later item over an earlier
 * one (deck.gl draws instances in order, all at depth 0). Only visible + pickable descriptors.
 * Edges are inclusive (distance ≤ radius); deck.gl's readPixels decides to the device pixel.
 */

/** Screen CSS pixels ↔ [lng, lat] of the map as shown now (MapLibre's project / unproject). */
export interface ScreenProjection {
  project: (lngLat: readonly [number, number]) => readonly [number, number];
  unproject: (xyPixels: readonly [number, number]) => readonly [number, number];
}

/** Outer radius of every icon badge as a fraction of the icon's side (buildIconSvg: 11.75 of 24). */
export const ICON_BADGE_RADIUS_FRACTION = 11.75 / 24;

export function iconHitRadiusPixels(iconSizePixels: number): number {
  return iconSizePixels * ICON_BADGE_RADIUS_FRACTION;
}

export function clusterHitRadiusPixels(c: Pick<ClusterDatum, 'pointCount'>, d: Pick<ClusterCirclesDescriptor, 'minRadiusPixels' | 'maxRadiusPixels' | 'lineWidthPixels'>): number {
  return clusterRadiusPixels(c.pointCount, d.minRadiusPixels, d.maxRadiusPixels) + d.lineWidthPixels / 2;
}

export function iconDrawnAt(d: IconPointsDescriptor, i: number): readonly [number, number] {
  return d.displayLngLats?.[i] ?? d.points[i]!.lngLat;
}

export function clusterDrawnAt(c: ClusterDatum): readonly [number, number] {
  return c.displayLngLat ?? c.lngLat;
}

export function resourceRef(d: IconPointsDescriptor, i: number): PickRef {
  const p = d.points[i]!;
  return { type: 'resource', id: p.id, kind: p.kind };
}

export function clusterRef(d: ClusterCirclesDescriptor, i: number): PickRef {
  const c = d.clusters[i]!;
  return { type: 'cluster', group: d.group, clusterId: c.clusterId, pointCount: c.pointCount, kindCounts: c.kindCounts, lngLat: c.lngLat, expansionZoom: c.expansionZoom };
}

/** Web Mercator in units of the whole world (0..1), the index's coordinates: independent of zoom. */
function mercatorUnits(lngLat: readonly [number, number]): [number, number] {
  const [x, y] = worldPixels(lngLat, 0);
  return [x / 512, y / 512];
}

/**
 * One k-d tree per drawn-positions array (the fanned positions when given, else the points or
 * clusters array), built on the first pick after it changed: a pick is then O(log n + hits), not a
 * scan of 100,000 resources per mousemove.
 */
const indexes = new WeakMap<object, KDBush>();

function indexOf(key: object, count: number, at: (i: number) => readonly [number, number]): KDBush {
  let tree = indexes.get(key);
  if (!tree) {
    tree = new KDBush(count, 64, Float64Array);
    for (let i = 0; i < count; i++) {
      const [x, y] = mercatorUnits(at(i));
      tree.add(x, y);
    }
    tree.finish();
    indexes.set(key, tree);
  }
  return tree;
}

/**
 * The highest index whose disc (centre `at(i)`, `radiusOf(i)` pixels) holds the screen point, or -1.
 * Candidates come from the tree in a box around the point: the screen square of `maxRadiusPixels`
 * taken back to the ground (its four corners; a rotated map turns the square, its bounding box
 * still covers it), then each is checked on the screen.
 */
function topmostDisc(
  tree: KDBush,
  at: (i: number) => readonly [number, number],
  radiusOf: (i: number) => number,
  maxRadiusPixels: number,
  xy: readonly [number, number],
  view: ScreenProjection,
): number {
  const [x, y] = xy;
  const r = maxRadiusPixels + 1;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const corner of [[x - r, y - r], [x + r, y - r], [x - r, y + r], [x + r, y + r]] as const) {
    const [mx, my] = mercatorUnits(view.unproject(corner));
    minX = Math.min(minX, mx); maxX = Math.max(maxX, mx);
    minY = Math.min(minY, my); maxY = Math.max(maxY, my);
  }
  let best = -1;
  for (const i of tree.range(minX, minY, maxX, maxY)) {
    if (i <= best) continue;
    const [px, py] = view.project(at(i));
    const radius = radiusOf(i);
    if ((px - x) * (px - x) + (py - y) * (py - y) <= radius * radius) best = i;
  }
  return best;
}

function hitIcons(d: IconPointsDescriptor, xy: readonly [number, number], view: ScreenProjection): number {
  if (d.points.length === 0) return -1;
  const at = (i: number) => iconDrawnAt(d, i);
  const radius = iconHitRadiusPixels(d.iconSizePixels);
  return topmostDisc(indexOf(d.displayLngLats ?? d.points, d.points.length, at), at, () => radius, radius, xy, view);
}

function hitClusters(d: ClusterCirclesDescriptor, xy: readonly [number, number], view: ScreenProjection): number {
  if (d.clusters.length === 0) return -1;
  const at = (i: number) => clusterDrawnAt(d.clusters[i]!);
  const maxRadius = Math.max(d.minRadiusPixels, d.maxRadiusPixels) + d.lineWidthPixels / 2;
  return topmostDisc(indexOf(d.clusters, d.clusters.length, at), at, (i) => clusterHitRadiusPixels(d.clusters[i]!, d), maxRadius, xy, view);
}

/** The topmost pickable object drawn under the screen point `xyPixels` (CSS pixels), or null. */
export function hitTest(descriptors: readonly LayerDescriptor[], xyPixels: readonly [number, number], view: ScreenProjection): PickRef | null {
  for (let k = descriptors.length - 1; k >= 0; k--) {
    const d = descriptors[k]!;
    if (d.type === 'icon-points' && d.visible && d.pickable) {
      const i = hitIcons(d, xyPixels, view);
      if (i >= 0) return resourceRef(d, i);
    } else if (d.type === 'cluster-circles' && d.visible && d.pickable) {
      const i = hitClusters(d, xyPixels, view);
      if (i >= 0) return clusterRef(d, i);
    }
  }
  return null;
}
