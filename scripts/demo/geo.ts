/** Small planar/spherical helpers for the demo generator. Coordinates are [lng, lat] WGS-84. */
export type LngLat = [number, number];

const EARTH_RADIUS_METERS = 6_371_008.8;
const DEG = Math.PI / 180;

/** Round to 7 decimals (~1 cm), the precision every coordinate is written with. */
export function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

export function roundLngLat(p: readonly [number, number]): LngLat {
  return [round7(p[0]), round7(p[1])];
}

export function haversineMeters(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * DEG;
  const dLng = (b[0] - a[0]) * DEG;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * DEG) * Math.cos(b[1] * DEG) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Metres per degree of longitude / latitude at a latitude (local equirectangular approximation). */
export function metersPerDegree(latDeg: number): { lng: number; lat: number } {
  const lat = EARTH_RADIUS_METERS * DEG;
  return { lng: lat * Math.cos(latDeg * DEG), lat };
}

/** Move a point by east/north offsets in metres. */
export function offsetMeters(p: readonly [number, number], eastMeters: number, northMeters: number): LngLat {
  const m = metersPerDegree(p[1]);
  return [p[0] + eastMeters / m.lng, p[1] + northMeters / m.lat];
}

/** Even–odd ray test against one ring. */
export function pointInRing(p: readonly [number, number], ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    const ax = a[0]!, ay = a[1]!, bx = b[0]!, by = b[1]!;
    if (ay > p[1] !== by > p[1] && p[0] < ((bx - ax) * (p[1] - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

/** Polygon rings (outer + holes) as [lng, lat][][]. */
export type PolygonRings = LngLat[][];

export function pointInPolygonRings(p: readonly [number, number], rings: readonly PolygonRings[]): boolean {
  for (const poly of rings) {
    const outer = poly[0];
    if (!outer || !pointInRing(p, outer)) continue;
    let inHole = false;
    for (let h = 1; h < poly.length; h++) if (pointInRing(p, poly[h]!)) inHole = true;
    if (!inHole) return true;
  }
  return false;
}

/** Distance in metres from p to segment ab (local planar approximation, fine at < 50 km). */
export function pointSegmentMeters(
  p: readonly [number, number],
  a: readonly [number, number],
  b: readonly [number, number],
): number {
  const m = metersPerDegree(p[1]);
  const ax = (a[0] - p[0]) * m.lng, ay = (a[1] - p[1]) * m.lat;
  const bx = (b[0] - p[0]) * m.lng, by = (b[1] - p[1]) * m.lat;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  const x = ax + t * dx, y = ay + t * dy;
  return Math.sqrt(x * x + y * y);
}

/** Distance from p to the boundary of rings, in metres. */
export function distanceToRingsMeters(p: readonly [number, number], rings: readonly PolygonRings[]): number {
  let best = Infinity;
  for (const poly of rings)
    for (const ring of poly)
      for (let i = 1; i < ring.length; i++) {
        const d = pointSegmentMeters(p, ring[i - 1]!, ring[i]!);
        if (d < best) best = d;
      }
  return best;
}
