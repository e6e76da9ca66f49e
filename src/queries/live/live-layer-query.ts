/**
 * One live layer as a TanStack query: polled at pollSeconds, backing off while it fails. A load
 * whose rows are all invalid, or that suddenly has no rows, is a failure: the last good data
 * stays (TanStack keeps `data` on error, and IndexedDB keeps it across reloads).
 */
import { BACKOFF_MAX_FACTOR, BACKOFF_MAX_SECONDS, COUNTY_BBOX } from '../../config/live-defaults';
import type { ResourceKind } from '../../io/schemas/resource';
import { geoJsonUrlSource } from '../../io/sources/geojson-url';
import { ogcFeaturesSource } from '../../io/sources/ogc-features';
import type { LiveLayerSource } from '../../io/sources/sources-config';
import { readLastGood, writeLastGood, type LastGood } from './last-good-store';
import { newestUpdatedAt } from './live-status';

/** A load that worked but must not replace good data: every row invalid, or suddenly none. */
export class LiveDataError extends Error {
  override readonly name = 'LiveDataError';
  constructor(
    message: string,
    readonly reason: 'invalid' | 'empty',
    readonly rowCount = 0,
  ) {
    super(message);
  }
}

interface FailureRun {
  count: number;
  since: string;
}
const failureRuns = new Map<string, FailureRun>();

export function absoluteUrl(url: string): string {
  return new URL(url, document.baseURI).toString();
}

export const liveKey = (kind: ResourceKind, s: LiveLayerSource) => ['live', kind, s] as const;
export const lastGoodKey = (kind: ResourceKind, s: LiveLayerSource) => ['live-last-good', kind, absoluteUrl(s.url)] as const;
const runKey = (kind: ResourceKind, s: LiveLayerSource) => `${kind} ${absoluteUrl(s.url)}`;

/** Consecutive failures of a layer's source and since when; null while it works. */
export function failureRunOf(kind: ResourceKind, s: LiveLayerSource): FailureRun | null {
  return failureRuns.get(runKey(kind, s)) ?? null;
}

/** Milliseconds to the next poll: pollSeconds, doubled per consecutive failure up to the caps. */
export function nextPollMs(s: LiveLayerSource, failures: number): number {
  const factor = Math.min(2 ** failures, BACKOFF_MAX_FACTOR);
  return Math.min(s.pollSeconds * factor, Math.max(BACKOFF_MAX_SECONDS, s.pollSeconds)) * 1000;
}

async function loadOnce(kind: ResourceKind, s: LiveLayerSource, signal: AbortSignal): Promise<LastGood> {
  const url = absoluteUrl(s.url);
  const source =
    s.type === 'ogc-api-features'
      ? ogcFeaturesSource({ kind, collectionUrl: url, bbox: s.bbox ?? COUNTY_BBOX, pageLimit: s.limit, properties: s.properties })
      : geoJsonUrlSource({ kind, url, properties: s.properties });
  const r = await source.load(signal);
  if (r.issues.length > 0) console.warn(`${url}: ${r.issues.length} problems`, r.issues.slice(0, 5).map((i) => i.message));
  if (r.rowCount > 0 && r.resources.length === 0)
    throw new LiveDataError(`${url}: all ${r.rowCount} rows are invalid (first: ${r.issues.find((i) => i.severity === 'error')?.message ?? r.issues[0]?.message})`, 'invalid', r.rowCount);
  if (r.rowCount === 0) {
    const previous = await readLastGood(kind, url);
    if (previous && previous.resources.length > 0) throw new LiveDataError(`${url}: answered with no rows at all`, 'empty');
  }
  const good: LastGood = {
    kind,
    source: url,
    resources: r.resources,
    rowCount: r.rowCount,
    issueCount: r.issues.length,
    fetchedAt: r.fetchedAt,
    asOf: newestUpdatedAt(r.resources) ?? r.fetchedAt,
  };
  await writeLastGood(good);
  return good;
}

export function liveLayerQuery(kind: ResourceKind, s: LiveLayerSource) {
  const key = runKey(kind, s);
  return {
    queryKey: liveKey(kind, s),
    queryFn: async ({ signal }: { signal: AbortSignal }) => {
      try {
        const good = await loadOnce(kind, s, signal);
        failureRuns.delete(key);
        return good;
      } catch (err) {
        if (!signal.aborted) {
          const run = failureRuns.get(key);
          failureRuns.set(key, { count: (run?.count ?? 0) + 1, since: run?.since ?? new Date().toISOString() });
        }
        throw err;
      }
    },
    refetchInterval: () => nextPollMs(s, failureRuns.get(key)?.count ?? 0),
    refetchIntervalInBackground: true,
    retry: 0,
    // The failure is stated (source cannot be reached) rather than the query pausing offline.
    networkMode: 'always' as const,
    staleTime: 0,
  };
}

export function lastGoodQuery(kind: ResourceKind, s: LiveLayerSource) {
  return {
    queryKey: lastGoodKey(kind, s),
    queryFn: () => readLastGood(kind, absoluteUrl(s.url)),
    staleTime: Infinity,
    retry: 0,
    networkMode: 'always' as const,
  };
}
