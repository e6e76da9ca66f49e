/**
 * The two Chinese provincial feeds (TYPHOON-FORMATS.md): the Zhejiang typhoon site (浙江台风网,
 * every value a string, radii "NE|SE|NW|SW" in km) and the Wenzhou typhoon site (温州台风网,
 * numbers, radii as {ne, se, sw, nw} in km). Times are Beijing time without an offset. Thresholds:
 * radius7/10/12 are the force-7/10/12 circles, named "30", "50", "64" (typhoon.md).
 */
import '../schemas/zod-jitless';
import { z } from 'zod';
import {
  chinaCategoryOfName, chinaCategoryOfWind,
  type ForecastTrack, type ForecastPoint, type Landfall, type QuadrantRadiiMeters, type TyphoonFix, type TyphoonTrack,
} from '../../core';
import { trackIssue, type TrackIssue } from './track-issue';
import { beijingTimeToUtcMs, utcTimeToMs } from './track-time';
import { anyIssued, lngLatOrNull, NOT_ISSUED, numberOrNull, pressureOrNull, radiusOrNull, windOrNull, type Where } from './track-values';

export const CHINESE_THRESHOLDS = [
  { field: 'radius7', kt: '30' },
  { field: 'radius10', kt: '50' },
  { field: 'radius12', kt: '64' },
] as const;

const scalar = z.union([z.string(), z.number(), z.null()]).optional();

const ZhejiangPointSchema = z.looseObject({
  time: z.string(), lng: scalar, lat: scalar, strong: scalar, power: scalar, speed: scalar, pressure: scalar,
  radius7: scalar, radius10: scalar, radius12: scalar, forecast: z.unknown().optional(),
});
export const ZhejiangStormSchema = z.looseObject({
  tfid: z.union([z.string(), z.number()]),
  name: scalar, enname: scalar,
  land: z.array(z.unknown()).nullish(),
  points: z.array(z.unknown()),
});

const QuadSchema = z.looseObject({ ne: scalar, se: scalar, sw: scalar, nw: scalar }).nullish();
const WenzhouPointSchema = z.looseObject({
  time: z.string(), lng: scalar, lat: scalar, strong: scalar, power: scalar, speed: scalar, pressure: scalar,
  radius7_quad: QuadSchema, radius10_quad: QuadSchema, radius12_quad: QuadSchema, forecast: z.unknown().optional(),
});
export const WenzhouStormSchema = z.looseObject({
  tfbh: z.union([z.string(), z.number()]),
  name: scalar, ename: scalar,
  land: z.array(z.unknown()).nullish(),
  points: z.array(z.unknown()),
});

export type ChineseLayout = 'zhejiang' | 'wenzhou';

/**
 * The Zhejiang radius string "a|b|c|d" is NE | SE | NW | SW (not clockwise). "" = not issued;
 * an old single scalar is read as a circle, with a warning.
 */
export function zhejiangRadii(value: unknown, field: string, at: Where, issues: TrackIssue[]): QuadrantRadiiMeters {
  if (value === null || value === undefined) return NOT_ISSUED;
  const text = String(value).trim();
  if (text === '') return NOT_ISSUED;
  const parts = text.split('|');
  if (parts.length === 1) {
    const r = radiusOrNull(parts[0], field, at, issues, 1000);
    if (r !== null) issues.push(trackIssue({ ...at, field, value, problem: 'a single radius, read as the same in all four quadrants', severity: 'warning' }));
    return { ne: r, se: r, sw: r, nw: r };
  }
  if (parts.length !== 4) {
    issues.push(trackIssue({ ...at, field, value, problem: 'expected four radii "NE|SE|NW|SW" in km (read as not issued)' }));
    return NOT_ISSUED;
  }
  const [ne, se, nw, sw] = parts.map((p, i) => radiusOrNull(p, `${field}[${i}]`, at, issues, 1000));
  return { ne: ne!, se: se!, sw: sw!, nw: nw! };
}

function wenzhouRadii(value: unknown, field: string, at: Where, issues: TrackIssue[]): QuadrantRadiiMeters {
  if (value === null || value === undefined || typeof value !== 'object') return NOT_ISSUED;
  const q = value as Record<string, unknown>;
  const r = (k: string) => radiusOrNull(q[k], `${field}.${k}`, at, issues, 1000);
  return { ne: r('ne'), se: r('se'), sw: r('sw'), nw: r('nw') };
}

