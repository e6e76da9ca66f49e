import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { getComputeClient } from '../workers/compute-worker-instance';
import { notReachedIds, packResources, type BarrierSpec, type ComputeResource, type ComputeResult } from '../workers/protocol';
import { BASEMAP_URLS } from './data-urls';
import { useComputeNetwork } from './use-isochrone';

/** Count + FNV-1a over every id and position: an imported layer or moved row is a new set, even with the same count and ends. */
export function resourceSetFingerprint(resources: readonly ComputeResource[]): string {
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    h = Math.imul(h ^ n, 0x01000193);
  };
  for (const r of resources) {
    for (let i = 0; i < r.id.length; i++) mix(r.id.charCodeAt(i));
    mix(Math.round(r.lngLat[0] * 1e6));
    mix(Math.round(r.lngLat[1] * 1e6));
  }
  return `${resources.length}:${(h >>> 0).toString(36)}`;
}

/**
 * Joins the given resources to the road network in the worker, once per set. The worker holds one
 * resource set: a view that ranks resources calls this when it mounts (refetched on mount, so a
 * view that set another set in between is undone).
 */
export function useComputeResources(owner: string, resources: readonly ComputeResource[] | null) {
  const network = useComputeNetwork();
  const fingerprint = useMemo(() => (resources ? resourceSetFingerprint(resources) : null), [resources]);
  const query = useQuery({
    queryKey: ['compute', 'resources', BASEMAP_URLS.roads, owner, fingerprint],
    queryFn: () => {
      const { packed, transfer } = packResources(resources!);
      return getComputeClient().request('setResources', { packed }, { transfer });
    },
    enabled: network.isSuccess && resources !== null && resources.length > 0,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnMount: 'always',
  });
  return { ...query, networkError: network.error, key: fingerprint };
}

export interface NearestRequest {
  incident: readonly [number, number];
  k: number;
  kinds: readonly string[];
  /** the candidates after the officer's filters */
  ids: readonly string[];
  barriers?: BarrierSpec;
}

// A query key is hashed (JSON) on every render of every observer: a province's 50,000 candidate
// ids would cost tens of milliseconds each time. The key holds a short stand-in per ids array
// instead (the arrays are memoised by the view, so one stand-in per filter change); the ids
// themselves go to the worker with the request.
const idsKeys = new WeakMap<readonly string[], string>();
let idsKeySeq = 0;
export function idsKeyOf(ids: readonly string[]): string {
  let key = idsKeys.get(ids);
  if (key === undefined) {
    key = `ids#${++idsKeySeq}:${ids.length}`;
    idsKeys.set(ids, key);
  }
  return key;
}

/** The answer with its not-reached candidates as ids (the worker sends their positions in the request's ids). */
function withNotReachedIds(a: ComputeResult<'nearest'>, ids: readonly string[]): ComputeResult<'nearest'> {
  return a.notReached?.indicesByKind ? { ...a, notReached: { withinSeconds: a.notReached.withinSeconds, idsByKind: notReachedIds(a.notReached, ids) } } : a;
}

/**
 * The two answers for an incident: by straight line (k-d tree, answered at once) and by road travel
 * time with routes (one reverse Dijkstra in the worker). A new request aborts the running one.
 */
function nearestQueries(request: NearestRequest | null, resourcesKey: string | null) {
  const enabled = request !== null && resourcesKey !== null;
  const base = request ? { incident: request.incident, k: request.k, kinds: request.kinds, ids: request.ids } : null;
  const keyBase = base ? { ...base, ids: idsKeyOf(base.ids) } : null;
  return {
    straight: {
      queryKey: ['compute', 'nearestStraightLine', resourcesKey, keyBase],
      queryFn: ({ signal }: { signal: AbortSignal }) => getComputeClient().request('nearestStraightLine', { ...base!, perKind: true }, { signal }),
      enabled,
      staleTime: Infinity,
    },
    travel: {
      queryKey: ['compute', 'nearest', resourcesKey, keyBase, request?.barriers ?? null],
      queryFn: ({ signal }: { signal: AbortSignal }) => getComputeClient().request('nearest', { ...base!, perKind: true, barriers: request!.barriers, withRoutes: true }, { signal }).then((a) => withNotReachedIds(a, base!.ids)),
      enabled,
      staleTime: Infinity,
    },
  };
}

export function useNearest(request: NearestRequest | null, resourcesKey: string | null) {
  const q = nearestQueries(request, resourcesKey);
  const straight = useQuery(q.straight);
  const travel = useQuery(q.travel);
  return { straight, travel };
}

/**
 * Starts both answers for a request at once (e.g. in the click that places the incident), under
 * the keys useNearest will ask for: the worker searches while the page renders the click and draws
 * its frame, instead of after (on a province the frame is 100–300 ms of software WebGL here).
 */
export function usePrefetchNearest(resourcesKey: string | null): (request: NearestRequest) => void {
  const client = useQueryClient();
  return useCallback((request: NearestRequest) => {
    if (resourcesKey === null) return;
    const q = nearestQueries(request, resourcesKey);
    void client.prefetchQuery(q.straight);
    void client.prefetchQuery(q.travel);
  }, [client, resourcesKey]);
}

/** Travel times of the given depots (all of them, no k) for a supplies plan. */
export function useDepotTimes(incident: readonly [number, number] | null, depotIds: readonly string[], barriers: BarrierSpec | undefined, resourcesKey: string | null) {
  return useQuery({
    queryKey: ['compute', 'depotTimes', resourcesKey, incident, idsKeyOf(depotIds), barriers ?? null],
    queryFn: ({ signal }) =>
      getComputeClient().request('nearest', { incident: incident!, k: depotIds.length, perKind: false, ids: depotIds, barriers }, { signal }).then((a) => withNotReachedIds(a, depotIds)),
    enabled: incident !== null && depotIds.length > 0 && resourcesKey !== null,
    staleTime: Infinity,
  });
}

/** Each closure's closed road segments (count and geometry), in the worker. */
export function useClosureSegments(closures: readonly BarrierSpec[]) {
  const network = useComputeNetwork();
  return useQuery({
    queryKey: ['compute', 'closures', BASEMAP_URLS.roads, closures],
    queryFn: ({ signal }) => getComputeClient().request('closures', { closures }, { signal }),
    enabled: network.isSuccess && closures.length > 0,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}
