import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { LABEL_FONT_STACK } from '../config/map-defaults';

/** GeoJSON the basemap is drawn from: only files from data/, already fetched. */
export interface BasemapData {
  county: FeatureCollection;
  townships: FeatureCollection;
  townshipSeats: FeatureCollection;
  villages: FeatureCollection;
  roads: FeatureCollection;
  /**
   * Where MapLibre's own worker reads the drawn roads itself (a province's 3.5 MB of major roads):
   * then the page does not serialize the parsed `roads` to MapLibre's worker (~100–300 ms on its
   * thread). `roads` stays for the page's other uses (the import checks). The roads are then a
   * source of their own (`roads`), not part of the merged basemap source.
   */
  roadsUrl?: string;
  /**
   * The drawn roads as vector tiles on the app's origin (a province: `npm run province:data` writes
   * them), preferred to `roadsUrl`: given a GeoJSON URL, MapLibre's worker sends the whole parsed
   * file back to the page (its copy of the data: ~550 ms of structured clone on the page's thread
   * for 3.5 MB), while tiles are fetched and parsed in its worker only.
   */
  roadTiles?: { url: string; layer: string; minzoom: number; maxzoom: number };
}

export type BasemapLang = 'zh-CN' | 'en';

/** Layers whose text follows the UI language; MapCanvas updates them with setLayoutProperty. */
export const LABEL_LAYER_IDS = ['township-labels', 'village-labels'] as const;

export function labelTextField(lang: BasemapLang): ExpressionSpecification {
  return lang === 'en' ? ['coalesce', ['get', 'nameEn'], ['get', 'name']] : ['get', 'name'];
}

