import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PIXELS } from '../../config/map-defaults';
import { RESOURCE_KINDS, RESOURCE_KIND_STYLES, type ResourceKind } from '../../config/resource-kinds';
import { clusterPoints } from '../cluster-points';
import type { LayerDescriptor, MapPoint, PlaceLabel } from '../layer-descriptor';
import { buildClusterLayer } from './cluster-layer';
import { buildHighlightLayer } from './highlight-layer';
import { buildPlaceLabelLayer } from './place-label-layer';
import { buildResourceLayer } from './resource-layer';

export interface MapLayerState {
  /** Points per kind after filters (not after the visibility toggle). */
  pointsByKind: Readonly<Record<ResourceKind, readonly MapPoint[]>>;
  visibleKinds: ReadonlySet<ResourceKind>;
  zoom: number;
  selectedLngLat: readonly [number, number] | null;
  /** Township names drawn above the icons (in the UI language). */
  placeLabels?: readonly PlaceLabel[];
  /**
   * Extension point: descriptors drawn under the resource icons (e.g. isochrone bands) and above
   * them (e.g. an incident marker). Give them stable ids.
   */
  extraBelow?: readonly LayerDescriptor[];
  extraAbove?: readonly LayerDescriptor[];
}

/**
 * Draw order, bottom first: the numerous cameras (and their clusters) go under the fewer, more
 * urgent kinds, so a fire station is never hidden under a cluster of gauges.
 */
export const RESOURCE_DRAW_ORDER: readonly ResourceKind[] = ['camera', 'depot', 'shelter', 'rescue_team', 'fire_station'];

/** The full, ordered list of layer descriptors for the map (bottom first). */
export function buildLayerDescriptors(state: MapLayerState): LayerDescriptor[] {
  const out: LayerDescriptor[] = [...(state.extraBelow ?? [])];
  for (const kind of RESOURCE_DRAW_ORDER) {
    const points = state.pointsByKind[kind];
    const visible = state.visibleKinds.has(kind);
    if (RESOURCE_KIND_STYLES[kind].clustered) {
      const { clusters, singles } = clusterPoints(points, state.zoom, {
        radiusPixels: CLUSTER_RADIUS_PIXELS,
        maxZoom: CLUSTER_MAX_ZOOM,
      });
      out.push(buildResourceLayer(kind, singles, visible));
      out.push(buildClusterLayer(kind, clusters, visible));
    } else {
      out.push(buildResourceLayer(kind, points, visible));
    }
  }
  out.push(buildHighlightLayer(state.selectedLngLat));
  if (state.placeLabels) out.push(buildPlaceLabelLayer(state.placeLabels));
  out.push(...(state.extraAbove ?? []));
  return out;
}

/** How many resources of each kind the descriptors draw (lone icons + points inside clusters). */
export function countDrawnByKind(descriptors: readonly LayerDescriptor[]): Record<ResourceKind, number> {
  const counts = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, 0])) as Record<ResourceKind, number>;
  for (const d of descriptors) {
    if (!d.visible) continue;
    if (d.type === 'icon-points') counts[d.kind] += d.points.length;
    if (d.type === 'cluster-circles') counts[d.kind] += d.clusters.reduce((s, c) => s + c.pointCount, 0);
  }
  return counts;
}
