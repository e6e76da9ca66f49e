import { RESOURCE_KIND_STYLES, type ResourceKind } from '../../config/resource-kinds';
import type { ClusterCirclesDescriptor, ClusterDatum } from '../layer-descriptor';

/** Clusters of one kind → circles with the point count written on them. */
export function buildClusterLayer(kind: ResourceKind, clusters: readonly ClusterDatum[], visible: boolean): ClusterCirclesDescriptor {
  return {
    type: 'cluster-circles',
    id: `cluster-${kind}`,
    kind,
    visible,
    clusters,
    color: RESOURCE_KIND_STYLES[kind].color,
    minRadiusPixels: 12,
    maxRadiusPixels: 26,
    pickable: true,
  };
}

/** Radius for a cluster of `pointCount` points: logarithmic, clamped to the descriptor's bounds. */
export function clusterRadiusPixels(pointCount: number, minRadiusPixels: number, maxRadiusPixels: number): number {
  const grown = minRadiusPixels + Math.log2(Math.max(1, pointCount)) * 2.2;
  return Math.min(maxRadiusPixels, Math.max(minRadiusPixels, grown));
}
