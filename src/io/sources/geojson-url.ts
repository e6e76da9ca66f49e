/** A GeoJSON FeatureCollection at a URL (one request), validated row by row like a file import. */
import { fromGeoJson } from '../adapters/from-geojson';
import { isPlainRecord } from '../adapters/safe-copy';
import { validateResourceCandidates } from '../load-resources';
import type { ResourceKind } from '../schemas/resource';
import { applyPropertyMapping, type PropertyMapping } from './property-mapping';
import { defaultFetch, getJson, SourceError, type FetchLike, type ResourceSource } from './source';

export interface GeoJsonUrlOptions {
  kind: ResourceKind;
  url: string;
  properties?: PropertyMapping;
  fetch?: FetchLike;
}

export function geoJsonUrlSource(opts: GeoJsonUrlOptions): ResourceSource {
  const fetchImpl = opts.fetch ?? defaultFetch;
  return {
    kind: opts.kind,
    source: opts.url,
    async load(signal) {
      const json = await getJson(opts.url, opts.url, signal, fetchImpl);
      if (!isPlainRecord(json) || json['type'] !== 'FeatureCollection' || !Array.isArray(json['features']))
        throw new SourceError(opts.url, 'shape', 'is not a GeoJSON FeatureCollection');
      const features = applyPropertyMapping(json['features'] as unknown[], opts.properties);
      const { candidates, issues } = fromGeoJson({ type: 'FeatureCollection', features }, { geometry: 'point' });
      const validated = validateResourceCandidates(candidates, issues, opts.kind);
      return {
        kind: opts.kind,
        source: opts.url,
        resources: validated.resources,
        issues: validated.issues,
        rowCount: features.length,
        fetchedAt: new Date().toISOString(),
        pageCount: 1,
      };
    },
  };
}
