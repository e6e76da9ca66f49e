import { EARTH_RADIUS_METERS } from './haversine';

const RAD = Math.PI / 180;

/**
 * An equirectangular projection to metres around an origin. Good to ~1e-3 relative error over a
 * county-sized area: used for indexing and raster grids, never for a reported distance (those are
 * haversine). Snapping refines candidates in a frame centred on the query point instead.
 */
export interface LocalProjection {
  readonly originLng: number;
  readonly originLat: number;
  /** metres per degree of longitude at the origin latitude */
  readonly metersPerDegLng: number;
  /** metres per degree of latitude */
  readonly metersPerDegLat: number;
}

export function createLocalProjection(originLng: number, originLat: number): LocalProjection {
  const metersPerDegLat = EARTH_RADIUS_METERS * RAD;
  return { originLng, originLat, metersPerDegLat, metersPerDegLng: metersPerDegLat * Math.cos(originLat * RAD) };
}

export function projectX(p: LocalProjection, lng: number): number {
  return (lng - p.originLng) * p.metersPerDegLng;
}

export function projectY(p: LocalProjection, lat: number): number {
  return (lat - p.originLat) * p.metersPerDegLat;
}

export function unprojectLng(p: LocalProjection, x: number): number {
  return p.originLng + x / p.metersPerDegLng;
}

export function unprojectLat(p: LocalProjection, y: number): number {
  return p.originLat + y / p.metersPerDegLat;
}
