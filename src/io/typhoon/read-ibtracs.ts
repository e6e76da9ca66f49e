/**
 * IBTrACS CSV (NOAA NCEI, v04r01; TYPHOON-FORMATS.md): line 1 the header, line 2 a units row
 * (skipped), then one row per 3-hourly time, ISO_TIME in UTC. Radii: JTWC USA_R34/R50/R64_NE…NW
 * in nautical miles (blank " " = not given). Intensity: CMA's 2-min wind (CMA_WIND, kt) for China's
 * scale where given, else JTWC's 1-min USA_WIND, labelled as such.
 */
import Papa from 'papaparse';
import {
  chinaCategoryOfWind, KNOT_METERS_PER_SECOND, NAUTICAL_MILE_METERS,
  type QuadrantRadiiMeters, type TyphoonFix, type TyphoonTrack,
} from '../../core';
import { sortFixes } from './read-chinese-feed';
import { trackIssue, type TrackIssue } from './track-issue';
import { utcTimeToMs } from './track-time';
import { anyIssued, lngLatOrNull, numberOrNull, pressureOrNull, radiusOrNull, type Where } from './track-values';

export const IBTRACS_THRESHOLDS = ['34', '50', '64'] as const;
const QUADS = ['NE', 'SE', 'SW', 'NW'] as const;

export function looksLikeIbtracsHeader(firstLine: string): boolean {
  const cols = firstLine.split(',').map((s) => s.trim());
  return cols.includes('SID') && cols.includes('ISO_TIME') && cols.includes('LAT') && cols.includes('LON');
}

export function readIbtracs(text: string, issues: TrackIssue[]): TyphoonTrack | null {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((s) => s.trim());
  const col = new Map(header.map((h, i) => [h, i]));
  for (const need of ['SID', 'ISO_TIME', 'LAT', 'LON']) {
    if (!col.has(need)) {
      issues.push(trackIssue({ line: 1, row: 0, field: need, value: null, problem: 'column missing from the IBTrACS header' }));
      return null;
    }
  }
  const get = (r: string[], name: string) => { const i = col.get(name); return i === undefined ? undefined : r[i]?.trim() ?? ''; };
  let sid = '', name = '', atcfId = '';
  const lineOf = new Map<TyphoonFix, number>();
  const fixes: TyphoonFix[] = [];
  const otherStorms = new Set<string>();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    const line = i + 1;
    if (r.length === 1 && r[0]!.trim() === '') continue;
    const at: Where = { line, row: i };
    const iso = get(r, 'ISO_TIME') ?? '';
    if (i === 1 && (get(r, 'LAT') === 'degrees_north' || iso === '')) continue; // the units row
    if (r.length !== header.length) {
      issues.push(trackIssue({ ...at, field: '(row)', value: r.length, problem: `has ${r.length} fields, the header ${header.length} (row skipped)` }));
      continue;
    }
    const rowSid = get(r, 'SID')!;
    if (!sid) { sid = rowSid; name = get(r, 'NAME') ?? ''; atcfId = get(r, 'USA_ATCF_ID') ?? ''; }
    if (rowSid !== sid) { otherStorms.add(rowSid); continue; }
    if (!atcfId) atcfId = get(r, 'USA_ATCF_ID') ?? '';
    const timeMs = utcTimeToMs(iso, true);
    if (timeMs === null) {
      issues.push(trackIssue({ ...at, field: 'ISO_TIME', value: iso, problem: 'not a time like "2024-07-25 06:00:00" (row skipped)' }));
      continue;
    }
    const lngLat = lngLatOrNull(get(r, 'LON'), get(r, 'LAT'), at, issues, ['LON', 'LAT']);
    if (!lngLat) continue;
    const radiiMeters: Record<string, QuadrantRadiiMeters> = {};
    for (const k of IBTRACS_THRESHOLDS) {
      const [ne, se, sw, nw] = QUADS.map((q) => (col.has(`USA_R${k}_${q}`) ? radiusOrNull(get(r, `USA_R${k}_${q}`), `USA_R${k}_${q}`, at, issues, NAUTICAL_MILE_METERS) : null));
      const radii = { ne: ne!, se: se!, sw: sw!, nw: nw! };
      if (anyIssued(radii)) radiiMeters[k] = radii;
    }
    const cmaKt = numberOrNull(get(r, 'CMA_WIND'), 'CMA_WIND', at, issues);
    const usaKt = numberOrNull(get(r, 'USA_WIND'), 'USA_WIND', at, issues);
    const [windKt, minutes] = cmaKt !== null && cmaKt > 0 ? [cmaKt, 2 as const] : usaKt !== null && usaKt > 0 ? [usaKt, 1 as const] : [null, null];
    const wind = windKt === null ? null : windKt * KNOT_METERS_PER_SECOND;
    const pressure = pressureOrNull(get(r, 'CMA_PRES'), 'CMA_PRES', at, issues) ?? pressureOrNull(get(r, 'USA_PRES'), 'USA_PRES', at, issues) ?? pressureOrNull(get(r, 'WMO_PRES'), 'WMO_PRES', at, issues);
    const fix: TyphoonFix = {
      timeMs, lngLat, maxWindMetersPerSecond: wind, windAveragingMinutes: minutes, pressureHpa: pressure,
      // China's scale is defined on 2-min winds: a JTWC 1-min wind is coloured by it but labelled 1-min.
      category: chinaCategoryOfWind(wind),
      radiiMeters,
      interpolated: (get(r, 'IFLAG') ?? '').startsWith('P'),
    };
    lineOf.set(fix, line);
    fixes.push(fix);
  }
  if (otherStorms.size) {
    issues.push(trackIssue({ row: -1, field: 'SID', value: [...otherStorms].slice(0, 5).join(', '), problem: `the file holds ${otherStorms.size + 1} storms; only the first, ${sid}, is read`, severity: 'warning' }));
  }
  if (fixes.length === 0) {
    issues.push(trackIssue({ row: -1, field: '(file)', value: null, problem: 'no usable IBTrACS row' }));
    return null;
  }
  return {
    storm: { name: name || sid, id: sid, source: `IBTrACS v04r01 (NOAA NCEI), JTWC radii${atcfId ? ` (${atcfId})` : ''}` },
    format: 'ibtracs',
    thresholdsKt: [...IBTRACS_THRESHOLDS],
    fixes: sortFixes(fixes, issues, (f) => lineOf.get(f)),
    forecasts: [],
    landfalls: [],
  };
}
