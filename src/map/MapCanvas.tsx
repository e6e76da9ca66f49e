import { useEffect, useRef, useState } from 'react';
import { AttributionControl, Map as MaplibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import { MapboxOverlay } from '@deck.gl/mapbox';
import 'maplibre-gl/dist/maplibre-gl.css';
import { LABEL_FONT_STACK, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../config/map-defaults';
import { buildBasemapStyle, labelTextField, LABEL_LAYER_IDS, type BasemapData, type BasemapLang } from './basemap-style';
import type { LayerDescriptor, PickRef } from './layer-descriptor';
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
  onViewChange: (view: MapView) => void;
  onHover: (ref: PickRef | null, xPixels: number, yPixels: number) => void;
  onPick: (ref: PickRef | null) => void;
}

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
  const [unavailable, setUnavailable] = useState(false);

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
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onHover: (info) => propsRef.current.onHover(toPickRef(propsRef.current.descriptors, info), info.x, info.y),
      onClick: (info) => propsRef.current.onPick(toPickRef(propsRef.current.descriptors, info)),
      getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
    });
    map.addControl(overlay);
    map.on('moveend', () => {
      const c = map.getCenter();
      propsRef.current.onViewChange({ center: [c.lng, c.lat], zoom: map.getZoom() });
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    exposeForTests({
      workerUrl,
      project: (lngLat) => {
        const p = map.project([lngLat[0], lngLat[1]]);
        return [p.x, p.y];
      },
      isMapIdle: () => map.loaded() && !map.isMoving(),
    });
    return () => {
      map.removeControl(overlay);
      map.remove();
      styledRef.current = false;
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
    overlayRef.current?.setProps({ layers: toDeckLayers(props.descriptors) });
  }, [props.descriptors]);

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
    </div>
  );
}
