import {
  CLUSTER_MAX_ZOOM,
  CLUSTER_RADIUS_PIXELS,
  FAN_OUT_MIN_ZOOM,
  RESOURCE_CLUSTER_RADIUS_PIXELS,
} from '../../config/map-defaults';
import { RESOURCE_KINDS, type ResourceKind } from '../../config/resource-kinds';
import { clusterPoints } from '../cluster-points';
import { fanOutPoints } from '../fan-out';
import type { ClusterDatum, FanOutDescriptor, LayerDescriptor, MapPoint, PlaceLabel } from '../layer-descriptor';
import { buildClusterLayer, clusterRadiusPixels } from './cluster-layer';
import { placeClearOf } from './clear-of-icons';
import { buildHighlightLayer } from './highlight-layer';
import { iconSizePixelsAtZoom } from './icon-size';
import { buildPlaceLabelLayer } from './place-label-layer';
import { buildResourceLayer } from './resource-layer';

export interface MapLayerState {
  /** Points per kind after filters (not after the visibility toggle). */
  pointsByKind: Readonly<Record<ResourceKind, readonly MapPoint[]>>;
  visibleKinds: ReadonlySet<ResourceKind>;
  zoom: number;
  selectedLngLat: readonly [number, number] | null;
  /** The selected resource's id: its highlight follows it when it is fanned out. */
  selectedId?: string | null;
  /** Township names drawn above the icons (in the UI language). */
  placeLabels?: readonly PlaceLabel[];
  /**
   * Extension point: descriptors drawn under the resource icons (e.g. isochrone bands) and above
   * them (e.g. an incident marker). Give them stable ids.
   */
  extraBelow?: readonly LayerDescriptor[];
  extraAbove?: readonly LayerDescriptor[];
  /**
   * A large dataset (a province): clustering ran off the main thread (the cluster worker, every
   * kind in one index, only the area shown). When set, these clusters and lone points are drawn
   * instead of clustering `pointsByKind` here; null while the worker has not answered (nothing drawn).
   */
  offThread?: { clusters: readonly ClusterDatum[]; singles: readonly MapPoint[] } | null;
}

/**
 * Draw order, bottom first: the numerous cameras (and their clusters) go under the fewer, more
 * urgent kinds, so a fire station is never hidden under a cluster of gauges (camera clusters are
 * moved clear of the other icons instead, so they are not hidden either).
 */
export const RESOURCE_DRAW_ORDER: readonly ResourceKind[] = ['camera', 'depot', 'shelter', 'rescue_team', 'fire_station'];

/** The kinds that cluster together, mixed (cameras cluster on their own: there are 2,071 of them). */
export const MIXED_CLUSTER_KINDS: readonly ResourceKind[] = ['depot', 'shelter', 'rescue_team', 'fire_station'];

// The mixed index is cached by the identity of its input arrays (they change when filters change).
let mixedCache: { inputs: readonly (readonly MapPoint[])[]; points: MapPoint[] } | null = null;
function mixedPoints(arrays: readonly (readonly MapPoint[])[]): MapPoint[] {
  if (mixedCache && mixedCache.inputs.length === arrays.length && mixedCache.inputs.every((a, i) => a === arrays[i])) return mixedCache.points;
  const points = arrays.flat();
  mixedCache = { inputs: arrays, points };
  return points;
}

/**
 * The full, ordered list of layer descriptors for the map (bottom first). Below FAN_OUT_MIN_ZOOM
 * crowded icons are clustered (cameras on their own, the other kinds mixed); from it on every icon
 * is drawn, and icons that would overlap are fanned out on a ring around their spot.
 */
