/// <reference lib="webworker" />
import '../io/schemas/zod-jitless';
import { resourcesFromGeoJson } from '../io/load-resources';
import type { ResourcesReply, ResourcesRequest } from './dataset-protocol';

/**
 * Fetches and validates one kind's GeoJSON of a large dataset (a province: 48,000 cameras, 19 MB)
 * off the main thread, then posts the valid rows in chunks, so the page never parses or validates
 * 100,000 rows itself. Same rules as the demo files (resourcesFromGeoJson): bad rows are counted
 * and named, never fatal.
 */
const CHUNK_ROWS = 2000;
const post = (m: ResourcesReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (e: MessageEvent<ResourcesRequest>) => {
  const { url, kind } = e.data;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    if ((response.headers.get('content-type') ?? '').includes('text/html')) throw new Error(`${url}: got a web page instead of data`);
    let json: unknown;
    try {
      json = JSON.parse(await response.text());
    } catch (err) {
      throw new Error(`${url}: not valid JSON (${(err as Error).message})`);
    }
    const { resources, issues } = resourcesFromGeoJson(json, kind);
    const rowCount = Array.isArray((json as { features?: unknown }).features) ? (json as { features: unknown[] }).features.length : 0;
    for (let i = 0; i < resources.length; i += CHUNK_ROWS) post({ type: 'chunk', resources: resources.slice(i, i + CHUNK_ROWS) });
    post({ type: 'done', rowCount, issueCount: issues.length, firstIssues: issues.slice(0, 5).map((x) => x.message) });
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
};
