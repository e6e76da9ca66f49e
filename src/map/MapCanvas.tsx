import { useEffect, useRef, useState } from 'react';
import { AttributionControl, Map as MaplibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import type { TerraDraw } from 'terra-draw';
import 'maplibre-gl/dist/maplibre-gl.css';
import { SHARED_MAP_OPTIONS } from '../config/map-defaults';
import { buildBasemapStyle, labelTextField, LABEL_LAYER_IDS, type BasemapData, type BasemapLang } from './basemap-style';
import { captureImage, metersPerPixelAtCenter } from './canvas/capture-image';
import { attachDeckOverlay, type DeckOverlay } from './canvas/deck-overlay';
import { createDrawing } from './canvas/drawing';
import { watchLongPress } from './canvas/long-press';
import { watchPointerPicking } from './canvas/pointer-picking';
import { chooseSharpMap, drawingPixelRatio, isSoftwareRenderer, isSwiftShader, rendererOf, sharpMapChosen, withoutLabelFades } from './canvas/software-gl';
import { steadyVertexInputs } from './canvas/vertex-input-reset';
import { SharpnessControl } from './canvas/sharpness-control';
import { removeMarkers, syncMarkers, type MarkersOnMap } from './canvas/markers';
import { syncOverlaySources, type OverlaysOnMap } from './canvas/overlay-sources';
import { syncPolygonBands, type BandsOnMap } from './canvas/polygon-bands';
import type { DrawingRequest, FlyRequest, MapCanvasApi, MapClick, MapMarker, MapView } from './canvas/types';
import type { LayerDescriptor, PickRef } from './layer-descriptor';
import { configureMaplibreWorker } from './maplibre-worker';
import { exposeForTests } from './test-hook';
import { toDeckLayers } from './to-deck-layers';

export { imageFraction } from './canvas/types';
export type { DrawingRequest, FlyRequest, MapCanvasApi, MapClick, MapImage, MapMarker, MapView } from './canvas/types';

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
    ...SHARED_MAP_OPTIONS,
  });
}

/**
 * The one MapLibre map (created once for the app's lifetime) with deck.gl overlaid, not interleaved.
 * Its parts live in src/map/canvas/: the deck.gl overlay and context loss, MapLibre's band and overlay sources,
 * markers, terra-draw, long press, the map image.
 */
