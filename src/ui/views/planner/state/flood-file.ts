import type { MultiPolygon, Polygon, Position } from 'geojson';

const MAX_POLYGONS = 50;

/**
 * Flood polygons from a GeoJSON FeatureCollection, Feature or bare geometry: every (Multi)Polygon
 * part becomes one Polygon of its outer ring (holes dropped: the whole outlined area counts as
 * flooded, the cautious reading). Anything else is an error naming the feature.
 */
export function floodPolygonsFromGeoJson(input: unknown): Polygon[] {
  const o = input as { type?: string; features?: unknown[]; geometry?: unknown; coordinates?: unknown };
  const geoms: Array<{ g: unknown; where: string }> = [];
  if (o?.type === 'FeatureCollection' && Array.isArray(o.features)) o.features.forEach((f, i) => geoms.push({ g: (f as { geometry?: unknown })?.geometry, where: `feature ${i}` }));
  else if (o?.type === 'Feature') geoms.push({ g: o.geometry, where: 'the feature' });
  else geoms.push({ g: o, where: 'the geometry' });
  const out: Polygon[] = [];
  for (const { g, where } of geoms) {
    const geom = g as Polygon | MultiPolygon | null;
    const parts: Position[][][] = geom?.type === 'Polygon' ? [geom.coordinates] : geom?.type === 'MultiPolygon' ? geom.coordinates : [];
    if (parts.length === 0) throw new Error(`${where}: geometry ${geom?.type ?? 'missing'} is not a Polygon or MultiPolygon`);
    for (const rings of parts) {
      const ring = rings?.[0];
      if (!Array.isArray(ring) || ring.length < 4 || ring.some((p) => !Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90)) {
        throw new Error(`${where}: a ring needs at least 4 [lng, lat] positions in degrees`);
      }
      out.push({ type: 'Polygon', coordinates: [ring.map((p) => [p[0]!, p[1]!])] });
      if (out.length > MAX_POLYGONS) throw new Error(`more than ${MAX_POLYGONS} polygons`);
    }
  }
  return out;
}
