import type { ViewParams } from '../../types';

/** The typhoon view's hash fields: `track=` demo id, `t=` chosen hour (UTC), `mode=walk|drive`, `margin=` minutes. */
export interface TyphoonState {
  demoTrack: 'gaemi-ibtracs' | 'gaemi-zhejiang' | null;
  /** chosen hour, epoch ms (UTC), or null = the first hour of the track */
  timeMs: number | null;
  mode: 'walk' | 'drive';
  marginMinutes: number;
}

export const DEFAULT_MARGIN_MINUTES = 60;
const DEMO_IDS = ['gaemi-ibtracs', 'gaemi-zhejiang'] as const;

/** "2024-07-25T06" (the hour, UTC) ↔ epoch ms; anything else → null. */
export function parseHourParam(value: string | undefined): number | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})Z?$/.exec(value.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]));
  return Number.isNaN(ms) || new Date(ms).getUTCHours() !== Number(m[4]) ? null : ms;
}

export function formatHourParam(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13);
}

export function parseTyphoonParams(params: ViewParams): TyphoonState {
  const margin = Number(params.margin);
  return {
    demoTrack: (DEMO_IDS as readonly string[]).includes(params.track ?? '') ? (params.track as TyphoonState['demoTrack']) : null,
    timeMs: parseHourParam(params.t),
    mode: params.mode === 'drive' ? 'drive' : 'walk',
    marginMinutes: Number.isInteger(margin) && margin >= 0 && margin <= 24 * 60 ? margin : DEFAULT_MARGIN_MINUTES,
  };
}

export function typhoonParams(s: TyphoonState): ViewParams {
  const out: Record<string, string> = {};
  if (s.demoTrack) out.track = s.demoTrack;
  if (s.timeMs !== null) out.t = formatHourParam(s.timeMs);
  if (s.mode !== 'walk') out.mode = s.mode;
  if (s.marginMinutes !== DEFAULT_MARGIN_MINUTES) out.margin = String(s.marginMinutes);
  return out;
}

/** The hour index nearest to `timeMs` among `hoursMs` (ascending), 0 when unset. */
export function hourIndexOf(hoursMs: readonly number[], timeMs: number | null): number {
  if (timeMs === null || hoursMs.length === 0) return 0;
  let best = 0;
  for (let i = 0; i < hoursMs.length; i++) if (Math.abs(hoursMs[i]! - timeMs) < Math.abs(hoursMs[best]! - timeMs)) best = i;
  return best;
}
