/**
 * OGC API – Features client: `{collection}/items?f=json` pages, followed by their `next` links.
 *
 * Real servers differ (../shared/design/LIVE-SOURCES.md): Debian's MapServer 8.0.0 drops the
 * bbox from its next links (so we page by limit/offset with our own bbox instead of following
 * them), answers 400 to an offset past the end (the end, not an error), and may send
 * `application/json` though links say geo+json. Every row is validated like a file import.
 */
import { fromGeoJson } from '../adapters/from-geojson';
import { isPlainRecord } from '../adapters/safe-copy';
import { validateResourceCandidates } from '../load-resources';
import type { IoIssue } from '../schemas/issue';
import type { ResourceKind } from '../schemas/resource';
import { applyPropertyMapping, type PropertyMapping } from './property-mapping';
import { defaultFetch, getJson, SourceError, type FetchLike, type ResourceSource, type SourceLoad } from './source';

/** [west, south, east, north], WGS-84 degrees. */
export type Bbox = readonly [number, number, number, number];

export interface OgcFeaturesOptions {
  kind: ResourceKind;
  /** The collection's URL, e.g. https://host/ogcapi/collections/shelters (no /items). */
  collectionUrl: string;
  bbox?: Bbox;
  /** Page size asked for; servers may cap it. */
  pageLimit?: number;
  properties?: PropertyMapping;
  /** Stop (with an error) after this many pages: a server looping its next links never hangs us. */
  maxPages?: number;
  fetch?: FetchLike;
}

const DEFAULT_PAGE_LIMIT = 500;
const DEFAULT_MAX_PAGES = 200;

export function itemsUrl(collectionUrl: string, params: { limit: number; offset?: number; bbox?: Bbox }): string {
  const url = new URL(collectionUrl.replace(/\/+$/, '') + '/items');
  url.searchParams.set('f', 'json');
  url.searchParams.set('limit', String(params.limit));
  if (params.offset) url.searchParams.set('offset', String(params.offset));
  if (params.bbox) url.searchParams.set('bbox', params.bbox.join(','));
  return url.toString();
}

/** The `next` link of a page, resolved against the page's URL; null when there is none. */
export function nextLinkOf(page: Record<string, unknown>, pageUrl: string): string | null {
  const links = page['links'];
  if (!Array.isArray(links)) return null;
  const candidates = links.filter((l): l is Record<string, unknown> => isPlainRecord(l) && l['rel'] === 'next' && typeof l['href'] === 'string');
  // Prefer a JSON flavour when a server lists next in several formats (html, json, geo+json).
  const pick =
    candidates.find((l) => typeof l['type'] === 'string' && /json/.test(l['type'])) ??
    candidates.find((l) => l['type'] === undefined) ??
    null;
  if (!pick) return null;
  try {
    return new URL(pick['href'] as string, pageUrl).toString();
  } catch {
    return null;
  }
}

/** Whether a next link still carries our bbox (MapServer 8.0.0 drops it, quirk 3). */
function keepsBbox(nextUrl: string, bbox: Bbox | undefined): boolean {
  if (!bbox) return true;
  const got = new URL(nextUrl).searchParams.get('bbox');
  if (got === null) return false;
  const nums = got.split(',').map(Number);
  return nums.length >= 4 && bbox.every((v, i) => Math.abs(nums[i]! - v) < 1e-9);
}

export function ogcFeaturesSource(opts: OgcFeaturesOptions): ResourceSource {
  const source = opts.collectionUrl;
  const fetchImpl = opts.fetch ?? defaultFetch;
  const limit = opts.pageLimit ?? DEFAULT_PAGE_LIMIT;
  const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
  return {
    kind: opts.kind,
    source,
    async load(signal: AbortSignal): Promise<SourceLoad> {
      const features: unknown[] = [];
      const seen = new Set<string>();
      let url = itemsUrl(opts.collectionUrl, { limit, bbox: opts.bbox });
      let pageCount = 0;
      let pagingByOffset = false;
      for (;;) {
        if (pageCount >= maxPages) throw new SourceError(source, 'paging', `still sending pages after ${maxPages}; stopped`);
        if (seen.has(url)) throw new SourceError(source, 'paging', `its next link points back to a page already read (${url})`);
        seen.add(url);
        let page: unknown;
        try {
          page = await getJson(url, source, signal, fetchImpl);
        } catch (err) {
          // MapServer answers 400 "Offset out of range." past the end (quirk 6): that is the end.
          if (pagingByOffset && err instanceof SourceError && err.status === 400) break;
          throw err;
        }
        pageCount++;
        if (!isPlainRecord(page) || page['type'] !== 'FeatureCollection' || !Array.isArray(page['features']))
          throw new SourceError(source, 'shape', `page ${pageCount} is not a GeoJSON FeatureCollection`);
        const pageFeatures = page['features'] as unknown[];
        features.push(...pageFeatures);
        if (pageFeatures.length === 0) break;
        const next = nextLinkOf(page, url);
        const matched = typeof page['numberMatched'] === 'number' ? page['numberMatched'] : null;
        if (next && keepsBbox(next, opts.bbox)) {
          url = next;
          continue;
        }
        // A next link without our bbox, or no next link while the server says more rows match:
        // page on by limit/offset with our own bbox.
        const more = next !== null || (matched !== null && features.length < matched);
        if (!more) break;
        pagingByOffset = true;
        url = itemsUrl(opts.collectionUrl, { limit, offset: features.length, bbox: opts.bbox });
      }
      const mapped = applyPropertyMapping(features, opts.properties);
      const { candidates, issues } = fromGeoJson({ type: 'FeatureCollection', features: mapped }, { geometry: 'point' });
      const validated = validateResourceCandidates(candidates, issues, opts.kind);
      return {
        kind: opts.kind,
        source,
        resources: validated.resources,
        issues: validated.issues as IoIssue[],
        rowCount: features.length,
        fetchedAt: new Date().toISOString(),
        pageCount,
      };
    },
  };
}
