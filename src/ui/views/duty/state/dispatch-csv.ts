/**
 * The dispatch sheet as CSV: UTF-8 with a BOM (so Excel opens Chinese text right), CRLF lines,
 * every cell quoted, and cells that a spreadsheet would run as a formula (= + - @, tab, CR)
 * neutralised with a leading apostrophe (OWASP CSV injection).
 */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return CSV_BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
