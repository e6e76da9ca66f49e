import { useQuery } from '@tanstack/react-query';
import { META_URL } from './data-urls';
import { fetchJson } from './fetch-json';
import { queryKeys } from './keys';

export interface DemoMeta {
  synthetic: boolean;
  label?: string;
  seed?: unknown;
  counts?: Record<string, number>;
  totals?: Record<string, unknown>;
}

function asDemoMeta(json: unknown): DemoMeta {
  const m = json as Partial<DemoMeta> | null;
  if (!m || typeof m !== 'object') throw new Error('meta.json: not an object');
  return { ...m, synthetic: m.synthetic !== false };
}

/** data/taishun/meta.json: whether the data is synthetic, its label and counts. */
export function useDemoMeta() {
  return useQuery({
    queryKey: queryKeys.meta(),
    queryFn: async ({ signal }) => asDemoMeta(await fetchJson(META_URL, signal)),
    staleTime: Infinity,
  });
}
