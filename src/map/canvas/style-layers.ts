import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * Small reads and writes of MapLibre's style that the overlay syncs make on every descriptor change.
 * `map.getStyle()` serialises the whole style (every layer cloned) and `map.setLayoutProperty`
 * repaints the map even when the value is unchanged (Map.setLayoutProperty → `_update(true)`); with
 * software WebGL a repaint is a ~100 ms compositor read-back, so a sync that changed nothing must
 * not ask for one.
 */

/** The first symbol layer in draw order: overlays go below the basemap's labels. */
export function firstSymbolLayerId(map: MaplibreMap): string | undefined {
  return map.getLayersOrder().find((id) => map.getLayer(id)?.type === 'symbol');
}

/** The ids of the style layers drawing from `sourceId`. */
export function layerIdsOfSource(map: MaplibreMap, sourceId: string): string[] {
  return map.getLayersOrder().filter((id) => map.getLayer(id)?.source === sourceId);
}

/** Shows or hides a layer; no call (and no repaint) when it already is so. */
export function setLayerVisible(map: MaplibreMap, layerId: string, visible: boolean): void {
  const want = visible ? 'visible' : 'none';
  const now = (map.getLayoutProperty(layerId, 'visibility') as string | undefined) ?? 'visible';
  if (now !== want) map.setLayoutProperty(layerId, 'visibility', want);
}
