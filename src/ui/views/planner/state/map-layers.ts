/** What the planner draws: plain layer descriptors (the shell's MapCanvas draws them). */
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { CoverageRollUp } from '../../../../core';
import type { LayerDescriptor, Rgba, ShapesDescriptor } from '../../../../map/layer-descriptor';

/** Village colour classes by fastest arrival (turnout included), upper bound in minutes. */
export const TIME_CLASSES: ReadonlyArray<{ maxMinutes: number; color: Rgba }> = [
  { maxMinutes: 5, color: [26, 152, 80, 255] },
  { maxMinutes: 10, color: [145, 207, 96, 255] },
  { maxMinutes: 15, color: [254, 224, 139, 255] },
  { maxMinutes: 20, color: [252, 141, 89, 255] },
  { maxMinutes: 30, color: [215, 48, 39, 255] },
  { maxMinutes: Infinity, color: [120, 20, 60, 255] },
];
export const UNREACHABLE_COLOR: Rgba = [90, 90, 90, 255];
export const WHATIF_COLOR: Rgba = [111, 66, 193, 255];
export const FLOOD_FILL: Rgba = [30, 90, 200, 90];

const pointShapes = (id: string, features: Feature<Geometry, Record<string, unknown>>[], color: Rgba, radius: number): ShapesDescriptor => ({
  type: 'shapes', id, visible: true, features: { type: 'FeatureCollection', features }, fillColor: color, lineColor: [255, 255, 255, 255], lineWidthPixels: 1, pointRadiusPixels: radius, pickable: false,
});

/** Villages as dots coloured by their class of fastest arrival; unreachable ones grey. */
export function villageTimeLayers(r: CoverageRollUp, lngLatOf: (id: string) => readonly [number, number] | undefined): LayerDescriptor[] {
  const groups: Feature<Geometry, Record<string, unknown>>[][] = TIME_CLASSES.map(() => []);
  const unreachable: Feature<Geometry, Record<string, unknown>>[] = [];
  for (const p of r.places) {
    const at = lngLatOf(p.id);
    if (!at) continue;
    const f: Feature<Geometry, Record<string, unknown>> = { type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: [at[0], at[1]] } };
    if (p.seconds === null) unreachable.push(f);
    else groups[TIME_CLASSES.findIndex((c) => p.seconds! <= c.maxMinutes * 60)]!.push(f);
  }
  return [
    ...groups.map((fs, i) => pointShapes(`planner-villages-${i}`, fs, TIME_CLASSES[i]!.color, 4)),
    pointShapes('planner-villages-unreachable', unreachable, UNREACHABLE_COLOR, 4),
  ];
}

/** Fastest-station colours of the catchment image (by station index, repeating). */
export const CATCHMENT_PALETTE: Rgba[] = [
  [228, 26, 28, 110], [55, 126, 184, 110], [77, 175, 74, 110], [152, 78, 163, 110], [255, 127, 0, 110], [166, 86, 40, 110], [247, 129, 191, 110], [120, 120, 120, 110],
];
/** Covered-area colours, innermost band first (the budget band is the last used). */
export const AREA_BAND_COLORS: Rgba[] = [[8, 81, 156, 130], [33, 113, 181, 120], [66, 146, 198, 110], [107, 174, 214, 100], [158, 202, 225, 95], [198, 219, 239, 90]];

/** The covered area (or catchments) image from the worker. */
export function areaLayer(r: { width: number; height: number; bounds: [number, number, number, number]; rgba: Uint8ClampedArray }): LayerDescriptor {
  return { type: 'bitmap', id: 'planner-area', visible: true, width: r.width, height: r.height, rgba: r.rgba, bounds: r.bounds, opacity: 1 };
}

export function floodLayer(flood: readonly Polygon[]): LayerDescriptor {
  return {
    type: 'shapes', id: 'planner-flood', visible: flood.length > 0,
    features: { type: 'FeatureCollection', features: flood.map((g) => ({ type: 'Feature', properties: {}, geometry: g })) },
    fillColor: FLOOD_FILL, lineColor: [20, 60, 160, 255], lineWidthPixels: 2, pointRadiusPixels: 0, pickable: false,
  };
}

export const GAP_FILL: Rgba = [200, 30, 30, 70];
export const GAP_LINE: Rgba = [170, 20, 20, 220];

/** The county outside the covered area: tinted red, outlined, under the covered-area image. */
export function gapLayer(gaps: MultiPolygon | null): LayerDescriptor {
  return {
    type: 'shapes', id: 'planner-gaps', visible: gaps !== null,
    features: { type: 'FeatureCollection', features: gaps ? [{ type: 'Feature', properties: {}, geometry: gaps }] : [] },
    fillColor: GAP_FILL, lineColor: GAP_LINE, lineWidthPixels: 1, pointRadiusPixels: 0, pickable: false,
  };
}
