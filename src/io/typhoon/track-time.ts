/** Times of track sources → UTC epoch ms. Chinese feeds give Beijing time (UTC+8) without an offset. */

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

function parts(text: string): { ms: number; offset: string | undefined } | null {
  const m = LOCAL.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(ms).getUTCDate() !== d) return null; // 2024-02-31
  return { ms, offset: m[7] };
}

function offsetMs(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/**
 * "2021/9/25 14:00:00", "2026-07-07 08:00:00", "2019-08-10T01:00:00" as Beijing time; a time that
 * carries its own offset ("…Z", "+08:00") keeps it. null when unreadable.
 */
export function beijingTimeToUtcMs(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const p = parts(text);
  if (!p) return null;
  return p.offset === undefined ? p.ms - BEIJING_OFFSET_MS : p.ms - offsetMs(p.offset);
}

/** A time that must be UTC: ISO with Z or an offset, or a bare "YYYY-MM-DD HH:MM:SS" read as UTC (IBTrACS ISO_TIME). */
export function utcTimeToMs(text: unknown, bareIsUtc: boolean): number | null {
  if (typeof text !== 'string') return null;
  const p = parts(text);
  if (!p) return null;
  if (p.offset === undefined) return bareIsUtc ? p.ms : null;
  return p.ms - offsetMs(p.offset);
}

/** ATCF "YYYYMMDDHH" (UTC). */
export function atcfTimeToMs(text: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  return utcTimeToMs(`${m[1]}-${m[2]}-${m[3]} ${m[4]}:00:00`, true);
}