export function buildLayerDescriptors(state: MapLayerState): LayerDescriptor[] {
  const zoom = Math.floor(state.zoom);
  const iconSize = iconSizePixelsAtZoom(zoom);
  const resources = state.offThread !== undefined ? offThreadDescriptors(state.offThread, state.visibleKinds, zoom) : resourceDescriptors(state.pointsByKind, state.visibleKinds, zoom);
  const selectedDisplay = state.selectedId ? resources.fan?.displayLngLat.get(state.selectedId) : undefined;
  return [
    ...(state.extraBelow ?? []),
    ...resources.descriptors,
    buildHighlightLayer(selectedDisplay ?? state.selectedLngLat, iconSize),
    ...(state.placeLabels ? [buildPlaceLabelLayer(state.placeLabels)] : []),
    ...(state.extraAbove ?? []),
  ];
}

interface ResourceDescriptors {
  descriptors: LayerDescriptor[];
  fan: ReturnType<typeof fanOutPoints> | null;
}

// The resource part depends only on the points, the visible kinds and the whole zoom: it is kept
// while a view changes what it draws above or below (an incident, a route), so the clusters and
// fans are not computed again and deck.gl sees the same data arrays. A few whole zooms are kept for
// the same points and kinds (zooming in and out again recomputes nothing), and the zooms next to
// the one shown are computed ahead while the page is idle (prewarmResourceDescriptors): the fan-out
// over every icon at zoom 15 took 30–55 ms of CPU, run in the frame of the zoom change otherwise.
interface ResourceCache {
  points: MapLayerState['pointsByKind'];
  kinds: string;
  byZoom: Map<number, ResourceDescriptors>;
}
let resourceCache: ResourceCache | null = null;
const RESOURCE_CACHE_ZOOMS = 6;

function resourceCacheFor(pointsByKind: MapLayerState['pointsByKind'], kinds: string): ResourceCache {
  const c = resourceCache;
  if (c && c.kinds === kinds && RESOURCE_KINDS.every((k) => c.points[k] === pointsByKind[k])) return c;
  resourceCache = { points: { ...pointsByKind }, kinds, byZoom: new Map() };
  return resourceCache;
}

function resourceDescriptors(pointsByKind: MapLayerState['pointsByKind'], visibleKinds: ReadonlySet<ResourceKind>, zoom: number): ResourceDescriptors {
  const cache = resourceCacheFor(pointsByKind, RESOURCE_KINDS.filter((k) => visibleKinds.has(k)).join());
  const hit = cache.byZoom.get(zoom);
  if (hit) {
    // most recently used last
    cache.byZoom.delete(zoom);
    cache.byZoom.set(zoom, hit);
    return hit;
  }
  const value = computeResourceDescriptors(pointsByKind, visibleKinds, zoom);
  cache.byZoom.set(zoom, value);
  while (cache.byZoom.size > RESOURCE_CACHE_ZOOMS) cache.byZoom.delete(cache.byZoom.keys().next().value!);
  return value;
}

/**
 * Computes (and caches) the resource descriptors of one whole zoom for these points and kinds, so
 * that zooming there later finds them ready. Returns whether it computed anything (false: cached).
 */
export function prewarmResourceDescriptors(pointsByKind: MapLayerState['pointsByKind'], visibleKinds: ReadonlySet<ResourceKind>, zoom: number): boolean {
  const z = Math.floor(zoom);
  const cache = resourceCacheFor(pointsByKind, RESOURCE_KINDS.filter((k) => visibleKinds.has(k)).join());
  if (cache.byZoom.has(z)) return false;
  cache.byZoom.set(z, computeResourceDescriptors(pointsByKind, visibleKinds, z));
  while (cache.byZoom.size > RESOURCE_CACHE_ZOOMS) cache.byZoom.delete(cache.byZoom.keys().next().value!);
  return true;
}

let offThreadCache: { input: MapLayerState['offThread']; kinds: string; zoom: number; value: ResourceDescriptors } | null = null;

/**
 * Below FAN_OUT_MIN_ZOOM there is no fan-out, but its (hidden) descriptor stays, so deck.gl keeps
 * the same fan layers at every zoom and draws them transparent while hidden (toFanOutLayers): their
 * pipelines then exist before the first zoom to FAN_OUT_MIN_ZOOM, which on software WebGL would
 * otherwise compile them inside that frame.
 */
