/**
 * The public shelter finder's map: the same offline basemap (basemap-style.ts) with the shelters,
 * the person and one walking route drawn as plain MapLibre layers — no deck.gl, so the finder
 * stays light. Loaded lazily, after the list. Besides MapCanvas.tsx (the officer app) this is the
 * only file that touches a MapLibre map.
 */
import { AttributionControl, Map as MaplibreMap, NavigationControl, type GeoJSONSource, type MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { DEFAULT_CENTER, DEFAULT_ZOOM_NARROW, SHARED_MAP_OPTIONS } from '../config/map-defaults';
import { buildBasemapStyle, type BasemapData, type BasemapLang } from './basemap-style';
import { configureMaplibreWorker } from './maplibre-worker';

export interface PublicMapShelter {
  readonly id: string;
  readonly lngLat: readonly [number, number];
  /** open with room for the party */
  readonly available: boolean;
}

export interface PublicMapOptions {
  readonly container: HTMLElement;
  readonly basemap: BasemapData;
  readonly lang: BasemapLang;
  readonly attribution: string;
  readonly reducedMotion: boolean;
  /** a tap on the map: the person's place when location was refused */
  readonly onTap: (lngLat: [number, number]) => void;
}

export interface PublicMap {
  setShelters(shelters: readonly PublicMapShelter[]): void;
  setPerson(lngLat: readonly [number, number] | null): void;
  /** the walking route of the chosen shelter (shelter → person), or none */
  setRoute(route: readonly (readonly [number, number])[] | null, shelterId: string | null): void;
  isIdle(): boolean;
  destroy(): void;
}

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export function createPublicMap(o: PublicMapOptions): PublicMap {
  configureMaplibreWorker();
  const style = buildBasemapStyle(o.basemap, o.lang, { townshipLabels: true });
  style.sources['route'] = { type: 'geojson', data: empty() };
  style.sources['shelters'] = { type: 'geojson', data: empty() };
  style.sources['person'] = { type: 'geojson', data: empty() };
  style.layers.push(
    { id: 'route-casing', type: 'line', source: 'route', layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 8 } },
    { id: 'route', type: 'line', source: 'route', layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': '#0b57d0', 'line-width': 4.5 } },
    {
      id: 'shelters', type: 'circle', source: 'shelters',
      paint: {
        'circle-radius': ['case', ['get', 'selected'], 9, ['get', 'available'], 6, 4],
        'circle-color': ['case', ['get', 'available'], '#0a7d33', '#8a8a8a'],
        'circle-stroke-color': ['case', ['get', 'selected'], '#0b57d0', '#ffffff'],
        'circle-stroke-width': ['case', ['get', 'selected'], 3, 1.5],
      },
    },
    { id: 'person-halo', type: 'circle', source: 'person', paint: { 'circle-radius': 14, 'circle-color': '#0b57d0', 'circle-opacity': 0.2 } },
    { id: 'person', type: 'circle', source: 'person', paint: { 'circle-radius': 7, 'circle-color': '#0b57d0', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 } },
  );
  const map = new MaplibreMap({
    container: o.container,
    style,
    center: [DEFAULT_CENTER[0], DEFAULT_CENTER[1]],
    zoom: DEFAULT_ZOOM_NARROW,
    ...SHARED_MAP_OPTIONS,
  });
  map.addControl(new AttributionControl({ compact: true, customAttribution: o.attribution }));
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.on('click', (e: MapMouseEvent) => o.onTap([e.lngLat.lng, e.lngLat.lat]));

  let shelters: readonly PublicMapShelter[] = [];
  let selectedId: string | null = null;
  let person: readonly [number, number] | null = null;
  const whenLoaded = (fn: () => void) => (map.loaded() ? fn() : map.once('load', fn));
  const source = (id: string) => map.getSource(id) as GeoJSONSource | undefined;
  const drawShelters = () =>
    source('shelters')?.setData({
      type: 'FeatureCollection',
      features: shelters.map((s): Feature<Point> => ({
        type: 'Feature', id: s.id,
        properties: { id: s.id, available: s.available, selected: s.id === selectedId },
        geometry: { type: 'Point', coordinates: [s.lngLat[0], s.lngLat[1]] },
      })),
    });
  const move = (opts: { center?: [number, number]; zoom?: number; bounds?: [[number, number], [number, number]] }) => {
    const duration = o.reducedMotion ? 0 : 600;
    if (opts.bounds) map.fitBounds(opts.bounds, { padding: 40, maxZoom: 16, duration });
    else map.easeTo({ center: opts.center, zoom: opts.zoom, duration });
  };

  return {
    setShelters(next) {
      shelters = next;
      whenLoaded(drawShelters);
    },
    setPerson(lngLat) {
      person = lngLat;
      whenLoaded(() => {
        source('person')?.setData(lngLat ? { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lngLat[0], lngLat[1]] } } : empty());
        if (lngLat) move({ center: [lngLat[0], lngLat[1]], zoom: Math.max(map.getZoom(), 13) });
      });
    },
    setRoute(route, shelterId) {
      selectedId = shelterId;
      whenLoaded(() => {
        drawShelters();
        const line: Feature<LineString> | null = route && route.length > 1
          ? { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: route.map((p) => [p[0], p[1]]) } }
          : null;
        source('route')?.setData(line ?? empty());
        const pts = [...(route ?? []), ...(person ? [person] : [])];
        const shelter = shelters.find((s) => s.id === shelterId);
        if (shelter) pts.push(shelter.lngLat);
        if (pts.length > 1) {
          const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
          move({ bounds: [[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]] });
        } else if (pts.length === 1) move({ center: [pts[0]![0], pts[0]![1]], zoom: 15 });
      });
    },
    isIdle: () => map.loaded() && !map.isMoving() && map.areTilesLoaded(),
    destroy: () => map.remove(),
  };
}
