/**
 * A live source of one resource kind: `load(signal)` fetches every row, validates it like a file
 * import and returns the valid rows with the problems of the others. Failures of the source as a
 * whole (unreachable, HTTP error, HTML, cut-off JSON) reject with a SourceError that names the
 * source in plain words; bad rows never reject.
 */
import type { IoIssue } from '../schemas/issue';
import type { Resource, ResourceKind } from '../schemas/resource';

export interface SourceLoad {
  kind: ResourceKind;
  /** Human name of the source: its URL. */
  source: string;
  resources: Resource[];
  issues: IoIssue[];
  /** Features the source sent, valid or not. */
  rowCount: number;
  /** ISO time the load finished. */
  fetchedAt: string;
  /** Requests made (pages followed). */
  pageCount: number;
}

export interface ResourceSource {
  readonly kind: ResourceKind;
  readonly source: string;
  load(signal: AbortSignal): Promise<SourceLoad>;
}

export type SourceErrorReason = 'network' | 'http' | 'html' | 'json' | 'shape' | 'paging';

export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly source: string,
    readonly reason: SourceErrorReason,
    detail: string,
    readonly status?: number,
  ) {
    super(`${source}: ${detail}`);
  }
}

export type FetchLike = (url: string, init: { signal: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

/** The global fetch, looked up at call time (tests and browsers may replace it). */
export const defaultFetch: FetchLike = (url, init) => fetch(url, init);

/**
 * GET a URL and parse its body as JSON, turning every way a server can fail into a SourceError:
 * unreachable, non-2xx, HTML (a proxy's or server's error page), malformed or cut-off JSON.
 * An abort rethrows the AbortError unchanged.
 */
export async function getJson(url: string, source: string, signal: AbortSignal, fetchImpl: FetchLike): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal, headers: { Accept: 'application/geo+json, application/json' } });
  } catch (err) {
    if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : abortError();
    throw new SourceError(source, 'network', `cannot be reached (${(err as Error).message || 'network error'})`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (err) {
    if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : abortError();
    throw new SourceError(source, 'network', `the answer broke off (${(err as Error).message})`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok)
    throw new SourceError(source, 'http', `answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, response.status);
  if (type.includes('text/html') || /^\s*</.test(text)) throw new SourceError(source, 'html', 'answered a web page (HTML) instead of data');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SourceError(source, 'json', `answered JSON that is cut off or malformed (${text.length} characters)`);
  }
}

export function abortError(): Error {
  const e = new Error('aborted');
  e.name = 'AbortError';
  return e;
}
