import { EARTH_RADIUS_METERS } from '../geo/haversine';

const RAD = Math.PI / 180;

/** Initial great-circle bearing from A to B, degrees clockwise from north in [0, 360). */
export function initialBearingDegrees(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const p1 = lat1 * RAD, p2 = lat2 * RAD, dl = (lng2 - lng1) * RAD;
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  const deg = Math.atan2(y, x) / RAD;
  const b = deg < 0 ? deg + 360 : deg;
  return b >= 360 ? b - 360 : b;
}

/** The point `meters` from [lng, lat] along the great circle leaving at `bearingDegrees`. */
export function destinationPoint(lng: number, lat: number, bearingDegrees: number, meters: number): [number, number] {
  const d = meters / EARTH_RADIUS_METERS;
  const p1 = lat * RAD, l1 = lng * RAD, th = bearingDegrees * RAD;
  const sinP2 = Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(th);
  const p2 = Math.asin(Math.max(-1, Math.min(1, sinP2)));
  const l2 = l1 + Math.atan2(Math.sin(th) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * sinP2);
  return [(((l2 / RAD + 540) % 360) - 180), p2 / RAD];
}
