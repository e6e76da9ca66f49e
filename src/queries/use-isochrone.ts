import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { exposeForTests } from '../map/test-hook';
import { computeGeneration, getComputeClient, killComputeWorkerForTests, subscribeComputeGeneration } from '../workers/compute-worker-instance';
import type { BarrierSpec } from '../workers/protocol';
import { BASEMAP_URLS } from './data-urls';
import { computeRoadsFile } from './roads-bytes';

export const RESCUE_CIRCLE_BANDS_MINUTES: readonly number[] = [5, 10, 15];

exposeForTests({ killComputeWorker: killComputeWorkerForTests });

/** The compute worker's generation: moves on when it stops, so keyed queries re-run in the new one. */
export function useComputeGeneration(): number {
  return useSyncExternalStore(subscribeComputeGeneration, computeGeneration);
}

// The road file's bytes are kept (roads-bytes.ts), so a restarted worker gets its network again
// without the network (offline, a rescue circle still computes).
/**
 * Loads the demo road network into the compute worker (a copy of the bytes transferred), then
 * pre-fills its snap raster so the first rescue circle is quick; again into a restarted worker.
 * Data: { nodeCount, edgeCount }. networkMode 'always': a worker needs no network, so its
 * queries never pause while the browser says it is offline.
 */
export function useComputeNetwork() {
  const generation = useComputeGeneration();
  return useQuery({
    queryKey: ['compute', 'network', BASEMAP_URLS.roads, generation],
    queryFn: async ({ signal }) => {
      // the demo: the same bytes the basemap parsed (one fetch), a copy as transfer detaches it;
      // a generated dataset (?dataset=province): its binary graph
      const file = await computeRoadsFile();
      signal.throwIfAborted();
      const client = getComputeClient();
      const graph = await client.request('loadRoads', file, { signal, transfer: 'bytes' in file ? [file.bytes] : [] });
      void client.request('warmUp', {}).catch(() => undefined); // an optimisation only
      return graph;
    },
    staleTime: Infinity,
    retry: 1,
    networkMode: 'always',
  });
}

/**
 * The 5/10/15-minute bands of one resource, computed in the worker, with road closures if given.
 * Changing or clearing the resource aborts the running request (TanStack Query's signal → worker
 * cancel); while closures change, the previous bands stay drawn until the new ones arrive. A
 * worker that stops mid-request is replaced and the request re-issued (the key has its generation).
 */
export function useIsochrone(source: { id: string; lngLat: readonly [number, number] } | null, barriers?: BarrierSpec) {
  const network = useComputeNetwork();
  const generation = useComputeGeneration();
  const query = useQuery({
    queryKey: ['compute', 'isochrone', BASEMAP_URLS.roads, source?.id, source?.lngLat, RESCUE_CIRCLE_BANDS_MINUTES, barriers ?? null, generation],
    queryFn: ({ signal }) =>
      getComputeClient().request('isochrone', { sourceId: source!.id, lngLat: source!.lngLat, bandsMinutes: RESCUE_CIRCLE_BANDS_MINUTES, barriers }, { signal }),
    // Same resource, new closures (or a new worker): keep drawing the old bands until the new ones arrive.
    placeholderData: (previous, previousQuery) => (source && previousQuery?.queryKey[3] === source.id ? previous : undefined),
    enabled: source !== null && network.isSuccess,
    staleTime: Infinity,
    networkMode: 'always',
  });
  return { ...query, networkError: network.error, networkLoading: network.isPending };
}
