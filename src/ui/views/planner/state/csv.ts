/**
 * CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese), CRLF rows, RFC 4180 quoting, and
 * text cells that a spreadsheet would run as a formula (= + - @, tab, CR first) prefixed with an
 * apostrophe (OWASP "CSV injection"). Numbers stay numbers, negative ones included.
 */
export type CsvCell = string | number | null;

const FORMULA_LEAD = /^[=+\-@\t\r]/;

export function csvCell(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = FORMULA_LEAD.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
