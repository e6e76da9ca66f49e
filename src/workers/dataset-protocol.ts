/**
 * Messages of the dataset workers: resources.worker.ts (fetch + validate one kind's file of a
 * large dataset) and cluster.worker.ts (supercluster over every drawn resource). Both keep a
 * province's 100,000 rows off the main thread.
 */
import type { Resource, ResourceKind } from '../io/schemas/resource';

export interface ResourcesRequest {
  readonly type: 'load';
  readonly url: string;
  readonly kind: ResourceKind;
}

export type ResourcesReply =
  /** validated rows, in pieces small enough that receiving one is a short task on the page */
  | { readonly type: 'chunk'; readonly resources: Resource[] }
  | { readonly type: 'done'; readonly rowCount: number; readonly issueCount: number; readonly firstIssues: string[] }
  | { readonly type: 'error'; readonly message: string };

/** Resource kinds as small integers (the cluster worker's typed arrays), in RESOURCE_KINDS order. */
export type KindCode = number;

export type ClusterRequest =
  /** a new point set: [lng, lat] pairs and kind codes (transferred); replaces the index */
  | { readonly type: 'load'; readonly set: number; readonly lngLat: Float64Array; readonly kinds: Uint8Array; readonly radiusPixels: number; readonly maxZoom: number; readonly minPoints: number }
  /** clusters and lone points of the set within a box at a zoom */
  | { readonly type: 'query'; readonly set: number; readonly query: number; readonly bbox: readonly [number, number, number, number]; readonly zoom: number };

export interface ClusterCircle {
  readonly clusterId: number;
  readonly lngLat: readonly [number, number];
  readonly pointCount: number;
  /** how many of each kind code */
  readonly kindCounts: Record<number, number>;
  readonly expansionZoom: number;
}

export type ClusterReply =
  | { readonly type: 'loaded'; readonly set: number; readonly points: number; readonly buildMs: number }
  | { readonly type: 'clusters'; readonly set: number; readonly query: number; readonly zoom: number; readonly clusters: ClusterCircle[]; readonly singles: Int32Array }
  | { readonly type: 'error'; readonly set: number; readonly message: string };
