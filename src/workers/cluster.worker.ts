/// <reference lib="webworker" />
import Supercluster from 'supercluster';
import type { ClusterCircle, ClusterReply, ClusterRequest } from './dataset-protocol';

/**
 * Supercluster over every drawn resource of a large dataset (all kinds in one index, each cluster
 * counting its kinds), built and queried here so the page never indexes 100,000 points itself. The
 * page sends the points as typed arrays (transferred) and asks for the clusters of the area it
 * shows at a zoom; it gets the circles and the indices of the lone points.
 */
type Props = { i: number; k: number };
type CountProps = Record<string, number>;
const post = (m: ClusterReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
let current: { set: number; index: Supercluster<Props, CountProps> } | null = null;

function build(m: Extract<ClusterRequest, { type: 'load' }>): Supercluster<Props, CountProps> {
  const index = new Supercluster<Props, CountProps>({
    radius: m.radiusPixels,
    maxZoom: m.maxZoom,
    minPoints: m.minPoints,
    map: (p) => ({ [`n${p.k}`]: 1 }),
    reduce: (acc, p) => {
      for (const key in p) if (key.charCodeAt(0) === 110 /* n */) acc[key] = (acc[key] ?? 0) + p[key]!;
    },
  });
  const features = new Array(m.kinds.length);
  for (let i = 0; i < m.kinds.length; i++) {
    features[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [m.lngLat[2 * i]!, m.lngLat[2 * i + 1]!] }, properties: { i, k: m.kinds[i]! } };
  }
  index.load(features);
  return index;
}

/**
 * A set waiting to be indexed. While a province loads, a set arrives per kind (and per filter
 * change); building each (0.3–1 s for 100,000 points on a loaded machine) would make the last one
 * wait behind the others. The build runs in a task of its own, so a newer set queued meanwhile
 * replaces the waiting one unbuilt (the page asks only about its newest set).
 */
let pending: Extract<ClusterRequest, { type: 'load' }> | null = null;

function buildPending(): void {
  const m = pending;
  if (!m) return;
  pending = null;
  try {
    const t0 = performance.now();
    current = { set: m.set, index: build(m) };
    post({ type: 'loaded', set: m.set, points: m.kinds.length, buildMs: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', set: m.set, message: (err as Error).message });
  }
}

self.onmessage = (e: MessageEvent<ClusterRequest>) => {
  const m = e.data;
  try {
    if (m.type === 'load') {
      if (!pending) setTimeout(buildPending, 0);
      pending = m;
      return;
    }
    if (pending && pending.set === m.set) buildPending();
    if (!current || current.set !== m.set) return; // a newer set replaced it; the page asks again
    const index = current.index;
    const features = index.getClusters([m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3]], Math.floor(m.zoom));
    const clusters: ClusterCircle[] = [];
    const singles: number[] = [];
    for (const f of features) {
      const p = f.properties as Props | (Supercluster.ClusterProperties & CountProps);
      if ('cluster' in p && p.cluster) {
        const c = p as Supercluster.ClusterProperties & CountProps;
        const kindCounts: Record<number, number> = {};
        for (const key in c) if (key.charCodeAt(0) === 110 && key.length > 1 && /^n\d+$/.test(key)) kindCounts[Number(key.slice(1))] = c[key]!;
        const [lng, lat] = f.geometry.coordinates;
        clusters.push({ clusterId: c.cluster_id, lngLat: [lng!, lat!], pointCount: c.point_count, kindCounts, expansionZoom: index.getClusterExpansionZoom(c.cluster_id) });
      } else singles.push((p as Props).i);
    }
    const out = Int32Array.from(singles);
    (self as unknown as DedicatedWorkerGlobalScope).postMessage({ type: 'clusters', set: m.set, query: m.query, zoom: m.zoom, clusters, singles: out } satisfies ClusterReply, [out.buffer]);
  } catch (err) {
    post({ type: 'error', set: m.set, message: (err as Error).message });
  }
};
