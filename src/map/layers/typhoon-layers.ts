import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { windCircleRing, haversineMeters, type ChinaCategory, type ForecastTrack, type StormState, type TyphoonTrack } from '../../core';
import type { HighlightDescriptor, LayerDescriptor, MapPath, PathsDescriptor, Rgba, ShapesDescriptor } from '../layer-descriptor';

/** China's intensity scale as the Chinese typhoon sites colour it (TD green … SuperTY red). */
export const CATEGORY_COLORS: Readonly<Record<ChinaCategory, Rgba>> = {
  TD: [46, 170, 60, 255],
  TS: [30, 110, 230, 255],
  STS: [235, 200, 0, 255],
  TY: [250, 140, 0, 255],
  STY: [230, 80, 200, 255],
  SuperTY: [220, 20, 30, 255],
};
export const UNKNOWN_CATEGORY_COLOR: Rgba = [130, 130, 130, 255];
export const CATEGORY_ORDER: readonly ChinaCategory[] = ['TD', 'TS', 'STS', 'TY', 'STY', 'SuperTY'];

/** Fill and line colours of the circles, lowest threshold (force 7 / 34 kt) first. */
const CIRCLE_STYLES: ReadonlyArray<{ fill: Rgba; line: Rgba }> = [
  { fill: [255, 210, 0, 60], line: [220, 160, 0, 255] },
  { fill: [255, 120, 0, 70], line: [230, 90, 0, 255] },
  { fill: [220, 20, 30, 80], line: [180, 0, 20, 255] },
];

export const FORECAST_AGENCY_COLORS: readonly Rgba[] = [
  [200, 30, 30, 230], [40, 90, 220, 230], [20, 150, 80, 230], [150, 60, 200, 230], [200, 120, 0, 230],
];

const collection = (features: Feature<Geometry, Record<string, unknown>>[]): FeatureCollection<Geometry, Record<string, unknown>> => ({ type: 'FeatureCollection', features });

/** A polyline cut into dashes of `dashMeters` with gaps of `gapMeters` (deck paths have no dash style here). */
export function dashedPaths(idPrefix: string, line: ReadonlyArray<readonly [number, number]>, color: Rgba, widthPixels: number, dashMeters = 12_000, gapMeters = 8_000): MapPath[] {
  const out: MapPath[] = [];
  let current: [number, number][] = [];
  let drawing = true, left = dashMeters;
  for (let i = 1; i < line.length; i++) {
    let [ax, ay] = line[i - 1]!;
    const [bx, by] = line[i]!;
    let seg = haversineMeters(ax, ay, bx, by);
    if (drawing && current.length === 0) current.push([ax, ay]);
    while (seg > left) {
      const w = left / seg;
      const px = ax + w * (bx - ax), py = ay + w * (by - ay);
      if (drawing) { current.push([px, py]); out.push({ id: `${idPrefix}-${out.length}`, path: current, color, widthPixels }); current = []; }
      else current = [[px, py]];
      drawing = !drawing;
      seg -= left; ax = px; ay = py;
      left = drawing ? dashMeters : gapMeters;
    }
    left -= seg;
    if (drawing) current.push([bx, by]);
  }
  if (drawing && current.length > 1) out.push({ id: `${idPrefix}-${out.length}`, path: current, color, widthPixels });
  return out;
}

/** The latest forecast of each agency issued at or before `timeMs`. */
export function latestForecasts(forecasts: readonly ForecastTrack[], timeMs: number): ForecastTrack[] {
  const best = new Map<string, ForecastTrack>();
  for (const f of forecasts) {
    if (f.issuedMs > timeMs) continue;
    const b = best.get(f.agency);
    if (!b || f.issuedMs > b.issuedMs) best.set(f.agency, f);
  }
  return [...best.values()].sort((a, b) => a.agency.localeCompare(b.agency));
}

export interface TyphoonLayerInput {
  readonly track: TyphoonTrack;
  /** the storm at the chosen hour (null before the track is evaluated) */
  readonly state: StormState | null;
  /** agencies in a stable order, for their colours */
  readonly agencies: readonly string[];
}

/**
 * The typhoon view's layers: wind circles (four quarter arcs joined, typhoon.md "Drawing") under
 * the icons; the past track (up to the chosen hour) coloured by category and the rest of the best
 * track faded, each agency's latest forecast dashed, the fixes
 * as dots, the landfall points and the centre at the chosen hour over them.
 */
