import type { PublicLang, Translate } from './i18n';

/** Distance as people read it: metres under 1 km (to 10 m), else km to 0.1. */
export function formatDistance(t: Translate, lang: PublicLang, meters: number): string {
  const nf = (digits: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  if (meters < 1000) return t('units.meters', { n: nf(0).format(Math.max(10, Math.round(meters / 10) * 10)) });
  return t('units.kilometers', { n: nf(1).format(meters / 1000) });
}

/** A time in Beijing time (the data's and the county's clock), in the reader's language. */
export function formatTime(lang: PublicLang, iso: string | number): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

/** "3 days ago", "in 2 hours" … */
export function formatAge(lang: PublicLang, iso: string | number, nowMs: number): string {
  const ms = new Date(iso).getTime() - nowMs;
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(ms);
  if (abs < 3_600_000) return rtf.format(Math.round(ms / 60_000), 'minute');
  if (abs < 86_400_000) return rtf.format(Math.round(ms / 3_600_000), 'hour');
  if (abs < 60 * 86_400_000) return rtf.format(Math.round(ms / 86_400_000), 'day');
  return rtf.format(Math.round(ms / (30 * 86_400_000)), 'month');
}

export function formatNumber(lang: PublicLang, n: number): string {
  return new Intl.NumberFormat(lang).format(n);
}