const NO_FAN_OUT: FanOutDescriptor = { type: 'fan-out', id: 'fan-out', visible: false, groups: [] };

/** The worker's clusters and lone points as layers; from FAN_OUT_MIN_ZOOM lone icons that overlap are fanned out (few: only the area shown). */
function offThreadDescriptors(input: MapLayerState['offThread'], visibleKinds: ReadonlySet<ResourceKind>, zoom: number): ResourceDescriptors {
  const kinds = RESOURCE_KINDS.filter((k) => visibleKinds.has(k)).join();
  const c = offThreadCache;
  if (c && c.input === input && c.kinds === kinds && c.zoom === zoom) return c.value;
  const singles = input?.singles ?? [];
  const fan = zoom >= FAN_OUT_MIN_ZOOM ? fanOutPoints(singles, zoom, iconSizePixelsAtZoom(zoom)) : null;
  const out: LayerDescriptor[] = [];
  out.push(fan ? ({ type: 'fan-out', id: 'fan-out', visible: fan.groups.length > 0, groups: fan.groups } satisfies FanOutDescriptor) : NO_FAN_OUT);
  for (const kind of RESOURCE_DRAW_ORDER) {
    out.push(buildResourceLayer(kind, singles.filter((p) => p.kind === kind), visibleKinds.has(kind), { zoom, displayLngLat: fan?.displayLngLat }));
  }
  out.push(buildClusterLayer('resources', input?.clusters ?? [], true));
  const value = { descriptors: out, fan };
  offThreadCache = { input, kinds, zoom, value };
  return value;
}

function computeResourceDescriptors(pointsByKind: MapLayerState['pointsByKind'], visibleKinds: ReadonlySet<ResourceKind>, zoom: number): ResourceDescriptors {
  const state = { pointsByKind, visibleKinds };
  const iconSize = iconSizePixelsAtZoom(zoom);
  const out: LayerDescriptor[] = [];
  const visible = (k: ResourceKind) => state.visibleKinds.has(k);
  const fanning = zoom >= FAN_OUT_MIN_ZOOM;

  // Which points of each kind are drawn as icons (the rest are inside clusters).
  const singlesByKind = {} as Record<ResourceKind, readonly MapPoint[]>;
  let resourceClusters: ClusterDatum[] = [];
  let cameraClusters: ClusterDatum[] = [];
  // Camera clusters that could not be moved clear (a crowd) are drawn over the other icons instead.
  let cameraClustersOnTop: ClusterDatum[] = [];
  const mixedInputs = MIXED_CLUSTER_KINDS.filter(visible).map((k) => state.pointsByKind[k]);
  for (const k of RESOURCE_KINDS) singlesByKind[k] = state.pointsByKind[k];
  if (!fanning) {
    const mixed = clusterPoints(mixedPoints(mixedInputs), zoom, {
      radiusPixels: RESOURCE_CLUSTER_RADIUS_PIXELS,
      maxZoom: CLUSTER_MAX_ZOOM,
      minPoints: 2,
    });
    resourceClusters = mixed.clusters;
    for (const k of MIXED_CLUSTER_KINDS) if (visible(k)) singlesByKind[k] = mixed.singles.filter((p) => p.kind === k);
    const cams = clusterPoints(state.pointsByKind.camera, zoom, { radiusPixels: CLUSTER_RADIUS_PIXELS, maxZoom: CLUSTER_MAX_ZOOM });
    cameraClusters = cams.clusters;
    singlesByKind.camera = cams.singles;
    // Camera clusters are drawn under the other kinds: move each one clear of the icons and clusters
    // it would sit under, so it is not hidden (at this zoom; zooming in only spreads them further).
    if (visible('camera') && cameraClusters.length > 0) {
      const obstacles = [
        ...MIXED_CLUSTER_KINDS.filter(visible).flatMap((k) => singlesByKind[k].map((p) => ({ lngLat: p.lngLat, radiusPixels: iconSize / 2 }))),
        ...resourceClusters.map((c) => ({ lngLat: c.lngLat, radiusPixels: clusterRadiusPixels(c.pointCount, 12, 22) })),
      ];
      const placed = placeClearOf(
        cameraClusters.map((c) => ({ lngLat: c.lngLat, radiusPixels: clusterRadiusPixels(c.pointCount, 11, 22) })),
        obstacles,
        zoom, // the smallest zoom these descriptors are shown at: zooming in only spreads them further
        2,
        3,
      );
      const moved = cameraClusters.map((c, i) => ({ ...c, displayLngLat: placed[i]!.lngLat }));
      cameraClusters = moved.filter((_, i) => placed[i]!.clear);
      cameraClustersOnTop = moved.filter((_, i) => !placed[i]!.clear);
    }
  }

  let fan: ReturnType<typeof fanOutPoints> | null = null;
  if (fanning) {
    fan = fanOutPoints(RESOURCE_KINDS.filter(visible).flatMap((k) => state.pointsByKind[k]), zoom, iconSize);
    const fanLayer: FanOutDescriptor = { type: 'fan-out', id: 'fan-out', visible: fan.groups.length > 0, groups: fan.groups };
    out.push(fanLayer);
  } else out.push(NO_FAN_OUT);

  for (const kind of RESOURCE_DRAW_ORDER) {
    out.push(buildResourceLayer(kind, singlesByKind[kind], visible(kind), { zoom, displayLngLat: fan?.displayLngLat }));
    if (kind === 'camera') out.push(buildClusterLayer('camera', cameraClusters, visible('camera')));
  }
  out.push(buildClusterLayer('resources', resourceClusters, mixedInputs.length > 0));
  out.push({ ...buildClusterLayer('camera', cameraClustersOnTop, visible('camera')), id: 'cluster-camera-top' });
  return { descriptors: out, fan };
}

