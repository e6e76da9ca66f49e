const BEIJING = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** "07-25 14:00" in Beijing time (UTC+8), the way Chinese bulletins give it. */
export function beijingShort(ms: number): string {
  const p = Object.fromEntries(BEIJING.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** "2024-07-25 06:00Z" */
export function utcShort(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

/** "1 h 05 min" / "45 min" */
export function durationText(seconds: number, units: { h: string; min: string }): string {
  const m = Math.round(seconds / 60);
  if (m < 60) return `${m} ${units.min}`;
  return `${Math.floor(m / 60)} ${units.h} ${String(m % 60).padStart(2, '0')} ${units.min}`;
}

/** A phone number as a tel: URI: digits and + only (never text from the data pasted raw into a URL). */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.length >= 3 ? `tel:${digits}` : null;
}
