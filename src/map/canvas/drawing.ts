import type { Map as MaplibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { LineString, Polygon } from 'geojson';

/**
 * terra-draw on the MapLibre map, for closures: a line across roads or a flooded area. Created on
 * first use (after the basemap style is set, which would otherwise remove its layers); every
 * finished shape is handed to `onFinish` and cleared from the drawing.
 */
export function createDrawing(map: MaplibreMap, onFinish: (geometry: LineString | Polygon) => void): TerraDraw {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawLineStringMode({ styles: { lineStringColor: '#c8303a', lineStringWidth: 4, closingPointColor: '#c8303a' } }),
      new TerraDrawPolygonMode({ styles: { fillColor: '#2f6fd6', fillOpacity: 0.25, outlineColor: '#1d4f91', outlineWidth: 2 } }),
    ],
  });
  draw.start();
  draw.on('finish', (id) => {
    const f = draw.getSnapshotFeature(id);
    draw.removeFeatures([id]);
    const g = f?.geometry;
    if (g && (g.type === 'LineString' || g.type === 'Polygon')) onFinish(g);
  });
  return draw;
}
