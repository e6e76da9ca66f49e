import type { Map as MaplibreMap, MapMouseEvent } from 'maplibre-gl';
import { hitTest, type ScreenProjection } from '../hit-test';
import type { LayerDescriptor, PickRef } from '../layer-descriptor';

export interface PointerPickingHandlers {
  /** the descriptors drawn now */
  descriptors: () => readonly LayerDescriptor[];
  onHover: (ref: PickRef | null, xPixels: number, yPixels: number) => void;
  /** a click or tap on the map: what is under it (null on empty map) and where */
  onClick: (ref: PickRef | null, lngLat: [number, number]) => void;
}

/** MapLibre's projection of the map as shown now, in CSS pixels of its container. */
export function mapProjection(map: MaplibreMap): ScreenProjection {
  return {
    project: (lngLat) => {
      const p = map.project([lngLat[0], lngLat[1]]);
      return [p.x, p.y];
    },
    unproject: (xy) => {
      const l = map.unproject([xy[0], xy[1]]);
      return [l.lng, l.lat];
    },
  };
}

/**
 * Hover, click and the cursor from MapLibre's own pointer events, hit-tested on the CPU
 * (src/map/hit-test.ts) instead of by deck.gl's picking pass. Hover: at most one hit-test per
 * animation frame, the latest pointer position; none while the map moves (drag, zoom, flight), and
 * the hover is cleared when a move starts (the object no longer sits under the pointer). Clicks:
 * MapLibre's `click`, which also fires on a touch tap. The cursor is set on the canvas container:
 * pointer over a pickable object, grabbing while dragging, grab otherwise.
 * Returns a function that removes the listeners.
 */
export function watchPointerPicking(map: MaplibreMap, handlers: PointerPickingHandlers): () => void {
  const container = map.getCanvasContainer();
  const view = mapProjection(map);
  let pending: { x: number; y: number } | null = null;
  let frame: number | null = null;
  let hovering = false;
  let dragging = false;

  const setCursor = () => {
    container.style.cursor = dragging ? 'grabbing' : hovering ? 'pointer' : 'grab';
  };
  const setHover = (ref: PickRef | null, x: number, y: number) => {
    const wasHovering = hovering;
    hovering = ref !== null;
    if (hovering || wasHovering) handlers.onHover(ref, x, y);
    setCursor();
  };
  const cancelFrame = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    pending = null;
  };

  const onFrame = () => {
    frame = null;
    const at = pending;
    pending = null;
    if (!at || map.isMoving()) return;
    setHover(hitTest(handlers.descriptors(), [at.x, at.y], view), at.x, at.y);
  };
  const onMouseMove = (e: MapMouseEvent) => {
    if (map.isMoving()) return;
    pending = { x: e.point.x, y: e.point.y };
    frame ??= requestAnimationFrame(onFrame);
  };
  const onMouseOut = (e: MapMouseEvent) => {
    cancelFrame();
    setHover(null, e.point.x, e.point.y);
  };
  const onMoveStart = () => {
    cancelFrame();
    if (hovering) setHover(null, 0, 0);
  };
  const onDragStart = () => {
    dragging = true;
    setCursor();
  };
  const onDragEnd = () => {
    dragging = false;
    setCursor();
  };
  const onClick = (e: MapMouseEvent) => {
    handlers.onClick(hitTest(handlers.descriptors(), [e.point.x, e.point.y], view), [e.lngLat.lng, e.lngLat.lat]);
  };

  const listeners = [
    ['mousemove', onMouseMove],
    ['mouseout', onMouseOut],
    ['movestart', onMoveStart],
    ['dragstart', onDragStart],
    ['dragend', onDragEnd],
    ['click', onClick],
  ] as const;
  for (const [type, listener] of listeners) map.on(type, listener as never);
  setCursor();
  return () => {
    cancelFrame();
    for (const [type, listener] of listeners) map.off(type, listener as never);
  };
}
