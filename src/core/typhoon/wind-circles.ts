/**
 * The membership rule of typhoon.md, to the letter: hourly UTC steps from the first fix to the
 * last, the centre linear in lng/lat between the two fixes around t, a threshold's radii linear in
 * time between two consecutive radius fixes at most 12 h apart, inside = haversine distance ≤ the
 * radius of the quadrant the initial bearing falls in.
 */
import { haversineMeters } from '../geo/haversine';
import { initialBearingDegrees } from './geodesy';
import { HOUR_MS, type QuadrantRadiiMeters, type TyphoonFix, type TyphoonTrack } from './track';

/** Two radius fixes further apart than this leave the circle not issued in between. */
export const MAX_RADIUS_GAP_MS = 12 * HOUR_MS;

export type Quadrant = 'ne' | 'se' | 'sw' | 'nw';

/** NE [0°, 90°), SE [90°, 180°), SW [180°, 270°), NW [270°, 360°). */
export function quadrantOfBearing(bearingDegrees: number): Quadrant {
  if (bearingDegrees < 90) return 'ne';
  if (bearingDegrees < 180) return 'se';
  if (bearingDegrees < 270) return 'sw';
  return 'nw';
}

/** Every whole UTC hour t with first fix ≤ t ≤ last fix, as epoch ms. */
export function hourlyTimesMs(track: Pick<TyphoonTrack, 'fixes'>): number[] {
  const f = track.fixes;
  if (f.length === 0) return [];
  const out: number[] = [];
  for (let t = Math.ceil(f[0]!.timeMs / HOUR_MS) * HOUR_MS; t <= f[f.length - 1]!.timeMs; t += HOUR_MS) out.push(t);
  return out;
}

/** Index i with fixes[i].timeMs ≤ t ≤ fixes[i+1].timeMs (or the last fix when t equals it); -1 outside. */
function bracket(times: ArrayLike<number>, t: number): number {
  const n = times.length;
  if (n === 0 || t < times[0]! || t > times[n - 1]!) return -1;
  let lo = 0, hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) lo = mid; else hi = mid;
  }
  return lo;
}

/** The centre at t (linear in longitude and latitude), or null outside the track's time span. */
export function centreAt(fixes: readonly TyphoonFix[], t: number): [number, number] | null {
  const times = fixes.map((f) => f.timeMs);
  const i = bracket(times, t);
  if (i < 0) return null;
  const a = fixes[i]!;
  const b = fixes[Math.min(i + 1, fixes.length - 1)]!;
  if (a.timeMs === t || b === a) return [a.lngLat[0], a.lngLat[1]];
  if (b.timeMs === t) return [b.lngLat[0], b.lngLat[1]];
  const w = (t - a.timeMs) / (b.timeMs - a.timeMs);
  return [a.lngLat[0] + w * (b.lngLat[0] - a.lngLat[0]), a.lngLat[1] + w * (b.lngLat[1] - a.lngLat[1])];
}

export interface FullRadii { readonly ne: number; readonly se: number; readonly sw: number; readonly nw: number }

function isFull(r: QuadrantRadiiMeters | undefined): r is FullRadii {
  return !!r && r.ne !== null && r.se !== null && r.sw !== null && r.nw !== null;
}

/** The radius fixes of one threshold: fixes whose four radii are all issued. */
export function radiusFixes(fixes: readonly TyphoonFix[], thresholdKt: string): Array<{ timeMs: number; radii: FullRadii }> {
  const out: Array<{ timeMs: number; radii: FullRadii }> = [];
  for (const f of fixes) {
    const r = f.radiiMeters[thresholdKt];
    if (isFull(r)) out.push({ timeMs: f.timeMs, radii: r });
  }
  return out;
}

/**
 * A threshold's quadrant radii at t, or null when not issued. At a radius fix itself the circle is
 * that fix's (the source issued it then); between two consecutive radius fixes at most 12 h apart
 * each quadrant is linear in time; before the first, after the last or across a longer gap: null.
 */
