/**
 * A typhoon track as OneMap holds it (typhoon.md "A track"): fixes in time order, times as UTC
 * epoch milliseconds, centres [lng, lat] WGS-84, wind radii per threshold in metres. Readers in
 * src/io convert each source's units and time zone at the edge.
 */

/** Quadrant radii of one wind threshold, metres. null = not issued; 0 = no such winds there. */
export interface QuadrantRadiiMeters {
  readonly ne: number | null;
  readonly se: number | null;
  readonly sw: number | null;
  readonly nw: number | null;
}

/** China's intensity scale (GB/T 19201-2006). */
export type ChinaCategory = 'TD' | 'TS' | 'STS' | 'TY' | 'STY' | 'SuperTY';

export interface TyphoonFix {
  readonly timeMs: number;
  readonly lngLat: readonly [number, number];
  /** max sustained wind as the source gives it, m/s (null when not given) */
  readonly maxWindMetersPerSecond: number | null;
  /** the averaging period of that wind: 2 (CMA, Chinese feeds), 1 (JTWC), 10 (JMA) */
  readonly windAveragingMinutes: 1 | 2 | 10 | null;
  readonly pressureHpa: number | null;
  /** China's scale: from a 2-min wind, else the source's own category name when it is China's */
  readonly category: ChinaCategory | null;
  /** the source's own intensity text, e.g. "台风" or "TY" */
  readonly categoryText?: string;
  /** threshold name (knots as the source names it: "34", "30") → quadrant radii */
  readonly radiiMeters: Readonly<Record<string, QuadrantRadiiMeters>>;
  /** true when the source marks the row as interpolated (IBTrACS IFLAG "P") */
  readonly interpolated?: boolean;
}

/** A forecast point (no radii in membership: forecasts are drawn, not counted). */
export interface ForecastPoint {
  readonly timeMs: number;
  readonly lngLat: readonly [number, number];
  readonly maxWindMetersPerSecond: number | null;
  readonly pressureHpa: number | null;
  readonly category: ChinaCategory | null;
}

export interface ForecastTrack {
  /** agency as the source names it: "中国", "日本", "BABJ", "JTWC" … */
  readonly agency: string;
  /** issue time (the fix the forecast hangs on, or the source's own issue time) */
  readonly issuedMs: number;
  readonly points: readonly ForecastPoint[];
}

export interface Landfall {
  readonly timeMs: number | null;
  readonly lngLat: readonly [number, number];
  readonly place: string | null;
}

export type TrackFormat = 'zhejiang' | 'wenzhou' | 'atcf' | 'ibtracs' | 'onemap-geojson';

export interface TyphoonTrack {
  /** `synthetic`: the file says it is made up (示意), e.g. the demo's Zhejiang-layout copy */
  readonly storm: { readonly name: string; readonly id: string; readonly source: string; readonly nameZh?: string; readonly synthetic?: boolean };
  readonly format: TrackFormat;
  /** the thresholds this source defines, ascending, e.g. ["34","50","64"] or ["30","50","64"] */
  readonly thresholdsKt: readonly string[];
  readonly fixes: readonly TyphoonFix[];
  readonly forecasts: readonly ForecastTrack[];
  readonly landfalls: readonly Landfall[];
}

export const KNOT_METERS_PER_SECOND = 1852 / 3600;
export const NAUTICAL_MILE_METERS = 1852;
export const HOUR_MS = 3_600_000;

/** The category of a 2-minute mean wind (typhoon.md "Categories"); null below 10.8 m/s or unknown. */
export function chinaCategoryOfWind(windMetersPerSecond: number | null): ChinaCategory | null {
  if (windMetersPerSecond === null || !Number.isFinite(windMetersPerSecond)) return null;
  // Boundaries are on one decimal (the standard's table): round first so 32.65 is a typhoon.
  const w = Math.round(windMetersPerSecond * 10) / 10;
  if (w >= 51.0) return 'SuperTY';
  if (w >= 41.5) return 'STY';
  if (w >= 32.7) return 'TY';
  if (w >= 24.5) return 'STS';
  if (w >= 17.2) return 'TS';
  if (w >= 10.8) return 'TD';
  return null;
}

const CATEGORY_NAMES: ReadonlyArray<[RegExp, ChinaCategory]> = [
  [/超强台风|Super\s*TY/i, 'SuperTY'],
  [/强台风|\bSTY\b/i, 'STY'],
  [/强热带风暴|\bSTS\b/i, 'STS'],
  [/热带风暴|\bTS\b/i, 'TS'],
  [/热带低压|\bTD\b/i, 'TD'],
  [/台风|\bTY\b/i, 'TY'],
];

/** China's category from a Chinese feed's name ("强台风", "台风(TY)"), or null. */
export function chinaCategoryOfName(text: string | null | undefined): ChinaCategory | null {
  if (!text) return null;
  for (const [re, c] of CATEGORY_NAMES) if (re.test(text)) return c;
  return null;
}
