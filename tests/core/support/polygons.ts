/**
 * Polygon checks written for the tests (not the core's): RFC 7946 validity, shoelace areas in
 * square metres, distance from a point to a polygon's boundary.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { METERS_PER_DEG_LAT } from '../../helpers/ascii-graph';

/** Local metres around a reference latitude (equirectangular: fine for areas of a few km). */
function toMeters(p: Position, lat0: number): [number, number] {
  return [p[0]! * METERS_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180), p[1]! * METERS_PER_DEG_LAT];
}

/** Signed shoelace area in m²: positive when the ring runs counter-clockwise (x east, y north). */
export function ringAreaSquareMeters(ring: Position[]): number {
  const lat0 = ring[0]![1]!;
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = toMeters(ring[i]!, lat0), [x2, y2] = toMeters(ring[i + 1]!, lat0);
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

function inRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!, b = ring[j]!;
    if (a[1]! > p[1]! !== b[1]! > p[1]! && p[0]! < ((b[0]! - a[0]!) * (p[1]! - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inside = !inside;
  }
  return inside;
}

/** Problems that make a (Multi)Polygon invalid under RFC 7946 §3.1.6 (and for its winding, §3.1.6 too). */
export function rfc7946Problems(geometry: Polygon | MultiPolygon): string[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const problems: string[] = [];
  polygons.forEach((rings, pi) => {
    if (rings.length === 0) problems.push(`polygon ${pi} has no rings`);
    rings.forEach((ring, ri) => {
      const where = `polygon ${pi} ring ${ri}`;
      if (ring.length < 4) problems.push(`${where} has ${ring.length} positions (< 4)`);
      if (ring.some((p) => p.length < 2 || !p.every(Number.isFinite) || Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90)) problems.push(`${where} has a bad position`);
      const first = ring[0], last = ring[ring.length - 1];
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) problems.push(`${where} is not closed`);
      const area = ringAreaSquareMeters(ring);
      if (ri === 0 && !(area > 0)) problems.push(`${where} (exterior) is not counter-clockwise (area ${area})`);
      if (ri > 0 && !(area < 0)) problems.push(`${where} (hole) is not clockwise (area ${area})`);
      if (ri > 0 && !ring.some((p) => inRing(p, rings[0]!))) problems.push(`${where} (hole) lies outside its exterior`);
    });
  });
  return problems;
}

/** Point-in-(Multi)Polygon, even-odd with holes. */
export function insideMultiPolygon(p: Position, geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => inRing(p, rings[0]!) && !rings.slice(1).some((h) => inRing(p, h)));
}

/** Metres from `p` to the nearest ring segment of the geometry (Infinity when it has none). */
export function distanceToBoundaryMeters(p: Position, geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kx = METERS_PER_DEG_LAT * Math.cos((p[1]! * Math.PI) / 180), ky = METERS_PER_DEG_LAT;
  let best = Infinity;
  for (const rings of polygons) for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = (ring[i]![0]! - p[0]!) * kx, ay = (ring[i]![1]! - p[1]!) * ky;
      const bx = (ring[i + 1]![0]! - p[0]!) * kx, by = (ring[i + 1]![1]! - p[1]!) * ky;
      const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const orient = (p: Position, q: Position, r: Position) => (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (o1 === 0 && o2 === 0) {
    // collinear: overlapping boxes
    return Math.max(Math.min(a[0]!, b[0]!), Math.min(c[0]!, d[0]!)) <= Math.min(Math.max(a[0]!, b[0]!), Math.max(c[0]!, d[0]!))
      && Math.max(Math.min(a[1]!, b[1]!), Math.min(c[1]!, d[1]!)) <= Math.min(Math.max(a[1]!, b[1]!), Math.max(c[1]!, d[1]!));
  }
  return (o1 >= 0) !== (o2 >= 0) || o1 === 0 || o2 === 0 ? (o3 >= 0) !== (o4 >= 0) || o3 === 0 || o4 === 0 : false;
}

/** Whether a polyline touches a polygon (a vertex inside, or a segment crossing a ring). */
export function lineTouchesPolygon(line: readonly Position[], geometry: Polygon | MultiPolygon): boolean {
  if (line.some((p) => insideMultiPolygon(p, geometry))) return true;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (let i = 0; i + 1 < line.length; i++) {
    for (const rings of polygons) for (const ring of rings) {
      for (let k = 0; k + 1 < ring.length; k++) if (segmentsCross(line[i]!, line[i + 1]!, ring[k]!, ring[k + 1]!)) return true;
    }
  }
  return false;
}