export function radiiAt(rfixes: ReadonlyArray<{ timeMs: number; radii: FullRadii }>, t: number): FullRadii | null {
  const i = bracket(rfixes.map((r) => r.timeMs), t);
  if (i < 0) return null;
  const a = rfixes[i]!;
  if (a.timeMs === t) return a.radii;
  const b = rfixes[i + 1];
  if (!b) return null;
  if (b.timeMs === t) return b.radii;
  if (b.timeMs - a.timeMs > MAX_RADIUS_GAP_MS) return null;
  const w = (t - a.timeMs) / (b.timeMs - a.timeMs);
  const lerp = (x: number, y: number) => x + w * (y - x);
  return { ne: lerp(a.radii.ne, b.radii.ne), se: lerp(a.radii.se, b.radii.se), sw: lerp(a.radii.sw, b.radii.sw), nw: lerp(a.radii.nw, b.radii.nw) };
}

/**
 * Inside when the distance is at most the radius of P's quadrant. A radius of 0 means "no such
 * winds" in that quadrant (typhoon.md), so a 0 quadrant holds nothing, not even the centre.
 */
export function isInsideCircle(centre: readonly [number, number], radii: FullRadii, p: readonly [number, number]): boolean {
  const q = quadrantOfBearing(initialBearingDegrees(centre[0], centre[1], p[0], p[1]));
  const r = radii[q];
  return r > 0 && haversineMeters(centre[0], centre[1], p[0], p[1]) <= r;
}

/** The state of the storm at one hour: centre and each threshold's radii (null = not issued). */
export interface StormState {
  readonly timeMs: number;
  readonly centre: [number, number];
  readonly radiiMeters: Readonly<Record<string, FullRadii | null>>;
}

/** The storm at every hourly step (typhoon.md "Time steps"). */
export function stormStates(track: Pick<TyphoonTrack, 'fixes' | 'thresholdsKt'>): StormState[] {
  const rf = Object.fromEntries(track.thresholdsKt.map((k) => [k, radiusFixes(track.fixes, k)]));
  return hourlyTimesMs(track).map((t) => ({
    timeMs: t,
    centre: centreAt(track.fixes, t)!,
    radiiMeters: Object.fromEntries(track.thresholdsKt.map((k) => [k, radiiAt(rf[k]!, t)])),
  }));
}

export interface PlaceWindTimes {
  /** threshold → first hourly time inside (epoch ms), null when never */
  readonly firstInsideMs: Record<string, number | null>;
  readonly lastInsideMs: Record<string, number | null>;
}

/** For each place and threshold, the first and last hourly time inside its circle. */
export function windCircleTimes(
  track: Pick<TyphoonTrack, 'fixes' | 'thresholdsKt'>,
  places: ReadonlyArray<readonly [number, number]>,
  states: readonly StormState[] = stormStates(track),
): PlaceWindTimes[] {
  const ks = track.thresholdsKt;
  const out = places.map(() => ({
    firstInsideMs: Object.fromEntries(ks.map((k) => [k, null])) as Record<string, number | null>,
    lastInsideMs: Object.fromEntries(ks.map((k) => [k, null])) as Record<string, number | null>,
  }));
  for (const s of states) {
    const issued = ks.filter((k) => s.radiiMeters[k]);
    if (issued.length === 0) continue;
    places.forEach((p, i) => {
      const q = quadrantOfBearing(initialBearingDegrees(s.centre[0], s.centre[1], p[0], p[1]));
      const d = haversineMeters(s.centre[0], s.centre[1], p[0], p[1]);
      for (const k of issued) {
        const r = s.radiiMeters[k]![q];
        if (r > 0 && d <= r) {
          const o = out[i]!;
          if (o.firstInsideMs[k] === null) o.firstInsideMs[k] = s.timeMs;
          o.lastInsideMs[k] = s.timeMs;
        }
      }
    });
  }
  return out;
}

/** Which places are inside each threshold's circle at one storm state: threshold → place indexes. */
export function placesInside(state: StormState, thresholdsKt: readonly string[], places: ReadonlyArray<readonly [number, number]>): Record<string, number[]> {
  const out: Record<string, number[]> = Object.fromEntries(thresholdsKt.map((k) => [k, []]));
  places.forEach((p, i) => {
    for (const k of thresholdsKt) {
      const r = state.radiiMeters[k];
      if (r && isInsideCircle(state.centre, r, p)) out[k]!.push(i);
    }
  });
  return out;
}
