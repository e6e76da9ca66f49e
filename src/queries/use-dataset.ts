import { useIsFetching, useQuery, useQueryClient } from '@tanstack/react-query';
import { activeDataset, datasetManifest } from './dataset';
import { useComputeNetwork } from './use-isochrone';

/**
 * The active generated dataset (null for the Taishun demo): its manifest and how far loading has
 * come (the road network in the worker, the resources joined to it there).
 */
export function useDatasetStatus() {
  const large = activeDataset().id !== 'taishun';
  const manifest = useQuery({ queryKey: ['dataset', 'manifest'], queryFn: datasetManifest, enabled: large, staleTime: Infinity, retry: false });
  const network = useComputeNetwork();
  useIsFetching(); // re-render when a request ends, so `joined` below is current
  const client = useQueryClient();
  const joined = large
    ? client.getQueriesData<{ count: number }>({ queryKey: ['compute', 'resources'] }).map(([, d]) => d?.count).find((n) => typeof n === 'number') ?? null
    : null;
  return large ? { manifest: manifest.data?.manifest ?? null, manifestError: manifest.error, network, joined } : null;
}
