import type { ClusterCirclesDescriptor, ClusterDatum, ClusterGroup } from '../layer-descriptor';

/**
 * Cluster looks. Camera clusters are a white disc with a camera-blue ring and count, so they never
 * read as a camera icon (a solid blue badge); mixed clusters of the other kinds are dark slate with
 * a white count, a colour no kind uses.
 */
const CLUSTER_LOOKS: Record<ClusterGroup, Pick<ClusterCirclesDescriptor, 'fillColor' | 'lineColor' | 'lineWidthPixels' | 'textColor' | 'minRadiusPixels' | 'maxRadiusPixels'>> = {
  camera: { fillColor: [255, 255, 255, 235], lineColor: [30, 110, 200], lineWidthPixels: 3, textColor: [20, 70, 140], minRadiusPixels: 11, maxRadiusPixels: 22 },
  resources: { fillColor: [52, 58, 74, 240], lineColor: [255, 255, 255], lineWidthPixels: 2, textColor: [255, 255, 255], minRadiusPixels: 12, maxRadiusPixels: 22 },
};

/** Clusters → circles with the point count written on them. */
export function buildClusterLayer(group: ClusterGroup, clusters: readonly ClusterDatum[], visible: boolean): ClusterCirclesDescriptor {
  return {
    type: 'cluster-circles',
    id: group === 'camera' ? 'cluster-camera' : 'cluster-resources',
    group,
    visible,
    clusters,
    ...CLUSTER_LOOKS[group],
    pickable: true,
  };
}

/** Radius for a cluster of `pointCount` points: logarithmic, clamped to the descriptor's bounds. */
export function clusterRadiusPixels(pointCount: number, minRadiusPixels: number, maxRadiusPixels: number): number {
  const grown = minRadiusPixels + Math.log2(Math.max(1, pointCount)) * 2.2;
  return Math.min(maxRadiusPixels, Math.max(minRadiusPixels, grown));
}
