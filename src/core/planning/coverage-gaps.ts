import { area, difference, featureCollection, feature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';

export interface CoverageGaps {
  /** the part of `within` outside the covered area, or null when nothing is left uncovered */
  readonly gaps: MultiPolygon | null;
  /** square kilometres of `gaps` (turf.area, geodesic) */
  readonly gapKm2: number;
  /** square kilometres of `within` */
  readonly withinKm2: number;
}

const KM2 = 1e6;

/**
 * The gaps of a covered area inside a region (the county): `within` minus `covered`, with both
 * areas. The covered area is the contour of the spec's time grid (computeCoverage), so a gap is
 * every place the budget does not reach, roads or not.
 */
export function coverageGaps(covered: MultiPolygon | null, within: Polygon | MultiPolygon): CoverageGaps {
  const region = feature(within);
  const withinKm2 = area(region) / KM2;
  const hasCover = covered !== null && covered.coordinates.length > 0;
  const rest = hasCover ? difference(featureCollection([region, feature(covered)])) : region;
  if (!rest) return { gaps: null, gapKm2: 0, withinKm2 };
  const g = rest.geometry;
  const gaps: MultiPolygon = g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;
  return { gaps, gapKm2: area(feature(gaps)) / KM2, withinKm2 };
}
