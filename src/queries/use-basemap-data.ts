import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import type { BasemapData } from '../map/basemap-style';
import { BASEMAP_URLS } from './data-urls';
import { fetchJson } from './fetch-json';
import { queryKeys } from './keys';

function asFeatureCollection(json: unknown, url: string): FeatureCollection {
  const fc = json as Partial<FeatureCollection> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${url}: not a GeoJSON FeatureCollection`);
  }
  // Features without geometry would be skipped silently by the renderer; drop them explicitly.
  return { ...fc, features: fc.features.filter((f) => f && f.geometry != null) } as FeatureCollection;
}

async function loadBasemap(signal: AbortSignal): Promise<BasemapData> {
  const entries = await Promise.all(
    Object.entries(BASEMAP_URLS).map(async ([key, url]) => [key, asFeatureCollection(await fetchJson(url, signal), url)] as const),
  );
  return Object.fromEntries(entries) as unknown as BasemapData;
}

/** County, townships, seats, villages and roads from data/ for the basemap and the search. */
export function useBasemapData() {
  return useQuery({ queryKey: queryKeys.basemap(), queryFn: ({ signal }) => loadBasemap(signal), staleTime: Infinity });
}
