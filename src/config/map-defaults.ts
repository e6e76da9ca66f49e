/** Map defaults for the Taishun demo. All coordinates [lng, lat]. */
export const DEFAULT_CENTER: readonly [number, number] = [119.8, 27.52];
export const DEFAULT_ZOOM = 9.6;
/** On phone-width screens the whole county fits at this zoom. */
export const DEFAULT_ZOOM_NARROW = 8.9;
export const NARROW_SCREEN_PIXELS = 720;
/** Low enough to show a typhoon's whole approach from the western Pacific (typhoon view). */
export const MIN_ZOOM = 5;
export const MAX_ZOOM = 18;
/**
 * Bounds the demo's camera may roam in: [west, south, east, north]. Wide enough for the typhoon
 * view to show a storm's track from the Philippine Sea to the county (the offline basemap itself
 * only covers the county; the rest of the map is blank but tracks and wind circles are drawn).
 */
export const MAX_BOUNDS: readonly [number, number, number, number] = [105, 5, 140, 40];
/** Zoom used when flying to a searched or selected feature. */
export const FOCUS_ZOOM = 13;
/** Supercluster radius in screen pixels and the zoom above which cameras are never clustered. */
export const CLUSTER_RADIUS_PIXELS = 48;
export const CLUSTER_MAX_ZOOM = 14;
/**
 * The other kinds (shelters, teams, fire stations, depots) cluster together, mixed, where their
 * icons would overlap: radius in screen pixels, up to CLUSTER_MAX_ZOOM like the cameras.
 */
export const RESOURCE_CLUSTER_RADIUS_PIXELS = 26;
/** From this zoom on nothing is clustered; icons that would still overlap are fanned out around their spot. */
export const FAN_OUT_MIN_ZOOM = CLUSTER_MAX_ZOOM + 1;
/** Below this zoom township names would pile up, so they are left to the basemap's outlines. */
export const PLACE_LABEL_MIN_ZOOM = 9.3;
/** Icon size on screen at the default zoom; icons grow with zoom (src/map/layers/icon-size.ts). */
export const ICON_SIZE_PIXELS = 22;
/** Fonts used to draw labels locally (no glyph server); CSS family names, first match wins. */
export const LABEL_FONT_STACK: readonly string[] = [
  'Noto Sans CJK SC',
  'Source Han Sans SC',
  'PingFang SC',
  'Microsoft YaHei',
  'sans-serif',
];

/**
 * The MapLibre map options the officer app and the public finder share (plain data, so the
 * public entry takes them without reaching officer code): zoom range, bounds, no rotation or
 * pitch, CJK glyphs drawn locally in LABEL_FONT_STACK, and the attribution control added by each
 * map itself (compact or not).
 */
export const SHARED_MAP_OPTIONS = {
  minZoom: MIN_ZOOM,
  maxZoom: MAX_ZOOM,
  maxBounds: [MAX_BOUNDS[0], MAX_BOUNDS[1], MAX_BOUNDS[2], MAX_BOUNDS[3]] as [number, number, number, number],
  attributionControl: false as const,
  dragRotate: false,
  pitchWithRotate: false,
  localIdeographFontFamily: LABEL_FONT_STACK.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', '),
};
