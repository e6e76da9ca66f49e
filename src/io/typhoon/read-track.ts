/**
 * One entry for every track format users have: the format is detected from the content (not the
 * file name), problems come back as data with line numbers or point indexes, never thrown.
 */
import type { TrackFormat, TyphoonTrack } from '../../core';
import { readAtcf, ATCF_LINE } from './read-atcf';
import { chineseStormOf, readChineseStorm, WenzhouStormSchema, ZhejiangStormSchema } from './read-chinese-feed';
import { looksLikeIbtracsHeader, readIbtracs } from './read-ibtracs';
import { ONEMAP_TRACK_MARK, readOnemapGeoJson } from './read-onemap-geojson';
import { trackIssue, type TrackIssue } from './track-issue';
import { parseJsonOrJsonp } from './track-values';

export interface TrackReadResult {
  readonly track: TyphoonTrack | null;
  readonly format: TrackFormat | null;
  readonly issues: TrackIssue[];
}

export function detectTrackFormat(text: string): TrackFormat | null {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{') || t.startsWith('[') || /^[\w$.]+\s*\(/.test(t)) {
    const j = parseJsonOrJsonp(t);
    if (!j) return null;
    const v = j.value as Record<string, unknown> | null;
    if (v && typeof v === 'object' && !Array.isArray(v) && v.onemap === ONEMAP_TRACK_MARK) return 'onemap-geojson';
    return chineseStormOf(j.value)?.layout ?? null;
  }
  const first = t.split(/\r?\n/, 1)[0] ?? '';
  if (looksLikeIbtracsHeader(first)) return 'ibtracs';
  if (ATCF_LINE.test(first)) return 'atcf';
  return null;
}

export function readTyphoonTrack(text: string): TrackReadResult {
  const issues: TrackIssue[] = [];
  const format = detectTrackFormat(text);
  if (format === null) {
    issues.push(trackIssue({ row: -1, field: '(file)', value: text.slice(0, 60), problem: 'not a known track format: Zhejiang or Wenzhou typhoon-site JSON, JTWC ATCF deck, IBTrACS CSV or OneMap typhoon GeoJSON' }));
    return { track: null, format, issues };
  }
  let track: TyphoonTrack | null = null;
  if (format === 'ibtracs') track = readIbtracs(text, issues);
  else if (format === 'atcf') track = readAtcf(text, issues);
  else {
    const value = parseJsonOrJsonp(text)!.value;
    if (format === 'onemap-geojson') track = readOnemapGeoJson(value, issues);
    else {
      const { layout, storm } = chineseStormOf(value)!;
      const checked = (layout === 'zhejiang' ? ZhejiangStormSchema : WenzhouStormSchema).safeParse(storm);
      if (!checked.success) {
        const e = checked.error.issues[0]!;
        issues.push(trackIssue({ row: -1, field: e.path.join('.'), value: null, problem: e.message }));
      } else track = readChineseStorm(storm, layout, issues);
    }
  }
  return { track, format, issues };
}
