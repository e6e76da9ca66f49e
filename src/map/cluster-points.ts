import Supercluster from 'supercluster';
import type { ResourceKind } from '../config/resource-kinds';
import type { ClusterDatum, MapPoint } from './layer-descriptor';

export interface ClusterOptions {
  radiusPixels: number;
  maxZoom: number;
  /** Fewest points that make a cluster (default 3; 2 for mixed kinds, where two icons already hide each other). */
  minPoints?: number;
}

export interface ClusteredPoints<P extends MapPoint> {
  clusters: ClusterDatum[];
  singles: P[];
}

type KindCounts = Partial<Record<ResourceKind, number>>;
/** Flat per-kind counters (supercluster clones cluster properties shallowly: no nested objects). */
type CountProps = Record<string, number>;
type Index = Supercluster<{ index: number; kind: ResourceKind }, CountProps>;
const COUNT_PREFIX = 'n_';

// One index per (points array, options): the array identity changes when filters change.
const indexCache = new WeakMap<readonly MapPoint[], { key: string; index: Index }>();

function getIndex(points: readonly MapPoint[], options: ClusterOptions): Index {
  const key = `${options.radiusPixels}/${options.maxZoom}/${options.minPoints ?? 3}`;
  const cached = indexCache.get(points);
  if (cached && cached.key === key) return cached.index;
  const index: Index = new Supercluster({
    radius: options.radiusPixels,
    maxZoom: options.maxZoom,
    minPoints: options.minPoints ?? 3,
    // How many of each kind a cluster holds, so a mixed cluster can say what is inside.
    map: (p) => ({ [`${COUNT_PREFIX}${p.kind}`]: 1 }),
    reduce: (acc, p) => {
      for (const [key, n] of Object.entries(p)) if (key.startsWith(COUNT_PREFIX)) acc[key] = (acc[key] ?? 0) + n;
    },
  });
  index.load(
    points.map((p, i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [p.lngLat[0], p.lngLat[1]] },
      properties: { index: i, kind: p.kind },
    })),
  );
  indexCache.set(points, { key, index });
  return index;
}

/**
 * Splits points into clusters and lone points for a zoom level. The whole world is queried so that
 * every point is represented exactly once (counts on the layer panel and on the map agree). Each
 * cluster carries its count per kind and the zoom at which it breaks apart.
 */
export function clusterPoints<P extends MapPoint>(
  points: readonly P[],
  zoom: number,
  options: ClusterOptions,
): ClusteredPoints<P> {
  if (points.length === 0) return { clusters: [], singles: [] };
  const index = getIndex(points, options);
  const features = index.getClusters([-180, -85, 180, 85], Math.floor(zoom));
  const clusters: ClusterDatum[] = [];
  const singles: P[] = [];
  for (const f of features) {
    const props = f.properties;
    const [lng, lat] = f.geometry.coordinates;
    if ('cluster' in props && props.cluster === true) {
      const c = props as Supercluster.ClusterProperties & CountProps;
      const kindCounts: KindCounts = {};
      for (const [key, n] of Object.entries(c)) {
        if (key.startsWith(COUNT_PREFIX)) kindCounts[key.slice(COUNT_PREFIX.length) as ResourceKind] = n;
      }
      clusters.push({
        clusterId: c.cluster_id,
        lngLat: [lng ?? 0, lat ?? 0],
        pointCount: c.point_count,
        kindCounts,
        expansionZoom: index.getClusterExpansionZoom(c.cluster_id),
      });
    } else {
      const p = points[(props as { index: number }).index];
      if (p) singles.push(p);
    }
  }
  clusters.sort((a, b) => a.clusterId - b.clusterId);
  return { clusters, singles };
}

/** Zoom at which a cluster breaks apart, for "click a cluster to zoom in". */
export function clusterExpansionZoom(points: readonly MapPoint[], clusterId: number, options: ClusterOptions): number {
  return getIndex(points, options).getClusterExpansionZoom(clusterId);
}
