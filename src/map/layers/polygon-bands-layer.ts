import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PolygonBandsDescriptor } from '../layer-descriptor';

/** Default colours for 5/10/15-minute bands (green → amber → red, translucent). */
export const MINUTE_BAND_COLORS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  '5': [34, 160, 90, 110],
  '10': [240, 180, 30, 90],
  '15': [220, 70, 50, 70],
};

/**
 * Banded polygons → descriptor. Intended for isochrones: pass a FeatureCollection whose features
 * carry the band's upper bound in `valueProperty` (minutes by default).
 */
export function buildPolygonBandsLayer(
  id: string,
  bands: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>,
  options: { valueProperty?: string; fillColorsByValue?: PolygonBandsDescriptor['fillColorsByValue']; visible?: boolean } = {},
): PolygonBandsDescriptor {
  return {
    type: 'polygon-bands',
    id,
    visible: options.visible ?? true,
    bands,
    valueProperty: options.valueProperty ?? 'minutes',
    fillColorsByValue: options.fillColorsByValue ?? MINUTE_BAND_COLORS,
    fallbackColor: [120, 120, 120, 60],
    lineColor: [60, 60, 60, 200],
    lineWidthPixels: 1,
    pickable: false,
  };
}