function forecastsOf(raw: unknown, layout: ChineseLayout, at: Where, fixTimeMs: number, issues: TrackIssue[]): ForecastTrack[] {
  if (!Array.isArray(raw)) return [];
  const out: ForecastTrack[] = [];
  raw.forEach((f, fi) => {
    if (!f || typeof f !== 'object') return;
    const o = f as Record<string, unknown>;
    const agency = String((layout === 'zhejiang' ? o.tm : o.sets) ?? '').trim() || '?';
    const list = layout === 'zhejiang' ? o.forecastpoints : o.points;
    if (!Array.isArray(list)) return;
    const points: ForecastPoint[] = [];
    let issuedMs: number | null = null;
    list.forEach((p, pi) => {
      if (!p || typeof p !== 'object') return;
      const q = p as Record<string, unknown>;
      const field = `forecast.${fi}.${layout === 'zhejiang' ? 'forecastpoints' : 'points'}.${pi}`;
      const t = beijingTimeToUtcMs(q.time);
      if (t === null) {
        issues.push(trackIssue({ ...at, field: `${field}.time`, value: q.time, problem: 'not a Beijing time (forecast point dropped)' }));
        return;
      }
      const ll = lngLatOrNull(q.lng, q.lat, at, issues, [`${field}.lng`, `${field}.lat`]);
      if (!ll) return;
      if (issuedMs === null && typeof q.ybsj === 'string') issuedMs = utcTimeToMs(q.ybsj, true);
      const wind = windOrNull(q.speed, `${field}.speed`, at, issues);
      points.push({
        timeMs: t, lngLat: ll, maxWindMetersPerSecond: wind,
        pressureHpa: pressureOrNull(q.pressure, `${field}.pressure`, at, issues),
        category: chinaCategoryOfWind(wind) ?? chinaCategoryOfName(typeof q.strong === 'string' ? q.strong : null),
      });
    });
    if (points.length) out.push({ agency, issuedMs: issuedMs ?? fixTimeMs, points: points.sort((a, b) => a.timeMs - b.timeMs) });
  });
  return out;
}

function landfallsOf(raw: unknown, layout: ChineseLayout, issues: TrackIssue[]): Landfall[] {
  if (!Array.isArray(raw)) return [];
  const out: Landfall[] = [];
  raw.forEach((l, i) => {
    if (!l || typeof l !== 'object') return;
    const o = l as Record<string, unknown>;
    const ll = lngLatOrNull(o.lng, o.lat, { row: i }, issues, [`land.${i}.lng`, `land.${i}.lat`]);
    if (!ll) return;
    // Two shapes in the Zhejiang feed: {landaddress, landtime, …} and {time, …}; Wenzhou: {position, land_time}.
    const time = layout === 'zhejiang' ? (o.landtime ?? o.time) : o.land_time;
    const place = layout === 'zhejiang' ? o.landaddress : o.position;
    out.push({ timeMs: beijingTimeToUtcMs(time), lngLat: ll, place: typeof place === 'string' && place.trim() ? place.trim() : null });
  });
  return out;
}

