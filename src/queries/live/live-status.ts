/** What a live layer tells its user: how old its data is, whether it is stale, what failed. */
import type { LiveLayerSource } from '../../io/sources/sources-config';
import { staleAfterSecondsOf } from '../../io/sources/sources-config';
import type { Resource } from '../../io/schemas/resource';

export type LiveState = 'loading' | 'ok' | 'stale' | 'failed' | 'failed-no-data';

export interface LiveLayerStatus {
  source: string;
  type: LiveLayerSource['type'];
  state: LiveState;
  /** Newest updatedAt of the rows shown, or their fetch time (ISO); null before any data. */
  asOf: string | null;
  /** When the rows shown were fetched (ISO). */
  fetchedAt: string | null;
  /** Rows shown come from the browser's store, not this page's fetches. */
  fromStore: boolean;
  /** Last failure in plain words, naming the source (English, for logs); null when the last fetch worked. */
  failure: string | null;
  /** Why, for a translated message: a SourceError reason, 'invalid' / 'empty' rows, or 'other'. */
  failureReason: string | null;
  /** HTTP status or row count that goes with the reason. */
  failureDetail: number | null;
  /** When the source started failing (ISO). */
  failingSince: string | null;
  staleAfterSeconds: number;
}

export function newestUpdatedAt(resources: readonly Resource[]): string | null {
  let best: string | null = null;
  let bestMs = -Infinity;
  for (const r of resources) {
    const ms = Date.parse(r.updatedAt);
    if (Number.isFinite(ms) && ms > bestMs) {
      bestMs = ms;
      best = r.updatedAt;
    }
  }
  return best;
}

export function liveState(args: { hasData: boolean; fetchedAt: string | null; failure: string | null; staleAfterSeconds: number; nowMs: number }): LiveState {
  if (!args.hasData) return args.failure ? 'failed-no-data' : 'loading';
  const ageSeconds = args.fetchedAt ? (args.nowMs - Date.parse(args.fetchedAt)) / 1000 : Infinity;
  if (ageSeconds > args.staleAfterSeconds) return 'stale';
  if (args.failure) return 'failed';
  return 'ok';
}

export function staleAfterOf(s: LiveLayerSource): number {
  return staleAfterSecondsOf(s);
}

/** Reason and detail of a live layer's failure, for a message in the user's language. */
export function describeFailure(err: unknown): { reason: string; detail: number | null } {
  const e = err as { name?: string; reason?: string; status?: number; rowCount?: number } | null;
  if (e?.name === 'SourceError' && e.reason) return { reason: e.reason, detail: e.status ?? null };
  if (e?.name === 'LiveDataError' && e.reason) return { reason: e.reason, detail: e.rowCount ?? null };
  return { reason: 'other', detail: null };
}
