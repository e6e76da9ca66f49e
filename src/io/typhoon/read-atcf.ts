/**
 * JTWC ATCF decks (TYPHOON-FORMATS.md): comma-separated, one line per time AND wind threshold
 * (RAD 34/50/64; 0 = none). b-deck lines (TECH "BEST", TAU 0) are merged by time into fixes;
 * a-deck lines are forecasts per (TECH, issue time), merged by TAU. Radii in nautical miles,
 * WINDCODE "NEQ" = NE, SE, SW, NW; "AAA" = a full circle in RAD1.
 */
import {
  chinaCategoryOfWind, KNOT_METERS_PER_SECOND, NAUTICAL_MILE_METERS, HOUR_MS,
  type ForecastPoint, type ForecastTrack, type QuadrantRadiiMeters, type TyphoonFix, type TyphoonTrack,
} from '../../core';
import { sortFixes } from './read-chinese-feed';
import { trackIssue, type TrackIssue } from './track-issue';
import { atcfTimeToMs } from './track-time';
import { pressureOrNull, radiusOrNull, type Where } from './track-values';

export const ATCF_LINE = /^\s*[A-Z]{2}\s*,\s*\d{1,2}\s*,\s*\d{10}\s*,/;
const NOT_FORECASTS = new Set(['CARQ', 'WRNG', 'BEST']);

function coordinate(text: string, positive: string, negative: string, max: number): number | null {
  const m = /^(\d{1,4})([A-Z])$/.exec(text.trim());
  if (!m || (m[2] !== positive && m[2] !== negative)) return null;
  const v = (Number(m[1]) / 10) * (m[2] === negative ? -1 : 1);
  return Math.abs(v) <= max ? v : null;
}

interface Merged {
  line: number;
  timeMs: number;
  lngLat: [number, number];
  windKt: number | null;
  pressureHpa: number | null;
  categoryText: string;
  radii: Record<string, QuadrantRadiiMeters>;
}