/** Reads one storm of either feed (the object already picked out of its wrapper). */
export function readChineseStorm(storm: Record<string, unknown>, layout: ChineseLayout, issues: TrackIssue[]): TyphoonTrack | null {
  const pointSchema = layout === 'zhejiang' ? ZhejiangPointSchema : WenzhouPointSchema;
  const fixes: TyphoonFix[] = [];
  let forecasts: ForecastTrack[] = [];
  const points = storm.points as unknown[];
  points.forEach((raw, row) => {
    const parsed = pointSchema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      const field = first.path.join('.') || '(point)';
      const value = first.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), raw);
      issues.push(trackIssue({ row, field, value, problem: `${first.message} (point dropped)` }));
      return;
    }
    const p = parsed.data as Record<string, unknown>;
    const at = { row };
    const timeMs = beijingTimeToUtcMs(p.time);
    if (timeMs === null) {
      issues.push(trackIssue({ row, field: 'time', value: p.time, problem: 'not a Beijing time like "2024-07-25 14:00:00" (point dropped)' }));
      return;
    }
    const lngLat = lngLatOrNull(p.lng, p.lat, at, issues);
    if (!lngLat) return;
    const wind = windOrNull(p.speed, 'speed', at, issues);
    const radiiMeters: Record<string, QuadrantRadiiMeters> = {};
    for (const th of CHINESE_THRESHOLDS) {
      const r = layout === 'zhejiang'
        ? zhejiangRadii(p[th.field], th.field, at, issues)
        : wenzhouRadii(p[`${th.field}_quad`], `${th.field}_quad`, at, issues);
      if (anyIssued(r)) radiiMeters[th.kt] = r;
    }
    const strong = typeof p.strong === 'string' ? p.strong.trim() : '';
    fixes.push({
      timeMs, lngLat, maxWindMetersPerSecond: wind, windAveragingMinutes: wind === null ? null : 2,
      pressureHpa: pressureOrNull(p.pressure, 'pressure', at, issues),
      category: chinaCategoryOfWind(wind) ?? chinaCategoryOfName(strong),
      ...(strong ? { categoryText: strong } : {}),
      radiiMeters,
    });
    const f = forecastsOf(p.forecast, layout, at, timeMs, issues);
    if (f.length) forecasts = forecasts.concat(f);
  });
  if (fixes.length === 0) {
    issues.push(trackIssue({ row: -1, field: 'points', value: points.length, problem: 'no usable track point' }));
    return null;
  }
  const sorted = sortFixes(fixes, issues);
  const landfalls = landfallsOf(storm.land, layout, issues);
  warnZeroRadiiAfterLandfall(sorted, landfalls, issues);
  const id = String(layout === 'zhejiang' ? storm.tfid : storm.tfbh);
  const nameZh = String(storm.name ?? '').trim();
  const nameEn = String((layout === 'zhejiang' ? storm.enname : storm.ename) ?? '').trim();
  return {
    storm: { name: nameEn || nameZh || id, id, source: layout === 'zhejiang' ? '浙江台风网 (Zhejiang typhoon site) JSON' : '温州台风网 (Wenzhou typhoon site) JSON', ...(nameZh ? { nameZh } : {}), ...(storm.synthetic ? { synthetic: true } : {}) },
    format: layout,
    thresholdsKt: CHINESE_THRESHOLDS.map((t) => t.kt),
    fixes: sorted,
    forecasts,
    landfalls,
  };
}

/** Time order; a repeated time keeps the first point and reports the others. */
export function sortFixes(fixes: TyphoonFix[], issues: TrackIssue[], lineOf?: (f: TyphoonFix) => number | undefined): TyphoonFix[] {
  const sorted = [...fixes].sort((a, b) => a.timeMs - b.timeMs);
  const out: TyphoonFix[] = [];
  for (const f of sorted) {
    if (out.length && out[out.length - 1]!.timeMs === f.timeMs) {
      const line = lineOf?.(f);
      issues.push(trackIssue({ row: fixes.indexOf(f), ...(line !== undefined ? { line } : {}), field: 'time', value: new Date(f.timeMs).toISOString(), problem: 'a second fix at the same time (ignored; the first is kept)', severity: 'warning' }));
      continue;
    }
    out.push(f);
  }
  return out;
}

/** TYPHOON-FORMATS.md: both feeds zero every radius after landfall while the storm is still strong. */
function warnZeroRadiiAfterLandfall(fixes: readonly TyphoonFix[], landfalls: readonly Landfall[], issues: TrackIssue[]): void {
  const firstLand = Math.min(...landfalls.map((l) => l.timeMs ?? Infinity));
  if (!Number.isFinite(firstLand)) return;
  const suspicious = fixes.filter((f) => f.timeMs >= firstLand && (f.maxWindMetersPerSecond ?? 0) >= 17.2 && Object.keys(f.radiiMeters).length > 0
    && Object.values(f.radiiMeters).every((r) => r.ne === 0 && r.se === 0 && r.sw === 0 && r.nw === 0));
  if (suspicious.length) {
    issues.push(trackIssue({
      row: -1, field: 'radius7', value: new Date(suspicious[0]!.timeMs).toISOString(), severity: 'warning',
      problem: `${suspicious.length} point(s) after landfall have every radius 0 while winds are still ≥ 17.2 m/s: the feed may have zeroed them over land; membership reads 0 as "no such winds"`,
    }));
  }
}

/** Picks the storm out of a feed's wrapper (the Wenzhou archive is an array of one storm). */
export function chineseStormOf(value: unknown): { layout: ChineseLayout; storm: Record<string, unknown> } | null {
  const candidates = Array.isArray(value) ? value : [value];
  for (const c of candidates) {
    if (!c || typeof c !== 'object' || !Array.isArray((c as Record<string, unknown>).points)) continue;
    const o = c as Record<string, unknown>;
    if ('tfid' in o) return { layout: 'zhejiang', storm: o };
    if ('tfbh' in o) return { layout: 'wenzhou', storm: o };
  }
  return null;
}
