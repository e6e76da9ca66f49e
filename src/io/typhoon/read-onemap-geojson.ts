/**
 * The app's own track format (README "Typhoon mode"): a GeoJSON FeatureCollection with
 * `"onemap": "typhoon-track"`, the storm and its thresholds at the top, and one Point feature per
 * fix (`role: "fix"`), forecast point (`role: "forecast"`, with `agency` and `issued`) and landfall
 * (`role: "landfall"`). Times are ISO-8601 with `Z` or an offset (a bare time is refused); winds in
 * m/s with their averaging minutes; radii in km per threshold as {ne, se, sw, nw} (null = not
 * issued, 0 = no such winds).
 */
import '../schemas/zod-jitless';
import { z } from 'zod';
import {
  chinaCategoryOfWind,
  type ChinaCategory, type ForecastTrack, type Landfall, type QuadrantRadiiMeters, type TyphoonFix, type TyphoonTrack,
} from '../../core';
import { sortFixes } from './read-chinese-feed';
import { trackIssue, type TrackIssue } from './track-issue';
import { utcTimeToMs } from './track-time';
import { anyIssued, lngLatOrNull, radiusOrNull } from './track-values';

export const ONEMAP_TRACK_MARK = 'typhoon-track';

const CATEGORIES = ['TD', 'TS', 'STS', 'TY', 'STY', 'SuperTY'] as const;
const num = z.number().finite().nullish();
const Quad = z.object({ ne: num, se: num, sw: num, nw: num });
const Props = z.object({
  role: z.enum(['fix', 'forecast', 'landfall']),
  time: z.string().nullish(),
  windMs: num,
  windAveragingMinutes: z.union([z.literal(1), z.literal(2), z.literal(10)]).nullish(),
  pressureHpa: num,
  category: z.enum(CATEGORIES).nullish(),
  radiiKm: z.record(z.string().regex(/^\d+$/, 'threshold in knots, e.g. "34"'), Quad).nullish(),
  agency: z.string().nullish(),
  issued: z.string().nullish(),
  place: z.string().nullish(),
  categoryText: z.string().nullish(),
  interpolated: z.boolean().nullish(),
});
export const OnemapTrackSchema = z.looseObject({
  type: z.literal('FeatureCollection'),
  onemap: z.literal(ONEMAP_TRACK_MARK),
  storm: z.object({ name: z.string().min(1), id: z.string().min(1), source: z.string().min(1), nameZh: z.string().optional(), synthetic: z.boolean().optional() }),
  thresholdsKt: z.array(z.string().regex(/^\d+$/)).min(1),
  features: z.array(z.unknown()),
});

