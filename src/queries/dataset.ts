import { parseDatasetManifest, type DatasetManifest } from '../io/schemas/dataset-manifest';

/**
 * Which data the page shows, from the URL's query (`?dataset=province`): the Taishun demo by
 * default (embedded in the build, offline), or a generated dataset served on the app's own origin
 * beside the build (the synthetic province of `npm run province:data`, at province/manifest.json).
 * Read once per page: switching dataset is a new page load.
 */
export type DatasetChoice =
  | { id: 'taishun' }
  | { id: 'province'; manifestUrl: string }
  /** a value the app does not know: nothing is loaded, the page says so */
  | { id: 'unknown'; requested: string };

/** The datasets `?dataset=` accepts, and where each one's manifest is (relative to the page). */
export const DATASET_MANIFESTS: Readonly<Record<string, string>> = { province: 'province/manifest.json' };

export function datasetFromSearch(search: string): DatasetChoice {
  const requested = new URLSearchParams(search).get('dataset');
  if (requested === null || requested === '' || requested === 'taishun') return { id: 'taishun' };
  const manifestUrl = DATASET_MANIFESTS[requested];
  return manifestUrl ? { id: 'province', manifestUrl } : { id: 'unknown', requested: requested.slice(0, 80) };
}

let active: DatasetChoice | null = null;

export function activeDataset(): DatasetChoice {
  active ??= datasetFromSearch(typeof location === 'undefined' ? '' : location.search);
  return active;
}

export const isLargeDataset = (): boolean => activeDataset().id !== 'taishun';

/** A dataset that cannot be opened: the sentence the page shows (no stack, no white page). */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}

export interface LoadedManifest {
  manifest: DatasetManifest;
  /** a file of the dataset, by its path in the manifest → URL */
  fileUrl: (path: string) => string;
}

let pending: Promise<LoadedManifest> | null = null;

async function fetchManifest(manifestUrl: string): Promise<LoadedManifest> {
  let response: Response;
  try {
    response = await fetch(manifestUrl, { cache: 'no-cache' });
  } catch (err) {
    throw new DatasetError(`${manifestUrl}: cannot be fetched (${(err as Error).message})`);
  }
  if (response.status === 404) throw new DatasetError(`${manifestUrl}: not found (HTTP 404). The dataset is generated, not built in: run npm run province:data on the server.`);
  if (!response.ok) throw new DatasetError(`${manifestUrl}: HTTP ${response.status}`);
  if ((response.headers.get('content-type') ?? '').includes('text/html')) throw new DatasetError(`${manifestUrl}: got a web page instead of the manifest`);
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch (err) {
    throw new DatasetError(`${manifestUrl}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = parseDatasetManifest(json);
  if ('problems' in parsed) throw new DatasetError(`${manifestUrl}: not a dataset manifest (${parsed.problems.slice(0, 3).join('; ')})`);
  const base = new URL(manifestUrl, typeof location === 'undefined' ? 'http://localhost/' : location.href);
  return { manifest: parsed.manifest, fileUrl: (path) => new URL(path, base).href };
}

/** The active dataset's manifest, fetched once per page (a failure is forgotten, so a retry fetches again). */
export function datasetManifest(): Promise<LoadedManifest> {
  const d = activeDataset();
  if (d.id === 'taishun') return Promise.reject(new DatasetError('the Taishun demo has no manifest'));
  if (d.id === 'unknown') return Promise.reject(new DatasetError(`unknown dataset "${d.requested}" (known: ${Object.keys(DATASET_MANIFESTS).join(', ')}; without ?dataset= the Taishun demo opens)`));
  pending ??= fetchManifest(d.manifestUrl);
  pending.catch(() => {
    pending = null;
  });
  return pending;
}
