import { useEffect, useMemo, useRef, useState } from 'react';
import { CLUSTER_MAX_ZOOM, CLUSTER_RADIUS_PIXELS } from '../config/map-defaults';
import { RESOURCE_KINDS, type ResourceKind } from '../config/resource-kinds';
import type { ClusterDatum, MapPoint } from '../map/layer-descriptor';
import type { ClusterReply } from '../workers/dataset-protocol';
import { getClusterWorker } from '../workers/dataset-workers';

/** What the cluster worker answered for the area shown: circles (all kinds mixed) and lone points. */
export interface WorkerClusters {
  zoom: number;
  clusters: ClusterDatum[];
  singles: MapPoint[];
  /** resources in the index (every visible one after filters) */
  indexed: number;
}

const KIND_CODE = new Map(RESOURCE_KINDS.map((k, i) => [k, i]));

/**
 * The area asked for: the view padded by one screen on every side, snapped to a grid of
 * screen-sized steps, so panning within it asks nothing new. 512-px tiles (MapLibre), Web Mercator.
 */
export function clusterQueryBox(center: readonly [number, number], zoom: number, widthPixels: number, heightPixels: number): [number, number, number, number] {
  const z = Math.floor(zoom);
  const degPerPixel = 360 / (512 * 2 ** z);
  const stepLng = Math.max(1e-6, widthPixels * degPerPixel);
  const stepLat = Math.max(1e-6, heightPixels * degPerPixel * Math.cos((center[1] * Math.PI) / 180));
  const x = Math.floor(center[0] / stepLng), y = Math.floor(center[1] / stepLat);
  const clampLat = (v: number) => Math.max(-85, Math.min(85, v));
  return [Math.max(-180, (x - 1) * stepLng), clampLat((y - 1) * stepLat), Math.min(180, (x + 2) * stepLng), clampLat((y + 2) * stepLat)];
}

/**
 * Clusters of a large dataset, computed in the cluster worker (supercluster over every visible
 * resource of every kind): the page sends the points once per filter/visibility change (typed
 * arrays, transferred) and asks per zoom and area shown. Off (`enabled` false) it returns null
 * and costs nothing. Until the first answer it returns null: nothing is drawn rather than 100,000
 * icons.
 */
export function useWorkerClusters(
  enabled: boolean,
  pointsByKind: Readonly<Record<ResourceKind, readonly MapPoint[]>>,
  visibleKinds: ReadonlySet<ResourceKind>,
  view: { center: readonly [number, number]; zoom: number },
): WorkerClusters | null {
  const points = useMemo(() => (enabled ? RESOURCE_KINDS.filter((k) => visibleKinds.has(k)).flatMap((k) => pointsByKind[k]) : []), [enabled, pointsByKind, visibleKinds]);
  const [loadedSet, setLoadedSet] = useState(0);
  const [answer, setAnswer] = useState<WorkerClusters | null>(null);
  const setRef = useRef(0);
  const queryRef = useRef(0);
  const pointsRef = useRef(points);

  useEffect(() => {
    if (!enabled) return;
    const worker = getClusterWorker();
    return worker.onReply((m: ClusterReply) => {
      if (m.type === 'error') console.warn(`cluster worker: ${m.message}`);
      else if (m.type === 'loaded' && m.set === setRef.current) setLoadedSet(m.set);
      else if (m.type === 'clusters' && m.set === setRef.current && m.query === queryRef.current) {
        const pts = pointsRef.current;
        const clusters: ClusterDatum[] = m.clusters.map((c) => ({
          clusterId: c.clusterId, lngLat: c.lngLat, pointCount: c.pointCount, expansionZoom: c.expansionZoom,
          kindCounts: Object.fromEntries(Object.entries(c.kindCounts).map(([code, n]) => [RESOURCE_KINDS[Number(code)]!, n])),
        }));
        const singles: MapPoint[] = new Array(m.singles.length);
        for (let i = 0; i < m.singles.length; i++) singles[i] = pts[m.singles[i]!]!;
        setAnswer({ zoom: m.zoom, clusters, singles, indexed: pts.length });
      }
    });
  }, [enabled]);

  useEffect(() => {
    if (!enabled) return;
    const set = ++setRef.current;
    pointsRef.current = points;
    const lngLat = new Float64Array(points.length * 2);
    const kinds = new Uint8Array(points.length);
    points.forEach((p, i) => {
      lngLat[2 * i] = p.lngLat[0];
      lngLat[2 * i + 1] = p.lngLat[1];
      kinds[i] = KIND_CODE.get(p.kind)!;
    });
    getClusterWorker().send({ type: 'load', set, lngLat, kinds, radiusPixels: CLUSTER_RADIUS_PIXELS, maxZoom: CLUSTER_MAX_ZOOM, minPoints: 2 }, [lngLat.buffer, kinds.buffer]);
  }, [enabled, points]);

  const width = typeof window === 'undefined' ? 1280 : window.innerWidth;
  const height = typeof window === 'undefined' ? 800 : window.innerHeight;
  const box = clusterQueryBox(view.center, view.zoom, width, height);
  const zoom = Math.floor(view.zoom);
  const boxKey = box.join();
  useEffect(() => {
    if (!enabled || loadedSet === 0 || loadedSet !== setRef.current) return;
    getClusterWorker().send({ type: 'query', set: loadedSet, query: ++queryRef.current, bbox: box, zoom });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- boxKey stands for box
  }, [enabled, loadedSet, boxKey, zoom]);

  return enabled ? answer : null;
}
