/**
 * The cameras nearest an incident, by straight-line (great-circle) distance: cameras are looked at,
 * not driven to, so no road network is involved, and the list says so.
 */
export interface CameraLike {
  id: string;
  lngLat: readonly [number, number];
}

export interface RankedCamera<C extends CameraLike> {
  camera: C;
  straightLineMeters: number;
}

const EARTH_RADIUS_METERS = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Haversine distance in metres between two [lng, lat] points (WGS-84 sphere, R = 6,371,008.8 m). */
export function straightLineMeters(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = rad(b[1] - a[1]);
  const dLng = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The k cameras closest to `incident`, nearest first; ties by id so the order is stable. */
export function nearestCameras<C extends CameraLike>(cameras: readonly C[], incident: readonly [number, number], k: number): RankedCamera<C>[] {
  if (k <= 0) return [];
  // Keep the k best in a sorted array: k is small (tens) and the cameras a few thousand.
  const best: RankedCamera<C>[] = [];
  const before = (x: RankedCamera<C>, y: RankedCamera<C>) =>
    x.straightLineMeters < y.straightLineMeters || (x.straightLineMeters === y.straightLineMeters && x.camera.id < y.camera.id);
  for (const camera of cameras) {
    const entry = { camera, straightLineMeters: straightLineMeters(incident, camera.lngLat) };
    if (best.length === k && !before(entry, best[k - 1]!)) continue;
    let i = best.length;
    while (i > 0 && before(entry, best[i - 1]!)) i--;
    best.splice(i, 0, entry);
    if (best.length > k) best.pop();
  }
  return best;
}
