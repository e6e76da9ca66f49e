import type { Map as MaplibreMap } from 'maplibre-gl';

export const LONG_PRESS_MS = 600;
const LONG_PRESS_SLOP_PIXELS = 10;

/** Calls back with the place of a one-finger press held still for LONG_PRESS_MS; returns a function that cancels a pending one. */
export function watchLongPress(map: MaplibreMap, onLongPress: (lngLat: [number, number]) => void): () => void {
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
