import type { Layer } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MaplibreMap } from 'maplibre-gl';

export interface DeckOverlayHandlers {
  /** the deck.gl layers to draw now (asked again when the overlay is recreated) */
  layers: () => Layer[];
  /** after every frame the overlay draws (counted for the browser tests) */
  onAfterRender?: () => void;
  /** drawing-buffer pixels per CSS pixel (asked again when the overlay is recreated) */
  pixelRatio: () => number;
  /** true while either canvas has lost its WebGL context */
  onContextLost: (lost: boolean) => void;
  /** each WebGL context the overlay draws with (again after a lost context gave a fresh overlay) */
  onContext?: (gl: WebGL2RenderingContext, canvas: HTMLCanvasElement | undefined) => void;
}

export interface DeckOverlay {
  /** the overlay now (it is recreated after its context was lost) */
  current: () => MapboxOverlay;
  setLayers: (layers: Layer[]) => void;
  /** after handlers.pixelRatio() changed */
  setPixelRatio: (ratio: number) => void;
  /** MapLibre's own context is lost: it has no style, nothing may ask it for its projection */
  baseLost: () => boolean;
  dispose: () => void;
}

/**
 * The deck.gl overlay on the MapLibre map (`interleaved: false`: its own canvas above MapLibre's),
 * drawing only: no layer is pickable and there are no hover / click handlers, so deck.gl never runs
 * a picking pass (src/map/canvas/pointer-picking.ts hit-tests on the CPU and sets the cursor);
 * and what happens when a WebGL context is lost: MapLibre restores its own and the overlay's layers
 * are set again; deck.gl cannot restore one, so it gets a fresh overlay with the same layers.
 */
export function attachDeckOverlay(map: MaplibreMap, container: HTMLElement, handlers: DeckOverlayHandlers): DeckOverlay {
  const lost = { base: false, deck: false };
  const makeOverlay = () =>
    new MapboxOverlay({
      interleaved: false,
      useDevicePixels: handlers.pixelRatio(),
      // No multisampling: nothing drawn here needs it (icons are textures, circles and text smooth
      // their own edges), and on software WebGL a 4× buffer is cleared and resolved every frame.
      deviceProps: { webgl: { antialias: false } },
      layers: handlers.layers(),
      onAfterRender: handlers.onAfterRender,
      onDeviceInitialized: (device) => {
        // luma.gl's WebGL device keeps its context as `gl` (not in the Device type).
        const gl = (device as unknown as { gl?: WebGL2RenderingContext }).gl;
        if (gl && handlers.onContext) handlers.onContext(gl, gl.canvas instanceof HTMLCanvasElement ? gl.canvas : undefined);
      },
      onLoad: () => {
        lost.deck = false;
        handlers.onContextLost(lost.base);
      },
    });
  let overlay = makeOverlay();
  map.addControl(overlay);
  let recreateTimer: ReturnType<typeof setTimeout> | null = null;
  const recreateOverlay = () => {
    recreateTimer = null;
    // While MapLibre's own context is lost it has no style (and no projection) to overlay on:
    // its restore comes first and recreates the overlay then.
    if (lost.base) return;
    try {
      map.removeControl(overlay);
    } catch (err) {
      console.warn('removing the lost deck.gl overlay:', (err as Error).message);
    }
    overlay = makeOverlay();
    map.addControl(overlay);
  };
  // MapLibre's canvas: MapLibre itself keeps a snapshot of its style and restores it; its own
  // events come after that work.
  map.on('webglcontextlost', () => {
    lost.base = true;
    console.warn('WebGL context lost: basemap');
    handlers.onContextLost(true);
  });
  map.on('webglcontextrestored', () => {
    lost.base = false;
    if (lost.deck) recreateOverlay();
    else overlay.setProps({ layers: handlers.layers() });
    map.triggerRepaint();
    handlers.onContextLost(lost.deck);
  });
  // deck.gl's canvas: webglcontextlost does not bubble, but a capturing listener on the container sees it.
  const onContextLost = (event: Event) => {
    if (event.target === map.getCanvas()) return;
    lost.deck = true;
    console.warn('WebGL context lost: overlay');
    handlers.onContextLost(true);
    if (!recreateTimer) recreateTimer = setTimeout(recreateOverlay, 300);
  };
  container.addEventListener('webglcontextlost', onContextLost, true);
  return {
    current: () => overlay,
    setLayers: (layers) => overlay.setProps({ layers }),
    setPixelRatio: (ratio) => overlay.setProps({ useDevicePixels: ratio }),
    baseLost: () => lost.base,
    dispose: () => {
      if (recreateTimer) clearTimeout(recreateTimer);
      container.removeEventListener('webglcontextlost', onContextLost, true);
      map.removeControl(overlay);
    },
  };
}
