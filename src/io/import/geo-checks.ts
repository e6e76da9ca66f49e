/**
 * Plausibility checks of imported points against the area (county outline, townships, villages):
 * outside the county, lng/lat that look swapped, and a file whose points sit where GCJ-02 (Amap)
 * coordinates would sit if read as WGS-84. Pure geometry, no library (ray casting, haversine).
 */
import gcoord from 'gcoord';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface AreaTownship {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly geometry: Polygon | MultiPolygon;
}

/** What the import knows of the area it loads into (all optional). */
export interface ImportContext {
  readonly areaName?: string;
  readonly county?: Polygon | MultiPolygon;
  readonly townships?: readonly AreaTownship[];
  /** reference points for the GCJ-02 check: road vertices (and villages) of the area, in WGS-84 */
  readonly referencePoints?: readonly (readonly [number, number])[];
}

function inRing(ring: readonly Position[], lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]! as [number, number], [xj, yj] = ring[j]! as [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInArea(geometry: Polygon | MultiPolygon, lng: number, lat: number): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => rings.length > 0 && inRing(rings[0]!, lng, lat) && !rings.slice(1).some((hole) => inRing(hole, lng, lat)));
}

export function haversineMeters(a: readonly [number, number], b: readonly [number, number]): number {
  const R = 6_371_008.8, rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad, dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function townshipAt(ctx: ImportContext, lng: number, lat: number): AreaTownship | undefined {
  return ctx.townships?.find((t) => pointInArea(t.geometry, lng, lat));
}

export function insideCounty(ctx: ImportContext, lng: number, lat: number): boolean | undefined {
  if (ctx.county) return pointInArea(ctx.county, lng, lat);
  if (ctx.townships?.length) return townshipAt(ctx, lng, lat) !== undefined;
  return undefined;
}

/** Median distance from the points to their nearest reference point (brute force over ≤ 2,000 samples). */
function medianNearestMeters(points: readonly (readonly [number, number])[], refs: readonly (readonly [number, number])[]): number {
  const step = Math.max(1, Math.floor(points.length / 2000));
  const d: number[] = [];
  for (let i = 0; i < points.length; i += step) {
    let best = Infinity;
    for (const r of refs) best = Math.min(best, haversineMeters(points[i]!, r));
    d.push(best);
  }
  d.sort((a, b) => a - b);
  return d[Math.floor(d.length / 2)] ?? Infinity;
}

/**
 * GCJ-02 read as WGS-84 puts points some 300–600 m off (north-east here). Resources sit by roads:
 * when the file's points sit clearly nearer the area's road vertices after undoing that shift, the
 * file looks like GCJ-02. Returns the two medians when it does, else null. Needs ≥ 5 points.
 */
export function looksLikeGcj02(ctx: ImportContext, points: readonly (readonly [number, number])[]): { asIsMeters: number; correctedMeters: number } | null {
  if (!ctx.referencePoints?.length || points.length < 5) return null;
  const asIs = medianNearestMeters(points, ctx.referencePoints);
  const corrected = medianNearestMeters(points.map((p) => gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84) as [number, number]), ctx.referencePoints);
  return asIs > 80 && corrected < asIs * 0.6 ? { asIsMeters: Math.round(asIs), correctedMeters: Math.round(corrected) } : null;
}
