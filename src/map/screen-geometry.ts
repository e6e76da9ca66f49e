/**
 * Web Mercator "world pixels" at a zoom, the same as MapLibre's (512-pixel tiles), so distances
 * between icons on screen can be reasoned about without a map instance.
 */
const TILE_PIXELS = 512;
const MAX_LAT = 85.0511287798;

export function worldPixels(lngLat: readonly [number, number], zoom: number): [number, number] {
  const scale = TILE_PIXELS * 2 ** zoom;
  const lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, lngLat[1]));
  const sin = Math.sin((lat * Math.PI) / 180);
  const x = ((lngLat[0] + 180) / 360) * scale;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
  return [x, y];
}

export function lngLatFromWorldPixels(xy: readonly [number, number], zoom: number): [number, number] {
  const scale = TILE_PIXELS * 2 ** zoom;
  const lng = (xy[0] / scale) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * xy[1]) / scale;
  const lat = (180 / Math.PI) * Math.atan(Math.sinh(n));
  return [lng, lat];
}

/** Ground metres one screen pixel covers at a latitude and zoom. */
export function metersPerPixel(latDegrees: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((latDegrees * Math.PI) / 180)) / (TILE_PIXELS * 2 ** zoom);
}