export function readAtcf(text: string, issues: TrackIssue[]): TyphoonTrack | null {
  const best = new Map<number, Merged>();
  const forecasts = new Map<string, { tech: string; issuedMs: number; byTau: Map<number, Merged> }>();
  let name = '', id = '';
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const f = raw.split(',').map((s) => s.trim());
    const at: Where = { line, row: i };
    if (!ATCF_LINE.test(raw) || f.length < 11) {
      issues.push(trackIssue({ ...at, field: '(line)', value: raw, problem: 'not an ATCF deck line "BASIN, CY, YYYYMMDDHH, TECHNUM, TECH, TAU, Lat, Lon, VMAX, MSLP, TY, …" (skipped)' }));
      return;
    }
    const baseMs = atcfTimeToMs(f[2]!);
    if (baseMs === null) return void issues.push(trackIssue({ ...at, field: 'YYYYMMDDHH', value: f[2], problem: 'not a date-time (line skipped)' }));
    const tau = Number(f[5]);
    if (!Number.isInteger(tau) || tau < 0) return void issues.push(trackIssue({ ...at, field: 'TAU', value: f[5], problem: 'not a forecast hour ≥ 0 (line skipped)' }));
    const lat = coordinate(f[6]!, 'N', 'S', 90);
    if (lat === null) return void issues.push(trackIssue({ ...at, field: 'Lat', value: f[6], problem: 'not tenths of a degree with N/S, like "253N" (line skipped)' }));
    const lng = coordinate(f[7]!, 'E', 'W', 180);
    if (lng === null) return void issues.push(trackIssue({ ...at, field: 'Lon', value: f[7], problem: 'not tenths of a degree with E/W, like "1196E" (line skipped)' }));
    const vmax = f[8] === '' ? null : Number(f[8]);
    if (vmax !== null && !(vmax >= 0 && vmax < 250)) issues.push(trackIssue({ ...at, field: 'VMAX', value: f[8], problem: 'not a wind in kt (ignored)', severity: 'warning' }));
    const tech = f[4]!.toUpperCase();
    const timeMs = baseMs + tau * HOUR_MS;
    if (!id) id = `${f[0]}${f[1]!.padStart(2, '0')}${f[2]!.slice(0, 4)}`;
    if (!name && f[27] && !/^(INVEST|NONAME)$/i.test(f[27])) name = f[27];

    let table: Map<number, Merged>;
    let key: number;
    if (tech === 'BEST') {
      table = best; key = timeMs;
    } else {
      if (NOT_FORECASTS.has(tech)) return;
      const fk = `${tech}@${baseMs}`;
      if (!forecasts.has(fk)) forecasts.set(fk, { tech, issuedMs: baseMs, byTau: new Map() });
      table = forecasts.get(fk)!.byTau; key = tau;
    }
    let m = table.get(key);
    if (!m) {
      m = { line, timeMs, lngLat: [lng, lat], windKt: vmax !== null && vmax >= 0 && vmax < 250 ? vmax : null, pressureHpa: pressureOrNull(f[9], 'MSLP', at, issues), categoryText: f[10] ?? '', radii: {} };
      table.set(key, m);
    } else if (m.lngLat[0] !== lng || m.lngLat[1] !== lat) {
      issues.push(trackIssue({ ...at, field: 'Lat/Lon', value: `${f[6]} ${f[7]}`, problem: `differs from line ${m.line} for the same time (the first is kept)`, severity: 'warning' }));
    }
    const rad = f[11] === undefined || f[11] === '' ? 0 : Number(f[11]);
    if (!(rad > 0)) return; // RAD 0: this line carries no wind radii
    if (!Number.isInteger(rad)) return void issues.push(trackIssue({ ...at, field: 'RAD', value: f[11], problem: 'not a wind threshold in kt (radii ignored)' }));
    const code = (f[12] ?? '').toUpperCase();
    const r = (k: number) => radiusOrNull(f[13 + k], `RAD${k + 1}`, at, issues, NAUTICAL_MILE_METERS);
    let radii: QuadrantRadiiMeters;
    if (code === 'NEQ') radii = { ne: r(0), se: r(1), sw: r(2), nw: r(3) };
    else if (code === 'AAA') { const c = r(0); radii = { ne: c, se: c, sw: c, nw: c }; }
    else return void issues.push(trackIssue({ ...at, field: 'WINDCODE', value: f[12], problem: 'expected NEQ (quadrants) or AAA (circle); radii ignored' }));
    const k = String(rad);
    if (m.radii[k]) issues.push(trackIssue({ ...at, field: 'RAD', value: f[11], problem: `a second ${k}-kt line for this time (the first is kept)`, severity: 'warning' }));
    else m.radii[k] = radii;
  });
  if (best.size === 0 && forecasts.size === 0) {
    issues.push(trackIssue({ row: -1, field: '(file)', value: null, problem: 'no usable ATCF line' }));
    return null;
  }
  const toFix = (m: Merged): TyphoonFix => {
    const wind = m.windKt === null || m.windKt === 0 ? null : m.windKt * KNOT_METERS_PER_SECOND;
    return {
      timeMs: m.timeMs, lngLat: m.lngLat, maxWindMetersPerSecond: wind, windAveragingMinutes: wind === null ? null : 1,
      pressureHpa: m.pressureHpa, category: chinaCategoryOfWind(wind), ...(m.categoryText ? { categoryText: m.categoryText } : {}), radiiMeters: m.radii,
    };
  };
  const lineOf = new Map<TyphoonFix, number>();
  const fixes = [...best.values()].map((m) => { const f = toFix(m); lineOf.set(f, m.line); return f; });
  const tracks: ForecastTrack[] = [...forecasts.values()].map((fc) => ({
    agency: fc.tech, issuedMs: fc.issuedMs,
    points: [...fc.byTau.entries()].sort((a, b) => a[0] - b[0]).map(([, m]): ForecastPoint => {
      const f = toFix(m);
      return { timeMs: f.timeMs, lngLat: f.lngLat, maxWindMetersPerSecond: f.maxWindMetersPerSecond, pressureHpa: f.pressureHpa, category: f.category };
    }),
  }));
  return {
    storm: { name: name || id, id, source: best.size ? 'JTWC ATCF b-deck' : 'JTWC ATCF a-deck' },
    format: 'atcf',
    thresholdsKt: ['34', '50', '64'],
    fixes: sortFixes(fixes, issues, (f) => lineOf.get(f)),
    forecasts: tracks,
    landfalls: [],
  };
}
