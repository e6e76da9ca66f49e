const BEIJING = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

/**
 * A data timestamp as bureaus read it: Beijing time (UTC+8) whatever the browser's zone, e.g.
 * "2024-11-01 05:21 (UTC+8)". Text that is not a date is shown as it is.
 */
export function formatBeijingTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = Object.fromEntries(BEIJING.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute} (UTC+8)`;
}
