import { useQueries } from '@tanstack/react-query';
import { RESOURCE_KINDS, type ResourceKind } from '../config/resource-kinds';
import { resourcesFromGeoJson } from '../io/load-resources';
import type { Resource } from '../io/schemas/resource';
import { RESOURCE_URLS } from './data-urls';
import { fetchJson } from './fetch-json';
import { queryKeys } from './keys';

export interface ResourcesByKind {
  byKind: Record<ResourceKind, Resource[]>;
  /** Rows dropped by validation, per kind (never silently). */
  issueCounts: Record<ResourceKind, number>;
  isLoading: boolean;
  error: Error | null;
}

async function loadKind(kind: ResourceKind, signal: AbortSignal) {
  const json = await fetchJson(RESOURCE_URLS[kind], signal);
  const { resources, issues } = resourcesFromGeoJson(json, kind);
  if (issues.length > 0) console.warn(`${kind}: ${issues.length} invalid rows dropped`, issues.slice(0, 5));
  return { resources, issueCount: issues.length };
}

type KindResult = { data?: { resources: Resource[]; issueCount: number }; isPending: boolean; error: Error | null };

// Module-level so its identity is stable: TanStack Query then memoises the combined result and
// hover-driven re-renders do not rebuild filters, clusters and layers.
function combineKinds(results: KindResult[]): ResourcesByKind {
  const byKind = {} as Record<ResourceKind, Resource[]>;
  const issueCounts = {} as Record<ResourceKind, number>;
  RESOURCE_KINDS.forEach((kind, i) => {
    byKind[kind] = results[i]?.data?.resources ?? [];
    issueCounts[kind] = results[i]?.data?.issueCount ?? 0;
  });
  return {
    byKind,
    issueCounts,
    isLoading: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
  };
}

/** Loads and validates every resource kind from data/taishun/resources/. */
export function useResources(): ResourcesByKind {
  return useQueries({
    queries: RESOURCE_KINDS.map((kind) => ({
      queryKey: queryKeys.resources(kind),
      queryFn: ({ signal }: { signal: AbortSignal }) => loadKind(kind, signal),
      staleTime: Infinity,
    })),
    combine: combineKinds,
  });
}