export function MapCanvas(props: MapCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const deckRef = useRef<DeckOverlay | null>(null);
  const attributionRef = useRef<AttributionControl | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  // Whether the basemap style has been set on the current map instance.
  const styledRef = useRef(false);
  const bandsOnMapRef = useRef<BandsOnMap>(new Map());
  const overlaysOnMapRef = useRef<OverlaysOnMap>(new Map());
  const [unavailable, setUnavailable] = useState(false);
  // WebGL context loss of either canvas: MapLibre's restores itself; deck.gl's overlay is recreated.
  const [contextLost, setContextLost] = useState(false);
  const drawRef = useRef<TerraDraw | null>(null);
  const markersRef = useRef<MarkersOnMap>(new Map());
  // Software WebGL (SwiftShader, llvmpipe, WARP): flights jump instead of animating (see software-gl.ts).
  const softwareGlRef = useRef(false);
  const sharpnessRef = useRef<SharpnessControl | null>(null);

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
    const canvas = map.getCanvas();
    const mapGl = canvas.getContext('webgl2');
    const renderer = rendererOf(mapGl ?? canvas.getContext('webgl'));
    softwareGlRef.current = isSoftwareRenderer(renderer);
    // On SwiftShader every draw's compiled state is made independent of the draws before it
    // (vertex-input-reset.ts): otherwise a zoom or a move to a new place recompiles in its frame.
    const swiftShader = isSwiftShader(renderer);
    const unsteady: (() => void)[] = [];
    if (swiftShader && mapGl) unsteady.push(steadyVertexInputs(mapGl, canvas));
    // On software WebGL: labels without fades, and (unless the user pressed "sharp") fewer pixels.
    let sharp = sharpMapChosen();
    const pixelRatio = () => drawingPixelRatio(window.devicePixelRatio, softwareGlRef.current, sharp);
    if (softwareGlRef.current) {
      withoutLabelFades(map);
      map.setPixelRatio(pixelRatio());
    }
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    if (softwareGlRef.current) {
      sharpnessRef.current = new SharpnessControl(sharp, propsRef.current.lang, (next) => {
        sharp = next;
        chooseSharpMap(next);
        map.setPixelRatio(pixelRatio());
        deckRef.current?.setPixelRatio(pixelRatio());
      });
      map.addControl(sharpnessRef.current, 'bottom-right');
    }
    const frames = { basemap: 0, overlay: 0 };
    map.on('render', () => frames.basemap++);
    const deck = attachDeckOverlay(map, container, {
      layers: () => toDeckLayers(propsRef.current.descriptors),
      pixelRatio,
      onContextLost: setContextLost,
      onAfterRender: () => frames.overlay++,
      onContext: (gl, overlayCanvas) => {
        if (swiftShader) unsteady.push(steadyVertexInputs(gl, overlayCanvas));
      },
    });
    // Hover and click are hit-tested on the CPU (src/map/hit-test.ts); deck.gl never runs a picking pass.
    const stopPicking = watchPointerPicking(map, {
      descriptors: () => propsRef.current.descriptors,
      onHover: (ref, x, y) => propsRef.current.onHover(ref, x, y),
      onClick: (ref, lngLat) => {
        if (!propsRef.current.drawing) propsRef.current.onClick({ ref, lngLat });
      },
    });
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
    // A new style drops every source: add the bands and overlays again once it has loaded.
    map.on('style.load', () => {
      bandsOnMapRef.current.clear();
      overlaysOnMapRef.current.clear();
      syncPolygonBands(map, propsRef.current.descriptors, bandsOnMapRef.current);
      syncOverlaySources(map, propsRef.current.descriptors, overlaysOnMapRef.current);
    });
    mapRef.current = map;
    deckRef.current = deck;
    const metersPerPixel = () => metersPerPixelAtCenter(map);
    propsRef.current.onApi?.({ captureImage: () => captureImage(map, deck.current(), metersPerPixel()), metersPerPixel });
    exposeForTests({
      workerUrl,
      project: (lngLat) => {
        const p = map.project([lngLat[0], lngLat[1]]);
        return [p.x, p.y];
      },
      isMapIdle: () => map.loaded() && !map.isMoving(),
      frameCounts: () => ({ ...frames }),
      softwareRenderer: () => softwareGlRef.current,
      renderer: () => renderer,
      steadyVertexInputs: () => unsteady.length,
      pixelRatio: () => map.getPixelRatio(),
      mapLayerIds: () => map.getStyle().layers.map((l) => l.id),
      deckLayerIds: () => toDeckLayers(propsRef.current.descriptors).map((l) => l.id),
    });
    return () => {
      propsRef.current.onApi?.(null);
      stopLongPress();
      stopPicking();
      drawRef.current?.stop();
      drawRef.current = null;
      removeMarkers(markersRef.current);
      deck.dispose();
      for (const undo of unsteady) undo();
      map.remove();
      styledRef.current = false;
      bandsOnMapRef.current.clear();
      overlaysOnMapRef.current.clear();
      attributionRef.current = null;
      sharpnessRef.current = null;
      mapRef.current = null;
      deckRef.current = null;
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
      sharpnessRef.current?.setLang(props.lang);
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
    // MapLibre opens compact credits until the first drag; on a phone they would cover a third of
    // the map above the sheet. Start them folded to the ⓘ button (a tap opens them; 示意 stays on
    // the top bar's badge).
    if (narrow) map.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact')?.classList.remove('maplibregl-compact-show');
  }, [props.attribution]);

  useEffect(() => {
    const deck = deckRef.current;
    if (!deck || deck.baseLost()) return; // applied when the context is back
    deck.setLayers(toDeckLayers(props.descriptors));
    const map = mapRef.current;
    if (!map || !styledRef.current) return;
    const sync = () => {
      syncPolygonBands(map, propsRef.current.descriptors, bandsOnMapRef.current);
      syncOverlaySources(map, propsRef.current.descriptors, overlaysOnMapRef.current);
    };
    if (map.isStyleLoaded()) sync();
    else map.once('idle', sync);
  }, [props.descriptors]);

  useEffect(() => {
    const map = mapRef.current;
    if (map) syncMarkers(map, markersRef.current, props.markers ?? []);
  }, [props.markers]);

  // Drawing: terra-draw started on first use; 'static' while not drawing.
  const drawingMode = props.drawing?.mode ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!drawingMode) {
      if (drawRef.current?.enabled) drawRef.current.setMode('static');
      return;
    }
    const start = () => {
      drawRef.current ??= createDrawing(map, (g) => propsRef.current.drawing?.onFinish(g));
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
      // On software WebGL each frame of a flight is a long task (new tiles at every zoom it passes):
      // go there at once, to the same spot.
      if (softwareGlRef.current) map.easeTo({ ...target, offset: [0, offsetYPixels], duration: 0 });
      else map.flyTo({ ...target, offset: [0, offsetYPixels], duration: 900 });
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
