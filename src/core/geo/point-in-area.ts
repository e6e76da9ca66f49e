import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

/** Whether [lng, lat] lies inside any polygon of the collection (e.g. the county outline). */
export function pointInArea(lngLat: readonly [number, number], area: FeatureCollection<Geometry | null>): boolean {
  for (const f of area.features) {
    const g = f.geometry;
    if (g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && booleanPointInPolygon([lngLat[0], lngLat[1]], f as Feature<Polygon | MultiPolygon>)) return true;
  }
  return false;
}