export function buildTyphoonLayers(input: TyphoonLayerInput): { below: LayerDescriptor[]; above: LayerDescriptor[] } {
  const { track, state } = input;
  const below: LayerDescriptor[] = [];
  const above: LayerDescriptor[] = [];
  if (state) {
    // Largest (lowest threshold) first so the stronger circles are drawn over it.
    track.thresholdsKt.forEach((k, i) => {
      const r = state.radiiMeters[k];
      const style = CIRCLE_STYLES[Math.min(i, CIRCLE_STYLES.length - 1)]!;
      const features = r ? [{ type: 'Feature' as const, properties: { thresholdKt: k }, geometry: { type: 'Polygon' as const, coordinates: [windCircleRing(state.centre, r)] } }] : [];
      below.push(shapes(`typhoon-circle-${k}`, collection(features), style.fill, style.line, 2, 0));
    });
  }
  const fixed = staticLayers(track);
  const forecastPaths: MapPath[] = [];
  if (state) {
    for (const f of latestForecasts(track.forecasts, state.timeMs)) {
      const color = FORECAST_AGENCY_COLORS[Math.max(0, input.agencies.indexOf(f.agency)) % FORECAST_AGENCY_COLORS.length]!;
      forecastPaths.push(...dashedPaths(`typhoon-forecast-${f.agency}`, f.points.map((p) => p.lngLat), color, 2));
    }
  }
  above.push(fixed.track);
  above.push({ type: 'paths', id: 'typhoon-past-track', visible: true, paths: state ? pastTrack(track, state) : [], pickable: false } satisfies PathsDescriptor);
  above.push({ type: 'paths', id: 'typhoon-forecasts', visible: true, paths: forecastPaths, pickable: false } satisfies PathsDescriptor);
  above.push(...fixed.points);
  above.push({ type: 'highlight', id: 'typhoon-centre', visible: state !== null, lngLat: state?.centre ?? null, radiusPixels: 10, color: [200, 0, 0] } satisfies HighlightDescriptor);
  return { below, above };
}

/** The best track after the chosen hour is drawn faded; up to it (the past track) in full colour. */
const FUTURE_ALPHA = 90;

/** The past track at the chosen hour: whole segments before it, the current one up to the centre. */
export function pastTrack(track: TyphoonTrack, state: StormState): MapPath[] {
  const out: MapPath[] = [];
  for (let i = 1; i < track.fixes.length; i++) {
    const a = track.fixes[i - 1]!, b = track.fixes[i]!;
    if (a.timeMs >= state.timeMs) break;
    const c = b.category ? CATEGORY_COLORS[b.category] : UNKNOWN_CATEGORY_COLOR;
    out.push({ id: `typhoon-past-${i}`, path: [a.lngLat, b.timeMs <= state.timeMs ? b.lngLat : state.centre], color: c, widthPixels: 3 });
  }
  return out;
}

/** What does not change with the hour, built once per track (same objects → deck.gl keeps its buffers). */
const staticCache = new WeakMap<TyphoonTrack, { track: PathsDescriptor; points: ShapesDescriptor[] }>();

function staticLayers(track: TyphoonTrack): { track: PathsDescriptor; points: ShapesDescriptor[] } {
  const cached = staticCache.get(track);
  if (cached) return cached;
  const trackPaths: MapPath[] = [];
  for (let i = 1; i < track.fixes.length; i++) {
    const a = track.fixes[i - 1]!, b = track.fixes[i]!;
    const c = b.category ? CATEGORY_COLORS[b.category] : UNKNOWN_CATEGORY_COLOR;
    trackPaths.push({ id: `typhoon-track-${i}`, path: [a.lngLat, b.lngLat], color: [c[0], c[1], c[2], FUTURE_ALPHA], widthPixels: 2 });
  }
  const points: ShapesDescriptor[] = [];
  for (const c of [...CATEGORY_ORDER, null] as const) {
    const pts = track.fixes.filter((f) => f.category === c && !f.interpolated);
    points.push(shapes(`typhoon-fixes-${c ?? 'none'}`, collection(pts.map((f) => point(f.lngLat, { timeMs: f.timeMs }))), c ? CATEGORY_COLORS[c] : UNKNOWN_CATEGORY_COLOR, [255, 255, 255, 230], 1, 4));
  }
  points.push(shapes('typhoon-landfall', collection(track.landfalls.map((l) => point(l.lngLat, { place: l.place ?? '' }))), [255, 255, 255, 255], [200, 0, 0, 255], 3, 7));
  const out = { track: { type: 'paths', id: 'typhoon-track', visible: true, paths: trackPaths, pickable: false } satisfies PathsDescriptor, points };
  staticCache.set(track, out);
  return out;
}

function point(lngLat: readonly [number, number], properties: Record<string, unknown>): Feature<Geometry, Record<string, unknown>> {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lngLat[0], lngLat[1]] } };
}

function shapes(id: string, features: FeatureCollection<Geometry, Record<string, unknown>>, fillColor: Rgba, lineColor: Rgba, lineWidthPixels: number, pointRadiusPixels: number): ShapesDescriptor {
  return { type: 'shapes', id, visible: true, features, fillColor, lineColor, lineWidthPixels, pointRadiusPixels, pickable: false };
}
