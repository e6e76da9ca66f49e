/**
 * An independent reading of typhoon.md's membership rule, written without the app's code: 3-D unit
 * vectors for distance (atan2 of |a×b| and a·b) and for the bearing (P's direction projected on the
 * centre's local north/east basis), linear scans instead of binary search, hours enumerated by
 * stepping a Date. Slow and plain on purpose; tests compare the core against it.
 */
export interface BfFix {
  timeMs: number;
  lngLat: readonly [number, number];
  radiiMeters: Record<string, { ne: number | null; se: number | null; sw: number | null; nw: number | null }>;
}

const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;
type V = [number, number, number];
const vec = (lng: number, lat: number): V => [Math.cos(rad(lat)) * Math.cos(rad(lng)), Math.cos(rad(lat)) * Math.sin(rad(lng)), Math.sin(rad(lat))];
const dot = (a: V, b: V) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V, b: V): V => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: V) => Math.hypot(a[0], a[1], a[2]);

export function bfDistanceMeters(a: readonly [number, number], b: readonly [number, number]): number {
  const va = vec(a[0], a[1]), vb = vec(b[0], b[1]);
  return R * Math.atan2(norm(cross(va, vb)), dot(va, vb));
}

export function bfBearingDegrees(from: readonly [number, number], to: readonly [number, number]): number {
  const lng = rad(from[0]), lat = rad(from[1]);
  const east: V = [-Math.sin(lng), Math.cos(lng), 0];
  const north: V = [-Math.sin(lat) * Math.cos(lng), -Math.sin(lat) * Math.sin(lng), Math.cos(lat)];
  const p = vec(to[0], to[1]);
  let deg = (Math.atan2(dot(p, east), dot(p, north)) * 180) / Math.PI;
  while (deg < 0) deg += 360;
  return deg >= 360 ? deg - 360 : deg;
}

function bfCentre(fixes: readonly BfFix[], t: number): [number, number] {
  for (let i = 0; i < fixes.length; i++) {
    if (fixes[i]!.timeMs === t) return [fixes[i]!.lngLat[0], fixes[i]!.lngLat[1]];
    if (i + 1 < fixes.length && fixes[i]!.timeMs < t && t < fixes[i + 1]!.timeMs) {
      const a = fixes[i]!, b = fixes[i + 1]!;
      const w = (t - a.timeMs) / (b.timeMs - a.timeMs);
      return [a.lngLat[0] * (1 - w) + b.lngLat[0] * w, a.lngLat[1] * (1 - w) + b.lngLat[1] * w];
    }
  }
  throw new Error('t outside the track');
}

function bfRadius(fixes: readonly BfFix[], k: string, q: 'ne' | 'se' | 'sw' | 'nw', t: number): number | null {
  const full = fixes.filter((f) => { const r = f.radiiMeters[k]; return r && r.ne !== null && r.se !== null && r.sw !== null && r.nw !== null; });
  for (let i = 0; i < full.length; i++) {
    if (full[i]!.timeMs === t) return full[i]!.radiiMeters[k]![q];
    const a = full[i]!, b = full[i + 1];
    if (b && a.timeMs < t && t < b.timeMs) {
      if (b.timeMs - a.timeMs > 12 * 3600 * 1000) return null;
      const w = (t - a.timeMs) / (b.timeMs - a.timeMs);
      return a.radiiMeters[k]![q]! * (1 - w) + b.radiiMeters[k]![q]! * w;
    }
  }
  return null;
}

/** first/last hour inside per threshold for one place, by the spec's words. */
export function bfWindTimes(fixes: readonly BfFix[], thresholds: readonly string[], p: readonly [number, number]) {
  const first: Record<string, number | null> = {}, last: Record<string, number | null> = {};
  for (const k of thresholds) { first[k] = null; last[k] = null; }
  const d0 = new Date(fixes[0]!.timeMs);
  if (d0.getUTCMinutes() || d0.getUTCSeconds() || d0.getUTCMilliseconds()) { d0.setUTCMinutes(0, 0, 0); d0.setUTCHours(d0.getUTCHours() + 1); }
  for (const d = d0; d.getTime() <= fixes[fixes.length - 1]!.timeMs; d.setUTCHours(d.getUTCHours() + 1)) {
    const t = d.getTime();
    const c = bfCentre(fixes, t);
    const b = bfBearingDegrees(c, p);
    const q = b < 90 ? 'ne' : b < 180 ? 'se' : b < 270 ? 'sw' : 'nw';
    const dist = bfDistanceMeters(c, p);
    for (const k of thresholds) {
      const r = bfRadius(fixes, k, q, t);
      if (r !== null && r > 0 && dist <= r) { if (first[k] === null) first[k] = t; last[k] = t; }
    }
  }
  return { first, last };
}