const ROAD_CLASSES = ['trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'track'] as const;

/** Line width in pixels at zoom 8 and zoom 14 per road class. */
const ROAD_WIDTH_PIXELS: Record<(typeof ROAD_CLASSES)[number], readonly [number, number]> = {
  trunk: [2.2, 7],
  primary: [1.8, 6],
  secondary: [1.2, 4.5],
  tertiary: [0.9, 3.5],
  unclassified: [0.6, 2.5],
  residential: [0.5, 2.2],
  track: [0.6, 1.8],
};

const ROAD_COLOR: Record<(typeof ROAD_CLASSES)[number], string> = {
  trunk: '#e0673e',
  primary: '#f0a040',
  secondary: '#f4c95c',
  tertiary: '#fbe39a',
  unclassified: '#ffffff',
  residential: '#ffffff',
  track: '#9b7b55',
};

/**
 * The whole basemap is one GeoJSON source, each feature tagged with the part it belongs to
 * (`basemapPart`) and every layer filtered to its part. One source instead of five means one set of
 * tiles instead of five: at a new zoom MapLibre makes, uploads and clips a fifth as many tiles, and
 * every frame draws one stencil clipping mask per tile instead of one per tile and source (five
 * tile-sized stencil passes a frame, which software WebGL — SwiftShader — paid in full).
 */
export const BASEMAP_SOURCE = 'basemap';
type BasemapPart = 'county' | 'township' | 'seat' | 'village' | 'road';

function partIs(part: BasemapPart): ExpressionSpecification {
  return ['==', ['get', 'basemapPart'], part];
}

/** The five FeatureCollections as one (the roads left out on request), each feature tagged with its part (the inputs are not changed). */
export function mergedBasemapData(data: BasemapData, options: { roads?: boolean } = {}): FeatureCollection {
  const parts: [BasemapPart, FeatureCollection][] = [['county', data.county], ['township', data.townships], ['seat', data.townshipSeats], ['village', data.villages]];
  if (options.roads ?? true) parts.push(['road', data.roads]);
  return {
    type: 'FeatureCollection',
    features: parts.flatMap(([part, fc]) => fc.features.map((f) => ({ ...f, properties: { ...(f.properties ?? {}), basemapPart: part } }))),
  };
}

function widthByZoom([z8, z14]: readonly [number, number], scale = 1): ExpressionSpecification {
  return ['interpolate', ['exponential', 1.4], ['zoom'], 8, z8 * scale, 14, z14 * scale];
}

/** The road layers, from the merged basemap source or (roads read from a URL) their own `roads` source. */
function roadLayers(ownSource: boolean, sourceLayer?: string): LayerSpecification[] {
  const source = ownSource ? 'roads' : BASEMAP_SOURCE;
  const fromTiles = sourceLayer ? { 'source-layer': sourceLayer } : {};
  const isClass = (c: string): ExpressionSpecification => (ownSource ? ['==', ['get', 'highway'], c] : ['all', partIs('road'), ['==', ['get', 'highway'], c]]);
  // Drawn minor → major so trunk roads end up on top.
  const order = [...ROAD_CLASSES].reverse();
  const casings: LayerSpecification[] = order
    .filter((c) => c !== 'track')
    .map((c) => ({
      id: `road-${c}-casing`,
      type: 'line',
      source,
      ...fromTiles,
      filter: isClass(c),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#b8a98f', 'line-width': widthByZoom(ROAD_WIDTH_PIXELS[c], 1.6), 'line-opacity': 0.7 },
    }));
  const fills: LayerSpecification[] = order.map((c) => ({
    id: `road-${c}`,
    type: 'line',
    source,
    ...fromTiles,
    filter: isClass(c),
    layout: { 'line-join': 'round', 'line-cap': c === 'track' ? 'butt' : 'round' },
    paint: {
      'line-color': ROAD_COLOR[c],
      'line-width': widthByZoom(ROAD_WIDTH_PIXELS[c]),
      ...(c === 'track' ? { 'line-dasharray': [2, 1.5] } : {}),
    },
  }));
  return [...casings, ...fills];
}

/**
 * The offline basemap: everything comes from data/ GeoJSON passed in; no tiles, sprites or glyph
 * server. With no `glyphs` URL MapLibre (≥ 5.11) draws every label locally with the `text-font`
 * families, so Chinese and Latin text both render without a request.
 */
export function buildBasemapStyle(
  data: BasemapData,
  lang: BasemapLang,
  options: { townshipLabels?: boolean } = {},
): StyleSpecification {
  const townshipLabels = options.townshipLabels ?? true;
  const text = labelTextField(lang);
  const font = [...LABEL_FONT_STACK];
  return {
    version: 8,
    name: 'OneMap offline basemap (Taishun demo)',
    sources: {
      [BASEMAP_SOURCE]: { type: 'geojson', data: mergedBasemapData(data, { roads: !data.roadsUrl && !data.roadTiles }) },
      ...(data.roadTiles
        ? { roads: { type: 'vector' as const, tiles: [data.roadTiles.url], minzoom: data.roadTiles.minzoom, maxzoom: data.roadTiles.maxzoom } }
        : data.roadsUrl ? { roads: { type: 'geojson' as const, data: data.roadsUrl } } : {}),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe6ea' } },
      { id: 'county-fill', type: 'fill', source: BASEMAP_SOURCE, filter: partIs('county'), paint: { 'fill-color': '#f5f2e8' } },
      {
        id: 'township-fill',
        type: 'fill',
        source: BASEMAP_SOURCE,
        filter: partIs('township'),
        paint: { 'fill-color': ['case', ['==', ['%', ['to-number', ['slice', ['get', 'id'], 1], 0], 2], 0], '#eef0e2', '#f5f2e8'] },
      },
      {
        id: 'township-outline',
        type: 'line',
        source: BASEMAP_SOURCE,
        filter: partIs('township'),
        paint: { 'line-color': '#8f8aa3', 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      ...roadLayers(!!data.roadsUrl || !!data.roadTiles, data.roadTiles?.layer),
      {
        id: 'county-outline-halo',
        type: 'line',
        source: BASEMAP_SOURCE,
        filter: partIs('county'),
        paint: { 'line-color': '#b9a6d8', 'line-width': 6, 'line-opacity': 0.5 },
      },
      { id: 'county-outline', type: 'line', source: BASEMAP_SOURCE, filter: partIs('county'), paint: { 'line-color': '#4d3f73', 'line-width': 2 } },
      {
        id: 'village-dots',
        type: 'circle',
        source: BASEMAP_SOURCE,
        filter: partIs('village'),
        minzoom: 10.5,
        paint: { 'circle-radius': 2.5, 'circle-color': '#6b6b6b', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
      },
      {
        id: 'village-labels',
        type: 'symbol',
        source: BASEMAP_SOURCE,
        filter: partIs('village'),
        minzoom: 11.5,
        layout: {
          'text-field': text,
          'text-font': font,
          'text-size': 12,
          'text-offset': [0, 0.9],
          'text-anchor': 'top',
          'text-max-width': 8,
        },
        paint: { 'text-color': '#444444', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
      ...(townshipLabels ? [townshipLabelLayer(text, font)] : []),
    ],
  };
}

function townshipLabelLayer(text: ExpressionSpecification, font: string[]): LayerSpecification {
  return {
    id: 'township-labels',
    type: 'symbol',
    source: BASEMAP_SOURCE,
    filter: partIs('seat'),
    layout: {
      'text-field': text,
      'text-font': font,
      'text-size': ['interpolate', ['linear'], ['zoom'], 8, 12, 13, 17],
      'text-max-width': 8,
      'text-allow-overlap': false,
    },
    paint: { 'text-color': '#2b2540', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  };
}