/** How many resources of each kind the descriptors draw (lone icons + points inside clusters). */
export function countDrawnByKind(descriptors: readonly LayerDescriptor[]): Record<ResourceKind, number> {
  const counts = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, 0])) as Record<ResourceKind, number>;
  for (const d of descriptors) {
    if (!d.visible) continue;
    if (d.type === 'icon-points') counts[d.kind] += d.points.length;
    if (d.type === 'cluster-circles') {
      for (const c of d.clusters) for (const [k, n] of Object.entries(c.kindCounts) as [ResourceKind, number][]) counts[k] += n;
    }
  }
  return counts;
}

/** Where each drawn icon is on the map (its fanned position if fanned), for tests and hit checks. */
export function drawnIconPositions(descriptors: readonly LayerDescriptor[]): { id: string; kind: ResourceKind; lngLat: readonly [number, number] }[] {
  const out: { id: string; kind: ResourceKind; lngLat: readonly [number, number] }[] = [];
  for (const d of descriptors) {
    if (d.type !== 'icon-points' || !d.visible) continue;
    d.points.forEach((p, i) => out.push({ id: p.id, kind: p.kind, lngLat: d.displayLngLats?.[i] ?? p.lngLat }));
  }
  return out;
}

/** Where each drawn cluster circle is (moved clear of icons if it was), for tests and hit checks. */
export function drawnClusterPositions(descriptors: readonly LayerDescriptor[]): { layerId: string; pointCount: number; kindCounts: Record<string, number>; lngLat: readonly [number, number] }[] {
  return descriptors.flatMap((d) =>
    d.type === 'cluster-circles' && d.visible
      ? d.clusters.map((c) => ({ layerId: d.id, pointCount: c.pointCount, kindCounts: { ...c.kindCounts } as Record<string, number>, lngLat: c.displayLngLat ?? c.lngLat }))
      : [],
  );
}
