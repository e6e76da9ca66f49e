/**
 * A small object on `window.__onemap` for the browser tests only. It is installed when the page URL
 * carries `?e2e` and carries no data of its own: just functions to read what the app shows.
 */
export interface OnemapTestHook {
  project?: (lngLat: readonly [number, number]) => [number, number];
  isMapIdle?: () => boolean;
  /** whether the map is drawn by a software WebGL renderer (then flights jump) */
  softwareRenderer?: () => boolean;
  /** the map's drawing-buffer pixels per CSS pixel */
  pixelRatio?: () => number;
  /** the map's WebGL renderer string (unmasked where the browser tells) */
  renderer?: () => string | null;
  /** how many WebGL contexts have their vertex inputs made steady (SwiftShader only: canvas/vertex-input-reset.ts) */
  steadyVertexInputs?: () => number;
  /** MapLibre style layer ids, bottom first */
  mapLayerIds?: () => string[];
  /** deck.gl overlay layer ids */
  deckLayerIds?: () => string[];
  workerUrl?: string;
  drawnCounts?: () => Record<string, number>;
  /** every ring drawn (selection, a view's hover / pick highlight) and where */
  drawnHighlights?: () => { id: string; lngLat: readonly [number, number] }[];
  /** polygon features drawn by band layers (the rescue circle) */
  drawnBandCount?: () => number;
  /** terra-draw's mode ('static' when not drawing, 'none' before first use) */
  drawingMode?: () => string;
  /** kill the compute worker as a crash would (live-source/fault browser suite) */
  killComputeWorker?: () => boolean;
  /** a generated dataset's loading state (?dataset=province) */
  dataset?: () => { id: string | null; network: string | null; edges: number | null; memoryBytes: number | null; joined: number | null };
  /** anything a view exposes for its own browser suite, under its id */
  views?: Record<string, unknown>;
  /** every drawn resource icon where it is drawn (fanned position when fanned out) */
  drawnIcons?: () => { id: string; kind: string; lngLat: readonly [number, number] }[];
  /** frames drawn so far by MapLibre (its `render` events) and by the deck.gl overlay (its onAfterRender) */
  frameCounts?: () => { basemap: number; overlay: number };
  /** every drawn cluster circle where it is drawn */
  drawnClusters?: () => { layerId: string; pointCount: number; kindCounts: Record<string, number>; lngLat: readonly [number, number] }[];
}

declare global {
  interface Window {
    __onemap?: OnemapTestHook;
  }
}

export function testHookEnabled(): boolean {
  return typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('e2e');
}

export function exposeForTests(part: OnemapTestHook): void {
  if (!testHookEnabled()) return;
  window.__onemap = { ...(window.__onemap ?? {}), ...part };
}
