import { useQuery } from '@tanstack/react-query';
import { getComputeClient } from '../workers/compute-worker-instance';
import type { BarrierSpec } from '../workers/protocol';
import { BASEMAP_URLS } from './data-urls';

const ROADS_FILE = 'roads.geojson';
export const RESCUE_CIRCLE_BANDS_MINUTES: readonly number[] = [5, 10, 15];

/**
 * Loads the demo road network into the compute worker once (bytes transferred), then pre-fills
 * its snap raster so the first rescue circle is quick. Data: { nodeCount, edgeCount }.
 */
export function useComputeNetwork() {
  return useQuery({
    queryKey: ['compute', 'network', BASEMAP_URLS.roads],
    queryFn: async ({ signal }) => {
      const response = await fetch(BASEMAP_URLS.roads, { signal });
      if (!response.ok) throw new Error(`${BASEMAP_URLS.roads}: HTTP ${response.status}`);
      const bytes = await response.arrayBuffer();
      const client = getComputeClient();
      const graph = await client.request('loadRoads', { fileName: ROADS_FILE, bytes }, { signal, transfer: [bytes] });
      void client.request('warmUp', {}).catch(() => undefined); // an optimisation only
      return graph;
    },
    staleTime: Infinity,
    retry: 1,
  });
}

/**
 * The 5/10/15-minute bands of one resource, computed in the worker, with road closures if given.
 * Changing or clearing the resource aborts the running request (TanStack Query's signal → worker
 * cancel); while closures change, the previous bands stay drawn until the new ones arrive.
 */
export function useIsochrone(source: { id: string; lngLat: readonly [number, number] } | null, barriers?: BarrierSpec) {
  const network = useComputeNetwork();
  const query = useQuery({
    queryKey: ['compute', 'isochrone', BASEMAP_URLS.roads, source?.id, source?.lngLat, RESCUE_CIRCLE_BANDS_MINUTES, barriers ?? null],
    queryFn: ({ signal }) =>
      getComputeClient().request('isochrone', { sourceId: source!.id, lngLat: source!.lngLat, bandsMinutes: RESCUE_CIRCLE_BANDS_MINUTES, barriers }, { signal }),
    // Same resource, new closures: keep drawing the old bands until the new ones arrive.
    placeholderData: (previous, previousQuery) => (source && previousQuery?.queryKey[3] === source.id ? previous : undefined),
    enabled: source !== null && network.isSuccess,
    staleTime: Infinity,
  });
  return { ...query, networkError: network.error, networkLoading: network.isPending };
}
