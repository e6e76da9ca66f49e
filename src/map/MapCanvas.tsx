import { useEffect, useRef, useState } from 'react';
import { AttributionControl, Map as MaplibreMap, Marker, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { LineString, Polygon } from 'geojson';
import 'maplibre-gl/dist/maplibre-gl.css';
import { LABEL_FONT_STACK, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../config/map-defaults';
import { buildBasemapStyle, labelTextField, LABEL_LAYER_IDS, type BasemapData, type BasemapLang } from './basemap-style';
import type { LayerDescriptor, PickRef, PolygonBandsDescriptor } from './layer-descriptor';
import { configureMaplibreWorker } from './maplibre-worker';
import { exposeForTests } from './test-hook';
import { toDeckLayers, toPickRef } from './to-deck-layers';

export interface MapView {
  center: readonly [number, number];
  zoom: number;
}

export interface FlyRequest {
  lngLat: readonly [number, number];
  zoom: number;
  /** Changes on every request so the same place can be flown to twice. */
  seq: number;
  /** false: jump without animation (e.g. restoring a pasted link). */
  animate?: boolean;
}

/** A click on the map: what was picked (null on empty map) and where. */
export interface MapClick {
  ref: PickRef | null;
  lngLat: [number, number];
}

/** A DOM marker on the map (e.g. the incident), optionally draggable. */
export interface MapMarker {
  id: string;
  lngLat: readonly [number, number];
  /** CSS class of the marker element (styled by the view) */
  className: string;
  /** accessible name and tooltip */
  title: string;
  draggable: boolean;
  onDragEnd?: (lngLat: [number, number]) => void;
}

/** Drawing a shape on the map (terra-draw). Finishing one calls onFinish; Enter or a click on the last point finishes. */
export interface DrawingRequest {
  mode: 'linestring' | 'polygon';
  onFinish: (geometry: LineString | Polygon) => void;
}

export interface MapImage {
  /** a blob: URL of the PNG (revoke it when done) */
  url: string;
  widthCssPixels: number;
  heightCssPixels: number;
  /** ground metres per CSS pixel at the map's centre */
  metersPerPixel: number;
  /** [west, south, east, north] of the image (north up, Web Mercator), to place DOM markers on it */
  bounds: [number, number, number, number];
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Where [lng, lat] falls on a captured image, as fractions of its width and height (0..1 inside). */
export function imageFraction(image: Pick<MapImage, 'bounds'>, lngLat: readonly [number, number]): [number, number] {
  const [w, s, e, n] = image.bounds;
  return [(lngLat[0] - w) / (e - w), (mercatorY(n) - mercatorY(lngLat[1])) / (mercatorY(n) - mercatorY(s))];
}

/** What a view may ask of the map beyond props. */
export interface MapCanvasApi {
  /** the map as drawn now (basemap + overlay) as a PNG, with its size in CSS pixels and scale; null on failure */
  captureImage: () => Promise<MapImage | null>;
  /** metres per pixel at the map's centre (for a scale bar next to a captured image) */
  metersPerPixel: () => number;
}

export interface MapCanvasProps {
  basemap: BasemapData | null;
  /** false when township names are drawn by a deck.gl label layer above the icons instead. */
  basemapTownshipLabels: boolean;
  lang: BasemapLang;
  descriptors: readonly LayerDescriptor[];
  initialView: MapView;
  flyTo: FlyRequest | null;
  attribution: string;
  /** shown instead of the map when this browser cannot draw it (no WebGL2); the rest of the app still works */
  unavailableMessage: string;
  /** shown while a WebGL context is lost (GPU reset, driver update, too many contexts), until both canvases are back */
  contextLostMessage?: string;
  onViewChange: (view: MapView) => void;
  onHover: (ref: PickRef | null, xPixels: number, yPixels: number) => void;
  /** every click: a pick (resource, cluster) or the [lng, lat] of empty map */
  onClick: (click: MapClick) => void;
  /** right-click, or a long press (~600 ms) on a touch screen */
  onContextMenu?: (lngLat: [number, number]) => void;
  markers?: readonly MapMarker[];
  /** while set, clicks draw instead of picking */
  drawing?: DrawingRequest | null;
  onApi?: (api: MapCanvasApi | null) => void;
}

const LONG_PRESS_MS = 600;
const LONG_PRESS_SLOP_PIXELS = 10;

const EMPTY_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dfe6ea' } }],
};

function createMap(container: HTMLDivElement, initialView: MapView): MaplibreMap {
  return new MaplibreMap({
    container,
    style: EMPTY_STYLE,
    center: [initialView.center[0], initialView.center[1]],
    zoom: initialView.zoom,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    maxBounds: [MAX_BOUNDS[0], MAX_BOUNDS[1], MAX_BOUNDS[2], MAX_BOUNDS[3]],
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    localIdeographFontFamily: LABEL_FONT_STACK.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', '),
  });
}

const rgbaCss = (c: readonly [number, number, number, number]) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(3)})`;

interface BandFillLayer {
  id: string;
  filter: ExpressionSpecification;
  color: string;
}

/**
 * One fill layer per band value, widest (largest value) first so the nested inner bands are drawn
 * over it, each in a constant colour: constant paint reuses the fill program the basemap already
 * compiled (a data-driven colour would compile a new shader variant on the main thread).
 */
function bandFillLayers(d: PolygonBandsDescriptor): BandFillLayer[] {
  const value: ExpressionSpecification = ['to-string', ['get', d.valueProperty]];
  const values = Object.keys(d.fillColorsByValue).sort((x, y) => Number(y) - Number(x) || (x < y ? -1 : 1));
  return [
    { id: `${d.id}-fill-other`, filter: ['!', ['in', value, ['literal', values]]], color: rgbaCss(d.fallbackColor) },
    ...values.map((v) => ({ id: `${d.id}-fill-${v}`, filter: ['==', value, v] as ExpressionSpecification, color: rgbaCss(d.fillColorsByValue[v]!) })),
  ];
}

/**
 * Polygon bands (rescue circles) are drawn by MapLibre from a GeoJSON source: MapLibre tiles and
 * tessellates them in its own worker, so showing a circle does not hold the main thread (deck.gl
 * tessellated them on it and compiled new programs: ~1.2 s). They sit under the basemap's labels
 * and under every deck.gl icon. `onMap` remembers what is on the map: id → (data, layer ids).
 */
function syncPolygonBands(map: MaplibreMap, descriptors: readonly LayerDescriptor[], onMap: Map<string, { data: unknown; layerIds: string[] }>): void {
  const bands = descriptors.filter((d): d is PolygonBandsDescriptor => d.type === 'polygon-bands');
  const wanted = new Map(bands.map((d) => [d.id, d]));
  for (const [id, entry] of [...onMap]) {
    const d = wanted.get(id);
    const sameLayers = d && [...bandFillLayers(d).map((l) => l.id), `${id}-line`].join() === entry.layerIds.join();
    if (sameLayers) continue;
    for (const layer of entry.layerIds) if (map.getLayer(layer)) map.removeLayer(layer);
    if (map.getSource(id)) map.removeSource(id);
    onMap.delete(id);
  }
  const beforeId = map.getStyle().layers.find((l) => l.type === 'symbol')?.id;
  for (const d of bands) {
    const entry = onMap.get(d.id);
    const fills = bandFillLayers(d);
    const layerIds = [...fills.map((l) => l.id), `${d.id}-line`];
    if (!entry) {
      map.addSource(d.id, { type: 'geojson', data: d.bands });
      for (const f of fills) {
        map.addLayer({ id: f.id, type: 'fill', source: d.id, filter: f.filter, paint: { 'fill-color': f.color } }, beforeId);
      }
      map.addLayer(
        { id: `${d.id}-line`, type: 'line', source: d.id, paint: { 'line-color': rgbaCss(d.lineColor), 'line-width': d.lineWidthPixels } },
        beforeId,
      );
    } else if (entry.data !== d.bands) {
      (map.getSource(d.id) as GeoJSONSource | undefined)?.setData(d.bands);
      for (const f of fills) map.setPaintProperty(f.id, 'fill-color', f.color);
    }
    onMap.set(d.id, { data: d.bands, layerIds });
    for (const id of layerIds) map.setLayoutProperty(id, 'visibility', d.visible ? 'visible' : 'none');
  }
}

/** The one MapLibre map (created once for the app's lifetime) with deck.gl overlaid, not interleaved. */
export function MapCanvas(props: MapCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const attributionRef = useRef<AttributionControl | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  // Whether the basemap style has been set on the current map instance.
  const styledRef = useRef(false);
  // Band sources on the map: id → the FeatureCollection last handed over and its layers.
  const bandsOnMapRef = useRef(new Map<string, { data: unknown; layerIds: string[] }>());
  const [unavailable, setUnavailable] = useState(false);
  // WebGL context loss of either canvas: MapLibre's restores itself; deck.gl's overlay is recreated.
  const [contextLost, setContextLost] = useState(false);
  // While MapLibre's context is lost it has no style: nothing may ask it for its projection.
  const baseLostRef = useRef(false);
  const drawRef = useRef<TerraDraw | null>(null);
  const markersRef = useRef(new Map<string, { marker: Marker; spec: MapMarker }>());

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const workerUrl = configureMaplibreWorker();
    const { initialView } = propsRef.current;
    let map: MaplibreMap;
    try {
      map = createMap(container, initialView);
    } catch (err) {
      // No WebGL2 (old WebViews, locked-down PCs, GPU blocklists): say so in plain words and keep
      // the panels, search and details working without a map.
      console.warn('map unavailable:', (err as Error).message);
      exposeForTests({ workerUrl, isMapIdle: () => true });
      setUnavailable(true);
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    const lost = { base: false, deck: false };
    const makeOverlay = () =>
      new MapboxOverlay({
        interleaved: false,
        layers: toDeckLayers(propsRef.current.descriptors),
        onHover: (info) => propsRef.current.onHover(toPickRef(propsRef.current.descriptors, info), info.x, info.y),
        onClick: (info) => {
          if (propsRef.current.drawing || !info.coordinate) return;
          const [lng, lat] = info.coordinate as [number, number];
          propsRef.current.onClick({ ref: toPickRef(propsRef.current.descriptors, info), lngLat: [lng, lat] });
        },
        getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
        onLoad: () => {
          lost.deck = false;
          setContextLost(lost.base);
        },
      });
    const overlay = makeOverlay();
    map.addControl(overlay);
    // webglcontextlost/-restored do not bubble, but a capturing listener on the container sees both canvases'.
    let recreateTimer: ReturnType<typeof setTimeout> | null = null;
    const recreateOverlay = () => {
      recreateTimer = null;
      // While MapLibre's own context is lost it has no style (and no projection) to overlay on:
      // its restore comes first and recreates the overlay then.
      if (lost.base) return;
      const old = overlayRef.current;
      try {
        if (old) map.removeControl(old);
      } catch (err) {
        console.warn('removing the lost deck.gl overlay:', (err as Error).message);
      }
      const next = makeOverlay();
      map.addControl(next);
      overlayRef.current = next;
    };
    // MapLibre's canvas: MapLibre itself keeps a snapshot of its style and restores it; its own
    // events come after that work. deck.gl's canvas: seen by a capturing listener on the container
    // (context events do not bubble).
    map.on('webglcontextlost', () => {
      lost.base = baseLostRef.current = true;
      console.warn('WebGL context lost: basemap');
      setContextLost(true);
    });
    map.on('webglcontextrestored', () => {
      lost.base = baseLostRef.current = false;
      if (lost.deck) recreateOverlay();
      else overlayRef.current?.setProps({ layers: toDeckLayers(propsRef.current.descriptors) });
      map.triggerRepaint();
      setContextLost(lost.deck);
    });
    const onContextLost = (event: Event) => {
      if (event.target === map.getCanvas()) return;
      // deck.gl cannot restore a lost context: give it a fresh canvas with the same layers.
      lost.deck = true;
      console.warn('WebGL context lost: overlay');
      setContextLost(true);
      if (!recreateTimer) recreateTimer = setTimeout(recreateOverlay, 300);
    };
    container.addEventListener('webglcontextlost', onContextLost, true);
    map.on('moveend', () => {
      const c = map.getCenter();
      propsRef.current.onViewChange({ center: [c.lng, c.lat], zoom: map.getZoom() });
    });
    map.on('contextmenu', (e) => {
      e.preventDefault();
      if (!propsRef.current.drawing) propsRef.current.onContextMenu?.([e.lngLat.lng, e.lngLat.lat]);
    });
    const stopLongPress = watchLongPress(map, (lngLat) => {
      if (!propsRef.current.drawing) propsRef.current.onContextMenu?.(lngLat);
    });
    // A new style drops every source: add the bands again once it has loaded.
    map.on('style.load', () => {
      bandsOnMapRef.current.clear();
      syncPolygonBands(map, propsRef.current.descriptors, bandsOnMapRef.current);
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    const metersPerPixel = () => {
      const c = map.getCenter();
      return (40_075_016.686 * Math.cos((c.lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
    };
    // (the overlay may have been recreated after a lost WebGL context: take the current one)
    propsRef.current.onApi?.({ captureImage: () => captureImage(map, overlayRef.current ?? overlay, metersPerPixel()), metersPerPixel });
    exposeForTests({
      workerUrl,
      project: (lngLat) => {
        const p = map.project([lngLat[0], lngLat[1]]);
        return [p.x, p.y];
      },
      isMapIdle: () => map.loaded() && !map.isMoving(),
      mapLayerIds: () => map.getStyle().layers.map((l) => l.id),
      deckLayerIds: () => toDeckLayers(propsRef.current.descriptors).map((l) => l.id),
    });
    return () => {
      propsRef.current.onApi?.(null);
      stopLongPress();
      drawRef.current?.stop();
      drawRef.current = null;
      for (const m of markersRef.current.values()) m.marker.remove();
      markersRef.current.clear();
      if (recreateTimer) clearTimeout(recreateTimer);
      container.removeEventListener('webglcontextlost', onContextLost, true);
      if (overlayRef.current) map.removeControl(overlayRef.current);
      map.remove();
      styledRef.current = false;
      bandsOnMapRef.current.clear();
      attributionRef.current = null;
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  // The basemap style is set once data has arrived; later language changes only touch label text.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !props.basemap || styledRef.current) return;
    map.setStyle(buildBasemapStyle(props.basemap, props.lang, { townshipLabels: props.basemapTownshipLabels }), { diff: false });
    styledRef.current = true;
  }, [props.basemap, props.lang, props.basemapTownshipLabels]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styledRef.current) return;
    const apply = () => {
      for (const id of LABEL_LAYER_IDS) {
        if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelTextField(props.lang));
      }
    };
    if (map.isStyleLoaded()) apply();
    else map.once('style.load', apply);
  }, [props.lang]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (attributionRef.current) map.removeControl(attributionRef.current);
    const narrow = window.matchMedia('(max-width: 720px)').matches;
    const control = new AttributionControl({ compact: narrow, customAttribution: props.attribution });
    map.addControl(control, 'bottom-right');
    attributionRef.current = control;
  }, [props.attribution]);

  useEffect(() => {
    if (baseLostRef.current) return; // applied when the context is back
    overlayRef.current?.setProps({ layers: toDeckLayers(props.descriptors) });
    const map = mapRef.current;
    if (!map || !styledRef.current) return;
    const sync = () => syncPolygonBands(map, propsRef.current.descriptors, bandsOnMapRef.current);
    if (map.isStyleLoaded()) sync();
    else map.once('idle', sync);
  }, [props.descriptors]);

  // Markers: created, moved and removed by id; a drag reports where it ended.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const wanted = new Map((props.markers ?? []).map((m) => [m.id, m]));
    for (const [id, entry] of markersRef.current) {
      if (!wanted.has(id)) {
        entry.marker.remove();
        markersRef.current.delete(id);
      }
    }
    for (const spec of wanted.values()) {
      let entry = markersRef.current.get(spec.id);
      if (!entry) {
        const element = document.createElement('div');
        const marker = new Marker({ element, draggable: spec.draggable, anchor: 'bottom' }).setLngLat([spec.lngLat[0], spec.lngLat[1]]).addTo(map);
        const created = { marker, spec };
        marker.on('dragend', () => {
          const ll = marker.getLngLat();
          created.spec.onDragEnd?.([ll.lng, ll.lat]);
        });
        entry = created;
        markersRef.current.set(spec.id, entry);
      }
      entry.spec = spec;
      const el = entry.marker.getElement();
      el.className = `${spec.className} maplibregl-marker`;
      el.title = spec.title;
      el.setAttribute('aria-label', spec.title);
      el.dataset.testid = `marker-${spec.id}`;
      entry.marker.setDraggable(spec.draggable);
      const at = entry.marker.getLngLat();
      if (at.lng !== spec.lngLat[0] || at.lat !== spec.lngLat[1]) entry.marker.setLngLat([spec.lngLat[0], spec.lngLat[1]]);
    }
  }, [props.markers]);

  // Drawing: terra-draw on the MapLibre map, started on first use (after the basemap style is set,
  // which would otherwise remove its layers). A finished shape is handed over and cleared.
  const drawingMode = props.drawing?.mode ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!drawingMode) {
      if (drawRef.current?.enabled) drawRef.current.setMode('static');
      return;
    }
    const start = () => {
      if (!drawRef.current) {
        const draw = new TerraDraw({
          adapter: new TerraDrawMapLibreGLAdapter({ map }),
          modes: [
            new TerraDrawLineStringMode({ styles: { lineStringColor: '#c8303a', lineStringWidth: 4, closingPointColor: '#c8303a' } }),
            new TerraDrawPolygonMode({ styles: { fillColor: '#2f6fd6', fillOpacity: 0.25, outlineColor: '#1d4f91', outlineWidth: 2 } }),
          ],
        });
        draw.start();
        draw.on('finish', (id) => {
          const f = draw.getSnapshotFeature(id);
          draw.removeFeatures([id]);
          const g = f?.geometry;
          if (g && (g.type === 'LineString' || g.type === 'Polygon')) propsRef.current.drawing?.onFinish(g);
        });
        drawRef.current = draw;
      }
      drawRef.current.setMode(drawingMode);
    };
    if (map.isStyleLoaded()) start();
    else map.once('idle', start);
    exposeForTests({ drawingMode: () => drawRef.current?.getMode() ?? 'none' });
  }, [drawingMode]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !props.flyTo) return;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const target = { center: [props.flyTo.lngLat[0], props.flyTo.lngLat[1]] as [number, number], zoom: props.flyTo.zoom };
    if (reduceMotion || props.flyTo.animate === false) map.jumpTo(target);
    else {
      // On a phone the detail panel is a bottom sheet: aim above it, not under it.
      const narrow = window.matchMedia('(max-width: 720px)').matches;
      const offsetYPixels = narrow ? -map.getContainer().clientHeight * 0.25 : 0;
      map.flyTo({ ...target, offset: [0, offsetYPixels], duration: 900 });
    }
  }, [props.flyTo]);

  return (
    <div ref={containerRef} className="map-canvas" data-testid="map">
      {unavailable && (
        <p className="map-unavailable" role="alert" data-testid="map-unavailable">
          {props.unavailableMessage}
        </p>
      )}
      {contextLost && props.contextLostMessage && (
        <p className="map-context-lost" role="status" data-testid="map-context-lost">
          {props.contextLostMessage}
        </p>
      )}
    </div>
  );
}

/** Calls back with the place of a one-finger press held still for LONG_PRESS_MS. */
function watchLongPress(map: MaplibreMap, onLongPress: (lngLat: [number, number]) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let startPoint: { x: number; y: number } | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    startPoint = null;
  };
  map.on('touchstart', (e) => {
    cancel();
    if (e.originalEvent.touches.length !== 1) return;
    startPoint = { x: e.point.x, y: e.point.y };
    const lngLat: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    timer = setTimeout(() => {
      timer = null;
      onLongPress(lngLat);
    }, LONG_PRESS_MS);
  });
  map.on('touchmove', (e) => {
    if (startPoint && Math.hypot(e.point.x - startPoint.x, e.point.y - startPoint.y) > LONG_PRESS_SLOP_PIXELS) cancel();
  });
  map.on('touchend', cancel);
  map.on('touchcancel', cancel);
  map.on('movestart', cancel);
  return cancel;
}

/**
 * Reads both canvases right after a frame is drawn (no preserveDrawingBuffer needed on MapLibre's)
 * and encodes the PNG off the main thread (toBlob, not the blocking toDataURL).
 */
function captureImage(map: MaplibreMap, overlay: MapboxOverlay, metersPerPixel: number): Promise<MapImage | null> {
  return new Promise((resolve) => {
    map.once('render', () => {
      try {
        const base = map.getCanvas();
        const out = document.createElement('canvas');
        out.width = base.width;
        out.height = base.height;
        const ctx = out.getContext('2d');
        if (!ctx) return resolve(null);
        ctx.drawImage(base, 0, 0);
        const deckCanvas = overlay.getCanvas();
        if (deckCanvas) ctx.drawImage(deckCanvas, 0, 0, out.width, out.height);
        const container = map.getContainer();
        const b = map.getBounds();
        const size = { widthCssPixels: container.clientWidth, heightCssPixels: container.clientHeight, metersPerPixel, bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [number, number, number, number] };
        out.toBlob((blob) => resolve(blob ? { url: URL.createObjectURL(blob), ...size } : null), 'image/png');
      } catch {
        resolve(null);
      }
    });
    map.triggerRepaint();
  });
}
