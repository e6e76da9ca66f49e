import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { BasemapData } from '../map/basemap-style';
import { BASEMAP_URLS } from './data-urls';
import { activeDataset, datasetManifest } from './dataset';
import { fetchJson } from './fetch-json';
import { roadsJson } from './roads-bytes';
import { queryKeys } from './keys';

/** A basemap file that could not be used: its layer is drawn empty, the rest of the map is not. */
export interface BasemapProblem {
  file: string;
  message: string;
}

export type LoadedBasemap = BasemapData & { problems: BasemapProblem[] };

function asFeatureCollection(json: unknown, url: string): FeatureCollection {
  const fc = json as Partial<FeatureCollection> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${url}: not a GeoJSON FeatureCollection`);
  }
  // Features without geometry would be skipped silently by the renderer; drop them explicitly.
  return { ...fc, features: fc.features.filter((f) => f && f.geometry != null) } as FeatureCollection;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * A generated dataset's basemap: its outline as the county layer and only its major roads (the
 * manifest's `drawn` file; the worker searches every edge, the map never gets 1 M edges of
 * GeoJSON); it has no townships, seats or villages.
 */
async function loadDatasetBasemap(signal: AbortSignal): Promise<LoadedBasemap> {
  const { manifest, fileUrl } = await datasetManifest();
  const [county, roads] = await Promise.all([manifest.outline, manifest.roads.drawn].map(async (path) => asFeatureCollection(await fetchJson(fileUrl(path), signal), fileUrl(path))));
  // MapLibre's worker fetches the drawn roads itself (an absolute URL: it resolves none against the page)
  const roadsUrl = new URL(fileUrl(manifest.roads.drawn), location.href).href;
  // or its vector tiles (MapLibre then sends no copy of the roads back to the page); the URL
  // template's {z}/{x}/{y} kept as written (URL() escapes the braces)
  const t = manifest.roads.drawnTiles;
  const roadTiles = t ? { url: new URL(fileUrl(t.path), location.href).href.replace(/%7B([zxy])%7D/gi, '{$1}'), layer: t.layer, minzoom: t.minzoom, maxzoom: t.maxzoom } : undefined;
  return { county: county!, roads: roads!, ...(roadTiles ? { roadTiles } : { roadsUrl }), townships: EMPTY, townshipSeats: EMPTY, villages: EMPTY, problems: [] };
}

async function loadBasemap(signal: AbortSignal): Promise<LoadedBasemap> {
  if (activeDataset().id !== 'taishun') return loadDatasetBasemap(signal);
  const settled = await Promise.allSettled(
    Object.entries(BASEMAP_URLS).map(async ([key, url]) => [key, asFeatureCollection(key === 'roads' ? await roadsJson() : await fetchJson(url, signal), url)] as const),
  );
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
  const problems: BasemapProblem[] = [];
  const entries = Object.entries(BASEMAP_URLS).map(([key, url], i) => {
    const r = settled[i]!;
    if (r.status === 'fulfilled') return r.value;
    const message = (r.reason as Error)?.message ?? String(r.reason);
    console.warn(`basemap file left out: ${message}`);
    problems.push({ file: url.split('/').pop() ?? url, message: message.startsWith(url) ? message.slice(url.length).replace(/^:\s*/, '') : message });
    return [key, EMPTY] as const;
  });
  if (problems.length === entries.length) throw new Error(problems.map((p) => `${p.file}: ${p.message}`).join('; '));
  return { ...(Object.fromEntries(entries) as unknown as BasemapData), problems };
}

/**
 * County, townships, seats, villages and roads from data/ for the basemap and the search. One bad
 * file drops only its own layer (listed in `problems`, naming the file); all bad is an error.
 */
export function useBasemapData() {
  return useQuery({ queryKey: queryKeys.basemap(), queryFn: ({ signal }) => loadBasemap(signal), staleTime: Infinity });
}
