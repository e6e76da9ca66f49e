import gcoord from 'gcoord';
import type { FeatureCollection, Geometry } from 'geojson';
import { pointInArea } from '../core/geo/point-in-area';

/** Coordinate systems an officer may be handed a point in. */
export type InputCrs = 'wgs84' | 'gcj02' | 'bd09';
export const INPUT_CRSES: readonly InputCrs[] = ['wgs84', 'gcj02', 'bd09'];

/** Converts a [lng, lat] in `crs` to WGS-84 (gcoord: GCJ-02 for Amap / Tencent, BD-09 for Baidu). */
export function toWgs84(lngLat: readonly [number, number], crs: InputCrs): [number, number] {
  if (crs === 'wgs84') return [lngLat[0], lngLat[1]];
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  const [lng, lat] = gcoord.transform([lngLat[0], lngLat[1]], from, gcoord.WGS84) as [number, number];
  return [lng, lat];
}

export type CoordinateError =
  /** not two coordinates (e.g. one number, three numbers, letters) */
  | 'not-two-values'
  /** minutes or seconds ≥ 60, or a ′/″ part without degrees */
  | 'bad-dms'
  /** latitude beyond ±90 or longitude beyond ±180 in every reading */
  | 'out-of-range'
  /** hemisphere letters that do not name one latitude and one longitude */
  | 'bad-hemispheres';

export type ParsedCoordinate =
  | {
      ok: true;
      /** WGS-84 */
      lngLat: [number, number];
      /** the text was lat,lng (detected: only that reading falls in the area, or N/E letters said so) */
      swapped: boolean;
      /** no reading falls in the area (the point is still given, as typed lng,lat when valid) */
      outsideArea: boolean;
    }
  | { ok: false; error: CoordinateError };

interface Part {
  value: number;
  hemisphere: 'N' | 'S' | 'E' | 'W' | null;
}

/** Unifies Chinese and full-width notation: 东经/北纬, 度分秒, ′ ″, full-width digits and commas. */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/东经/g, 'E').replace(/西经/g, 'W').replace(/北纬/g, 'N').replace(/南纬/g, 'S')
    .replace(/度/g, '°').replace(/分/g, "'").replace(/秒/g, '"')
    .replace(/[′’‘`]/g, "'").replace(/[″“”]/g, '"').replace(/''/g, '"')
    .replace(/，|、/g, ',')
    .toUpperCase()
    .trim();
}

/** Splits the text into coordinates: decimal degrees, or degrees ° minutes ′ seconds ″, each with an optional N/S/E/W. */
function parts(text: string): Part[] | CoordinateError {
  const s = normalize(text);
  const token = /([NSEW])|(-?\d+(?:\.\d+)?)\s*([°'"])?|([,;\s]+)|(.)/g;
  const out: Array<Part & { deg: number; min: number | null; sec: number | null; sign: number; letterBefore: boolean }> = [];
  let pendingLetter: Part['hemisphere'] = null;
  let lastWasNumber = false;
  for (const m of s.matchAll(token)) {
    if (m[5] !== undefined) return 'not-two-values';
    if (m[4] !== undefined) {
      continue;
    }
    if (m[1] !== undefined) {
      const letter = m[1] as 'N' | 'S' | 'E' | 'W';
      const cur = out[out.length - 1];
      // a letter after a number ends that coordinate; one before a number starts the next
      if (cur && lastWasNumber && cur.hemisphere === null && !cur.letterBefore) cur.hemisphere = letter;
      else pendingLetter = letter;
      lastWasNumber = false;
      continue;
    }
    const num = Number(m[2]);
    const unit = m[3] ?? '';
    const cur = out[out.length - 1];
    if (unit === "'" || unit === '"') {
      if (!cur || !lastWasNumber) return 'bad-dms';
      if (unit === "'" ? cur.min !== null || cur.sec !== null : cur.sec !== null) return 'bad-dms';
      if (num < 0 || num >= 60) return 'bad-dms';
      if (unit === "'") cur.min = num;
      else cur.sec = num;
    } else {
      out.push({ value: 0, hemisphere: pendingLetter, deg: Math.abs(num), min: null, sec: null, sign: num < 0 || Object.is(num, -0) ? -1 : 1, letterBefore: pendingLetter !== null });
      pendingLetter = null;
    }
    lastWasNumber = true;
  }
  if (pendingLetter !== null) {
    const cur = out[out.length - 1];
    if (!cur || cur.hemisphere !== null) return 'bad-hemispheres';
    cur.hemisphere = pendingLetter;
  }
  if (out.length !== 2) return 'not-two-values';
  for (const p of out) {
    if ((p.min !== null || p.sec !== null) && !Number.isInteger(p.deg)) return 'bad-dms';
    const hemiSign = p.hemisphere === 'S' || p.hemisphere === 'W' ? -1 : 1;
    p.value = p.sign * hemiSign * (p.deg + (p.min ?? 0) / 60 + (p.sec ?? 0) / 3600);
  }
  return out;
}

const validReading = ([lng, lat]: readonly [number, number]) => Math.abs(lng) <= 180 && Math.abs(lat) <= 90;

/**
 * Reads a typed point: `lng,lat` or `lat,lng` (decimal degrees or 度分秒, separated by a comma,
 * semicolon or space; N/S/E/W or 北纬/东经 make the order explicit), in `crs`, converted to WGS-84.
 * Without letters the order is detected: when only one reading falls in `inArea` (the county),
 * that one is taken.
 */
export function parseCoordinateInput(text: string, crs: InputCrs, inArea: (lngLat: readonly [number, number]) => boolean): ParsedCoordinate {
  const p = parts(text);
  if (typeof p === 'string') return { ok: false, error: p };
  const [a, b] = p as [Part, Part];
  const axis = (x: Part) => (x.hemisphere === 'N' || x.hemisphere === 'S' ? 'lat' : x.hemisphere === 'E' || x.hemisphere === 'W' ? 'lng' : null);
  if (axis(a) !== null || axis(b) !== null) {
    const axA = axis(a) ?? (axis(b) === 'lat' ? 'lng' : 'lat');
    const axB = axis(b) ?? (axA === 'lat' ? 'lng' : 'lat');
    if (axA === axB) return { ok: false, error: 'bad-hemispheres' };
    const typed: [number, number] = axA === 'lng' ? [a.value, b.value] : [b.value, a.value];
    if (!validReading(typed)) return { ok: false, error: 'out-of-range' };
    const lngLat = toWgs84(typed, crs);
    return { ok: true, lngLat, swapped: axA === 'lat', outsideArea: !inArea(lngLat) };
  }
  const readings = ([[a.value, b.value], [b.value, a.value]] as [number, number][])
    .map((r, i) => ({ swapped: i === 1, valid: validReading(r), lngLat: validReading(r) ? toWgs84(r, crs) : r }));
  const valid = readings.filter((r) => r.valid);
  if (valid.length === 0) return { ok: false, error: 'out-of-range' };
  const inside = valid.filter((r) => inArea(r.lngLat));
  const pick = inside.length === 1 ? inside[0]! : inside.length > 1 ? inside[0]! : valid[0]!;
  return { ok: true, lngLat: pick.lngLat, swapped: pick.swapped, outsideArea: inside.length === 0 };
}

/** The predicate for parseCoordinateInput from an area's polygons (e.g. the county outline). */
export function areaTest(area: FeatureCollection<Geometry | null> | null): (lngLat: readonly [number, number]) => boolean {
  return area ? (lngLat) => pointInArea(lngLat, area) : () => true;
}
