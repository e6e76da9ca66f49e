import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { LIVE_CLOCK_MS } from '../config/live-defaults';
import { RESOURCE_KINDS, type ResourceKind } from '../config/resource-kinds';
import { resourcesFromGeoJson } from '../io/load-resources';
import type { Resource } from '../io/schemas/resource';
import { staleAfterSecondsOf, type LayerSource, type LiveLayerSource } from '../io/sources/sources-config';
import { RESOURCE_URLS } from './data-urls';
import { activeDataset, datasetManifest } from './dataset';
import { loadResourcesInWorker } from '../workers/dataset-workers';
import { fetchJson } from './fetch-json';
import { queryKeys } from './keys';
import type { LastGood } from './live/last-good-store';
import { failureRunOf, lastGoodQuery, liveLayerQuery } from './live/live-layer-query';
import { describeFailure, liveState, type LiveLayerStatus } from './live/live-status';
import { useSourcesConfig } from './live/sources-config-query';

export type { LiveLayerStatus } from './live/live-status';

export interface ResourcesByKind {
  byKind: Record<ResourceKind, Resource[]>;
  /** Rows dropped by validation, per kind (never silently). */
  issueCounts: Record<ResourceKind, number>;
  /** Rows the file or source had, valid or not. */
  rowCounts: Record<ResourceKind, number>;
  /** Kinds read from a live source (sources.json), with their age and health. */
  live: Partial<Record<ResourceKind, LiveLayerStatus>>;
  /** Problems of sources.json itself, each naming the file and field. */
  sourcesErrors: string[];
  isLoading: boolean;
  error: Error | null;
}

interface EmbeddedData {
  resources: Resource[];
  issueCount: number;
  rowCount: number;
}

async function loadKind(kind: ResourceKind, signal: AbortSignal): Promise<EmbeddedData> {
  // A generated dataset (?dataset=province): its files are parsed and validated in a worker each.
  if (activeDataset().id !== 'taishun') {
    const { manifest, fileUrl } = await datasetManifest();
    const url = fileUrl(manifest.resources[kind].file);
    const r = await loadResourcesInWorker(url, kind, signal);
    if (r.issueCount > 0) console.warn(`${url}: ${r.issueCount} invalid rows dropped`, r.firstIssues);
    return { resources: r.resources, issueCount: r.issueCount, rowCount: r.rowCount };
  }
  const json = await fetchJson(RESOURCE_URLS[kind], signal);
  const { resources, issues } = resourcesFromGeoJson(json, kind);
  if (issues.length > 0) console.warn(`${RESOURCE_URLS[kind]}: ${issues.length} invalid rows dropped`, issues.slice(0, 5));
  const rowCount = Array.isArray((json as { features?: unknown }).features) ? (json as { features: unknown[] }).features.length : 0;
  return { resources, issueCount: issues.length, rowCount };
}

const isLive = (s: LayerSource | undefined): s is LiveLayerSource => s !== undefined && s.type !== 'embedded';

function useNowMs(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), LIVE_CLOCK_MS);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

/**
 * Every resource kind: from its live source when sources.json names one (polled, with its last
 * good data kept), else from the embedded demo file in data/taishun/resources/.
 */
export function useResources(): ResourcesByKind {
  const sources = useSourcesConfig();
  const layers = sources.data?.config.layers ?? {};
  const ready = sources.isSuccess;
  const embedded = useQueries({
    queries: RESOURCE_KINDS.map((kind) => ({
      queryKey: queryKeys.resources(kind),
      queryFn: ({ signal }: { signal: AbortSignal }) => loadKind(kind, signal),
      staleTime: Infinity,
      enabled: ready && !isLive(layers[kind]),
    })),
  });
  const live = useQueries({
    queries: RESOURCE_KINDS.map((kind) => {
      const s = layers[kind];
      return isLive(s) ? liveLayerQuery(kind, s) : { queryKey: ['live', kind, null], queryFn: () => null as LastGood | null, enabled: false };
    }),
  });
  const stored = useQueries({
    queries: RESOURCE_KINDS.map((kind) => {
      const s = layers[kind];
      return isLive(s) ? lastGoodQuery(kind, s) : { queryKey: ['live-last-good', kind, null], queryFn: () => null as LastGood | null, enabled: false };
    }),
  });
  const anyLive = RESOURCE_KINDS.some((k) => isLive(layers[k]));
  const nowMs = useNowMs(anyLive);

  const parts = RESOURCE_KINDS.map((_, i) => [embedded[i]!.data, embedded[i]!.error, live[i]!.data, live[i]!.error, stored[i]!.data]).flat();
  // Rows: their identity changes only when data does (not on the clock), so filters and layers are not rebuilt.
  const rows = useMemo(() => {
    const byKind = {} as Record<ResourceKind, Resource[]>;
    const issueCounts = {} as Record<ResourceKind, number>;
    const rowCounts = {} as Record<ResourceKind, number>;
    const shownLive: Partial<Record<ResourceKind, { shown: LastGood | null; fromStore: boolean; failure: string | null; error: unknown }>> = {};
    let isLoading = !ready;
    let error: Error | null = null;
    RESOURCE_KINDS.forEach((kind, i) => {
      const s = layers[kind];
      let data: EmbeddedData | null;
      if (!isLive(s)) {
        const q = embedded[i]!;
        data = q.data ?? null;
        if (ready && q.isPending && !q.error) isLoading = true;
        error ??= q.error;
      } else {
        const fresh = live[i]!.data ?? null;
        const kept = stored[i]!.data ?? null;
        data = fresh ?? kept;
        shownLive[kind] = { shown: data as LastGood | null, fromStore: fresh === null && kept !== null, failure: live[i]!.error?.message ?? null, error: live[i]!.error };
      }
      byKind[kind] = data?.resources ?? [];
      issueCounts[kind] = data?.issueCount ?? 0;
      rowCounts[kind] = data?.rowCount ?? 0;
    });
    return { byKind, issueCounts, rowCounts, shownLive, isLoading, error };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `parts` lists every query input
  }, [ready, sources.data, ...parts]);

  return useMemo(() => {
    const liveStatus: Partial<Record<ResourceKind, LiveLayerStatus>> = {};
    for (const kind of RESOURCE_KINDS) {
      const s = layers[kind];
      const l = rows.shownLive[kind];
      if (!isLive(s) || !l) continue;
      const run = failureRunOf(kind, s);
      const staleAfterSeconds = staleAfterSecondsOf(s);
      liveStatus[kind] = {
        source: l.shown?.source ?? s.url,
        type: s.type,
        state: liveState({ hasData: l.shown !== null, fetchedAt: l.shown?.fetchedAt ?? null, failure: l.failure, staleAfterSeconds, nowMs }),
        asOf: l.shown?.asOf ?? null,
        fetchedAt: l.shown?.fetchedAt ?? null,
        fromStore: l.fromStore,
        failure: l.failure,
        failureReason: l.failure ? describeFailure(l.error).reason : null,
        failureDetail: l.failure ? describeFailure(l.error).detail : null,
        failingSince: l.failure ? (run?.since ?? null) : null,
        staleAfterSeconds,
      };
    }
    const { shownLive: _unused, ...rest } = rows;
    return { ...rest, live: liveStatus, sourcesErrors: sources.data?.errors ?? [] };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- layers come with sources.data
  }, [rows, nowMs, sources.data]);
}
