/** Small value readers shared by the track formats: each returns a value or reports why not. */
import type { QuadrantRadiiMeters } from '../../core';
import { trackIssue, type TrackIssue } from './track-issue';

export interface Where { line?: number; row: number }

/** "" / " " / null / undefined → null; a finite number (or numeric string) → number; else an issue. */
export function numberOrNull(value: unknown, field: string, at: Where, issues: TrackIssue[]): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string') {
    const s = value.trim();
    if (s === '') return null;
    const n = Number(s);
    if (Number.isFinite(n)) return n;
  }
  issues.push(trackIssue({ ...at, field, value, problem: 'not a number (value ignored)', severity: 'warning' }));
  return null;
}

/** A position: both finite and in range, else an issue and null (the point is dropped). */
export function lngLatOrNull(lngV: unknown, latV: unknown, at: Where, issues: TrackIssue[], fields = ['lng', 'lat']): [number, number] | null {
  const lng = typeof lngV === 'string' ? Number(lngV.trim() === '' ? NaN : lngV) : lngV;
  const lat = typeof latV === 'string' ? Number(latV.trim() === '' ? NaN : latV) : latV;
  if (typeof lat !== 'number' || !Number.isFinite(lat) || Math.abs(lat) > 90) {
    issues.push(trackIssue({ ...at, field: fields[1]!, value: latV, problem: 'not a latitude in degrees (point dropped)' }));
    return null;
  }
  if (typeof lng !== 'number' || !Number.isFinite(lng) || Math.abs(lng) > 180) {
    issues.push(trackIssue({ ...at, field: fields[0]!, value: lngV, problem: 'not a longitude in degrees (point dropped)' }));
    return null;
  }
  return [lng, lat];
}

/** A pressure in hPa, range-checked (one agency has put wind levels there); "0" means missing. */
export function pressureOrNull(value: unknown, field: string, at: Where, issues: TrackIssue[]): number | null {
  const p = numberOrNull(value, field, at, issues);
  if (p === null || p === 0) return null;
  if (p < 850 || p > 1100) {
    issues.push(trackIssue({ ...at, field, value, problem: 'pressure outside 850–1100 hPa (ignored)', severity: 'warning' }));
    return null;
  }
  return p;
}

/** A wind speed in m/s; "0" means missing in the Chinese feeds. */
export function windOrNull(value: unknown, field: string, at: Where, issues: TrackIssue[]): number | null {
  const w = numberOrNull(value, field, at, issues);
  if (w === null || w === 0) return null;
  if (w < 0 || w > 120) {
    issues.push(trackIssue({ ...at, field, value, problem: 'wind outside 0–120 m/s (ignored)', severity: 'warning' }));
    return null;
  }
  return w;
}

/** One radius: null = not issued, 0 = no such winds; negative or non-numbers are issues (not issued). */
export function radiusOrNull(value: unknown, field: string, at: Where, issues: TrackIssue[], metersPerUnit: number): number | null {
  const r = numberOrNull(value, field, at, issues);
  if (r === null) return null;
  if (r < 0 || r > 2000) {
    issues.push(trackIssue({ ...at, field, value, problem: 'radius outside 0–2000 (read as not issued)', severity: 'warning' }));
    return null;
  }
  // micrometre rounding: 64.82 km is 64820 m, not 64819.99999999999
  return Math.round(r * metersPerUnit * 1e6) / 1e6;
}

export const NOT_ISSUED: QuadrantRadiiMeters = { ne: null, se: null, sw: null, nw: null };

export function anyIssued(r: QuadrantRadiiMeters): boolean {
  return r.ne !== null || r.se !== null || r.sw !== null || r.nw !== null;
}

/** Strips a JSONP wrapper `callback( … );` and parses; null when the text is not JSON. */
export function parseJsonOrJsonp(text: string): { value: unknown } | null {
  const t = text.replace(/^\uFEFF/, '').trim();
  const m = /^[\w$.]+\s*\(([\s\S]*)\)\s*;?$/.exec(t);
  try {
    return { value: JSON.parse(m ? m[1]! : t) };
  } catch {
    return null;
  }
}
