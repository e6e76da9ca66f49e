import type { MapPath, PathsDescriptor, Rgba, ShapesDescriptor } from '../layer-descriptor';
import type { Feature, Geometry } from 'geojson';

const METERS_PER_DEG_LAT = 111_195;

/** Cuts a straight leg into dashes of `dashMeters` with `gapMeters` between (equirectangular, fine for legs ≤ 500 m). */
export function dashes(from: readonly [number, number], to: readonly [number, number], dashMeters: number, gapMeters: number): [number, number][][] {
  const kx = METERS_PER_DEG_LAT * Math.cos((from[1] * Math.PI) / 180);
  const dx = (to[0] - from[0]) * kx, dy = (to[1] - from[1]) * METERS_PER_DEG_LAT;
  const length = Math.hypot(dx, dy);
  if (length === 0) return [];
  const at = (m: number): [number, number] => [from[0] + (to[0] - from[0]) * (m / length), from[1] + (to[1] - from[1]) * (m / length)];
  const out: [number, number][][] = [];
  for (let m = 0; m < length; m += dashMeters + gapMeters) out.push([at(m), at(Math.min(length, m + dashMeters))]);
  return out;
}

export interface RouteStyle {
  color: Rgba;
  widthPixels: number;
}

/**
 * A route as drawn: resource → its road point and the incident's road point → incident are walked
 * off-road (dashed); the part between is the road path (solid, with a white casing for contrast).
 */
export function buildRouteLayer(id: string, route: readonly (readonly [number, number])[] | null, style: RouteStyle): PathsDescriptor {
  const paths: MapPath[] = [];
  if (route && route.length >= 2) {
    const n = route.length;
    const road = route.length > 2 ? route.slice(1, n - 1) : [];
    if (road.length >= 2) {
      paths.push({ id: 'casing', path: road, color: [255, 255, 255, 230], widthPixels: style.widthPixels + 4 });
      paths.push({ id: 'road', path: road, color: style.color, widthPixels: style.widthPixels });
    }
    const legs: Array<[readonly [number, number], readonly [number, number]]> = n > 2 ? [[route[0]!, route[1]!], [route[n - 2]!, route[n - 1]!]] : [[route[0]!, route[1]!]];
    legs.forEach(([a, b], i) => dashes(a, b, 12, 10).forEach((d, j) => paths.push({ id: `off-${i}-${j}`, path: d, color: style.color, widthPixels: Math.max(2, style.widthPixels - 2) })));
  }
  return { type: 'paths', id, visible: paths.length > 0, paths, pickable: false, drawnBy: 'maplibre' };
}

/** Closed road segments: a thick red line with a dark casing. */
export function buildClosedSegmentsLayer(id: string, lines: readonly (readonly (readonly [number, number])[])[]): PathsDescriptor {
  const paths: MapPath[] = [];
  lines.forEach((l, i) => paths.push({ id: `c${i}`, path: l, color: [60, 0, 0, 220], widthPixels: 9 }));
  lines.forEach((l, i) => paths.push({ id: `r${i}`, path: l, color: [230, 30, 40, 255], widthPixels: 5 }));
  return { type: 'paths', id, visible: paths.length > 0, paths, pickable: false, drawnBy: 'maplibre' };
}

/** The closures as drawn by the officer (lines, flooded areas, clicked points). */
export function buildClosureShapesLayer(id: string, features: readonly Feature<Geometry, Record<string, unknown>>[]): ShapesDescriptor {
  return {
    type: 'shapes', id, visible: features.length > 0, features: { type: 'FeatureCollection', features: [...features] },
    fillColor: [40, 110, 220, 70], lineColor: [20, 60, 160, 230], lineWidthPixels: 2, pointRadiusPixels: 6, pickable: false, drawnBy: 'maplibre',
  };
}
