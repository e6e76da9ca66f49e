import type { ExpressionSpecification, GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { LayerDescriptor, PolygonBandsDescriptor } from '../layer-descriptor';
import { firstSymbolLayerId, layerIdsOfSource, setLayerVisible } from './style-layers';

/** What is on the map per band descriptor: id → the FeatureCollection last handed over and its layers. */
export type BandsOnMap = Map<string, { data: unknown; layerIds: string[] }>;

export const rgbaCss = (c: readonly [number, number, number, number]) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(3)})`;

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
 * and under every deck.gl icon.
 */
export function syncPolygonBands(map: MaplibreMap, descriptors: readonly LayerDescriptor[], onMap: BandsOnMap): void {
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
  const beforeId = firstSymbolLayerId(map);
  for (const d of bands) {
    const entry = onMap.get(d.id);
    const fills = bandFillLayers(d);
    const layerIds = [...fills.map((l) => l.id), `${d.id}-line`];
    if (!entry) {
      dropSource(map, d.id); // idempotent: never "Source … already exists"
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
    for (const id of layerIds) setLayerVisible(map, id, d.visible);
  }
}

/** Removes a source and every layer drawing from it, if the map has them. */
export function dropSource(map: MaplibreMap, sourceId: string): void {
  if (!map.getSource(sourceId)) return;
  for (const id of layerIdsOfSource(map, sourceId)) map.removeLayer(id);
  map.removeSource(sourceId);
}