export function readOnemapGeoJson(value: unknown, issues: TrackIssue[]): TyphoonTrack | null {
  const top = OnemapTrackSchema.safeParse(value);
  if (!top.success) {
    const e = top.error.issues[0]!;
    issues.push(trackIssue({ row: -1, field: e.path.join('.') || '(file)', value: null, problem: `${e.message} (not a OneMap typhoon track)` }));
    return null;
  }
  const doc = top.data;
  const fixes: TyphoonFix[] = [];
  const landfalls: Landfall[] = [];
  const forecastMap = new Map<string, ForecastTrack & { points: ForecastTrack['points'][number][] }>();
  doc.features.forEach((raw, row) => {
    const f = raw as { geometry?: { type?: string; coordinates?: unknown[] }; properties?: unknown } | null;
    const p = Props.safeParse(f?.properties);
    if (!p.success) {
      const e = p.error.issues[0]!;
      issues.push(trackIssue({ row, field: `properties.${e.path.join('.')}`, value: e.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), f?.properties), problem: `${e.message} (feature dropped)` }));
      return;
    }
    const c = f?.geometry?.type === 'Point' ? f.geometry.coordinates ?? [] : [];
    const lngLat = lngLatOrNull(c[0], c[1], { row }, issues, ['geometry.coordinates[0]', 'geometry.coordinates[1]']);
    if (!lngLat) return;
    const props = p.data;
    const timeMs = props.time ? utcTimeToMs(props.time, false) : null;
    if (props.role === 'landfall') {
      landfalls.push({ timeMs, lngLat, place: props.place ?? null });
      return;
    }
    if (timeMs === null) {
      issues.push(trackIssue({ row, field: 'properties.time', value: props.time, problem: 'needs an ISO-8601 time with Z or an offset (feature dropped)' }));
      return;
    }
    const wind = props.windMs ?? null;
    const category: ChinaCategory | null = props.category ?? chinaCategoryOfWind(wind);
    if (props.role === 'forecast') {
      const agency = props.agency ?? '?';
      const issuedMs = props.issued ? utcTimeToMs(props.issued, false) : null;
      if (issuedMs === null) {
        issues.push(trackIssue({ row, field: 'properties.issued', value: props.issued, problem: 'a forecast point needs its issue time, ISO-8601 with Z (feature dropped)' }));
        return;
      }
      const key = `${agency}@${issuedMs}`;
      if (!forecastMap.has(key)) forecastMap.set(key, { agency, issuedMs, points: [] });
      forecastMap.get(key)!.points.push({ timeMs, lngLat, maxWindMetersPerSecond: wind, pressureHpa: props.pressureHpa ?? null, category });
      return;
    }
    const radiiMeters: Record<string, QuadrantRadiiMeters> = {};
    for (const [k, q] of Object.entries(props.radiiKm ?? {})) {
      const r = (x: 'ne' | 'se' | 'sw' | 'nw') => radiusOrNull(q[x], `properties.radiiKm.${k}.${x}`, { row }, issues, 1000);
      const radii = { ne: r('ne'), se: r('se'), sw: r('sw'), nw: r('nw') };
      if (!doc.thresholdsKt.includes(k)) issues.push(trackIssue({ row, field: `properties.radiiKm.${k}`, value: k, problem: `threshold not listed in thresholdsKt ${JSON.stringify(doc.thresholdsKt)} (ignored)`, severity: 'warning' }));
      else if (anyIssued(radii)) radiiMeters[k] = radii;
    }
    fixes.push({
      timeMs, lngLat, maxWindMetersPerSecond: wind, windAveragingMinutes: wind === null ? null : props.windAveragingMinutes ?? null,
      pressureHpa: props.pressureHpa ?? null, category, ...(props.categoryText ? { categoryText: props.categoryText } : {}), radiiMeters, ...(props.interpolated ? { interpolated: true } : {}),
    });
  });
  if (fixes.length === 0) {
    issues.push(trackIssue({ row: -1, field: 'features', value: doc.features.length, problem: 'no usable fix (role "fix")' }));
    return null;
  }
  const forecasts = [...forecastMap.values()].map((t) => ({ ...t, points: [...t.points].sort((a, b) => a.timeMs - b.timeMs) }));
  return {
    storm: doc.storm,
    format: 'onemap-geojson',
    thresholdsKt: [...doc.thresholdsKt].sort((a, b) => Number(a) - Number(b)),
    fixes: sortFixes(fixes, issues),
    forecasts,
    landfalls,
  };
}

/** Writes a track in the app's own format (round-trips through readOnemapGeoJson). */
export function trackToOnemapGeoJson(track: TyphoonTrack): unknown {
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const km = (m: number | null) => (m === null ? null : Math.round(m) / 1000);
  const point = (lngLat: readonly [number, number], properties: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lngLat[0], lngLat[1]] }, properties });
  return {
    type: 'FeatureCollection', onemap: ONEMAP_TRACK_MARK, storm: track.storm, thresholdsKt: track.thresholdsKt,
    features: [
      ...track.fixes.map((f) => point(f.lngLat, {
        role: 'fix', time: iso(f.timeMs), windMs: f.maxWindMetersPerSecond, windAveragingMinutes: f.windAveragingMinutes, pressureHpa: f.pressureHpa, category: f.category, ...(f.categoryText ? { categoryText: f.categoryText } : {}),
        radiiKm: Object.fromEntries(Object.entries(f.radiiMeters).map(([k, r]) => [k, { ne: km(r.ne), se: km(r.se), sw: km(r.sw), nw: km(r.nw) }])),
        ...(f.interpolated ? { interpolated: true } : {}),
      })),
      ...track.forecasts.flatMap((t) => t.points.map((p) => point(p.lngLat, { role: 'forecast', agency: t.agency, issued: iso(t.issuedMs), time: iso(p.timeMs), windMs: p.maxWindMetersPerSecond, pressureHpa: p.pressureHpa, category: p.category }))),
      ...track.landfalls.map((l) => point(l.lngLat, { role: 'landfall', time: l.timeMs === null ? null : iso(l.timeMs), place: l.place })),
    ],
  };
}
