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
   * thread). `roads` stays for the page's other uses (the import checks).
   */
  roadsUrl?: string;
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

function widthByZoom([z8, z14]: readonly [number, number], scale = 1): ExpressionSpecification {
  return ['interpolate', ['exponential', 1.4], ['zoom'], 8, z8 * scale, 14, z14 * scale];
}

function roadLayers(): LayerSpecification[] {
  // Drawn minor → major so trunk roads end up on top.
  const order = [...ROAD_CLASSES].reverse();
  const casings: LayerSpecification[] = order
    .filter((c) => c !== 'track')
    .map((c) => ({
      id: `road-${c}-casing`,
      type: 'line',
      source: 'roads',
      filter: ['==', ['get', 'highway'], c],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#b8a98f', 'line-width': widthByZoom(ROAD_WIDTH_PIXELS[c], 1.6), 'line-opacity': 0.7 },
    }));
  const fills: LayerSpecification[] = order.map((c) => ({
    id: `road-${c}`,
    type: 'line',
    source: 'roads',
    filter: ['==', ['get', 'highway'], c],
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
      county: { type: 'geojson', data: data.county },
      townships: { type: 'geojson', data: data.townships },
      'township-seats': { type: 'geojson', data: data.townshipSeats },
      villages: { type: 'geojson', data: data.villages },
      roads: { type: 'geojson', data: data.roadsUrl ?? data.roads },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe6ea' } },
      { id: 'county-fill', type: 'fill', source: 'county', paint: { 'fill-color': '#f5f2e8' } },
      {
        id: 'township-fill',
        type: 'fill',
        source: 'townships',
        paint: { 'fill-color': ['case', ['==', ['%', ['to-number', ['slice', ['get', 'id'], 1], 0], 2], 0], '#eef0e2', '#f5f2e8'] },
      },
      {
        id: 'township-outline',
        type: 'line',
        source: 'townships',
        paint: { 'line-color': '#8f8aa3', 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      ...roadLayers(),
      {
        id: 'county-outline-halo',
        type: 'line',
        source: 'county',
        paint: { 'line-color': '#b9a6d8', 'line-width': 6, 'line-opacity': 0.5 },
      },
      { id: 'county-outline', type: 'line', source: 'county', paint: { 'line-color': '#4d3f73', 'line-width': 2 } },
      {
        id: 'village-dots',
        type: 'circle',
        source: 'villages',
        minzoom: 10.5,
        paint: { 'circle-radius': 2.5, 'circle-color': '#6b6b6b', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
      },
      {
        id: 'village-labels',
        type: 'symbol',
        source: 'villages',
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
    source: 'township-seats',
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
