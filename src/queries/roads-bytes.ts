import { BASEMAP_URLS } from './data-urls';
import { activeDataset, datasetManifest } from './dataset';

let pending: Promise<ArrayBuffer> | null = null;

/**
 * The demo's roads file, fetched once per page and shared: the basemap parses it, the compute
 * worker gets its own copy (transferred). Not tied to one caller's AbortSignal, since two users
 * share it; a failed fetch is forgotten so the next call retries.
 */
export function roadsBytes(): Promise<ArrayBuffer> {
  pending ??= fetch(BASEMAP_URLS.roads).then(async (response) => {
    if (!response.ok) throw new Error(`${BASEMAP_URLS.roads}: HTTP ${response.status}`);
    if ((response.headers.get('content-type') ?? '').includes('text/html')) throw new Error(`${BASEMAP_URLS.roads}: got HTML instead of data`);
    return response.arrayBuffer();
  });
  pending.catch(() => {
    pending = null;
  });
  return pending;
}

/** The roads as JSON (for the basemap), from the shared bytes. */
export async function roadsJson(): Promise<unknown> {
  const bytes = await roadsBytes();
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (err) {
    throw new Error(`${BASEMAP_URLS.roads}: not valid JSON (${(err as Error).message})`);
  }
}

/**
 * The road file the compute worker loads: a copy of the demo's roads to transfer (the basemap
 * keeps the shared bytes), or the URL of a generated dataset's binary graph (serializeRoadGraph),
 * which the worker fetches itself: reading 173 MB on the page's thread, between its long tasks,
 * took seconds.
 */
export async function computeRoadsFile(): Promise<{ fileName: string; bytes: ArrayBuffer } | { fileName: string; url: string }> {
  if (activeDataset().id === 'taishun') return { fileName: 'roads.geojson', bytes: (await roadsBytes()).slice(0) };
  const { manifest, fileUrl } = await datasetManifest();
  return { fileName: manifest.roads.graph, url: fileUrl(manifest.roads.graph) };
}
