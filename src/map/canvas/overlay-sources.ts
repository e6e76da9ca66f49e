import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { LayerDescriptor, PathsDescriptor, ShapesDescriptor } from '../layer-descriptor';
import { dropSource, rgbaCss } from './polygon-bands';
import { firstSymbolLayerId, setLayerVisible } from './style-layers';

/** What is on the map per overlay descriptor: id → the data last handed over and its layers (bottom first). */
export type OverlaysOnMap = Map<string, { data: unknown; layerIds: string[] }>;

type MapLibreDrawn = (PathsDescriptor | ShapesDescriptor) & { drawnBy: 'maplibre' };

interface Overlay {
  data: FeatureCollection;
  layers: LayerSpecification[];
}

/**
 * Paths as LineStrings, one MapLibre line layer per distinct colour and width (in order of first
 * use, so later paths stay over earlier ones), each with constant paint: the same program variant
 * the basemap's own lines use, so drawing a route compiles nothing.
 */
function pathsOverlay(d: PathsDescriptor): Overlay {
  const styles: string[] = [];
  const features: Feature[] = d.paths.map((p) => {
    const key = `${rgbaCss(p.color)}|${p.widthPixels}`;
    if (!styles.includes(key)) styles.push(key);
    return { type: 'Feature', properties: { s: styles.indexOf(key) }, geometry: { type: 'LineString', coordinates: p.path.map((c) => [c[0], c[1]]) } };
  });
  const layers = styles.map((key, i): LayerSpecification => {
    const [color, width] = key.split('|');
    return {
      id: `${d.id}:${i}`, type: 'line', source: d.id, filter: ['==', ['get', 's'], i],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': color!, 'line-width': Number(width) },
    };
  });
  return { data: { type: 'FeatureCollection', features }, layers };
}

/** Shapes: polygons filled, every line and outline stroked, points as circles; constant paint as the basemap's. */
function shapesOverlay(d: ShapesDescriptor): Overlay {
  const features = d.features.features as Feature<Geometry>[];
  const has = (t: string) => features.some((f) => f.geometry?.type === t || f.geometry?.type === `Multi${t}`);
  const layers: LayerSpecification[] = [];
  if (has('Polygon')) {
    layers.push({ id: `${d.id}:fill`, type: 'fill', source: d.id, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': rgbaCss(d.fillColor) } });
  }
  if (has('Polygon') || has('LineString')) {
    layers.push({
      id: `${d.id}:line`, type: 'line', source: d.id, filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': rgbaCss(d.lineColor), 'line-width': d.lineWidthPixels },
    });
  }
  if (has('Point')) {
    layers.push({
      id: `${d.id}:point`, type: 'circle', source: d.id, filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': d.pointRadiusPixels, 'circle-color': rgbaCss(d.fillColor), 'circle-stroke-color': rgbaCss(d.lineColor), 'circle-stroke-width': d.lineWidthPixels },
    });
  }
  return { data: d.features, layers };
}

const isMapLibreDrawn = (d: LayerDescriptor): d is MapLibreDrawn => (d.type === 'paths' || d.type === 'shapes') && d.drawnBy === 'maplibre';

/**
 * Keeps MapLibre's overlay sources and layers equal to the descriptors drawn by MapLibre: a source
 * per descriptor (data replaced when it changes), its layers re-added only when their set changes.
 * They sit under the basemap's labels and under every deck.gl layer.
 */
export function syncOverlaySources(map: MaplibreMap, descriptors: readonly LayerDescriptor[], onMap: OverlaysOnMap): void {
  const wanted = descriptors.filter(isMapLibreDrawn);
  const overlays = new Map(wanted.map((d) => [d.id, d.type === 'paths' ? pathsOverlay(d) : shapesOverlay(d)]));
  for (const [id, entry] of [...onMap]) {
    const o = overlays.get(id);
    if (o && o.layers.map((l) => l.id).join() === entry.layerIds.join()) continue;
    for (const layer of entry.layerIds) if (map.getLayer(layer)) map.removeLayer(layer);
    if (map.getSource(id)) map.removeSource(id);
    onMap.delete(id);
  }
  const beforeId = firstSymbolLayerId(map);
  for (const d of wanted) {
    const o = overlays.get(d.id)!;
    const data = d.type === 'paths' ? d.paths : d.features;
    const entry = onMap.get(d.id);
    if (!entry) {
      // Idempotent: a source left on the map without a record (the record cleared while the map
      // kept its style) is replaced, never added twice ("Source … already exists" would throw).
      dropSource(map, d.id);
      map.addSource(d.id, { type: 'geojson', data: o.data });
      for (const layer of o.layers) map.addLayer(layer, beforeId);
    } else if (entry.data !== data) {
      (map.getSource(d.id) as GeoJSONSource | undefined)?.setData(o.data);
    }
    onMap.set(d.id, { data, layerIds: o.layers.map((l) => l.id) });
    for (const layer of o.layers) setLayerVisible(map, layer.id, d.visible);
  }
}

