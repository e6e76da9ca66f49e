/**
 * The dispatch sheet as CSV: UTF-8 with a BOM (so Excel opens Chinese text right), CRLF lines,
 * every cell quoted, and cells that a spreadsheet would run as a formula (= + - @, tab, CR)
 * neutralised with a leading apostrophe (OWASP CSV injection).
 */
export const CSV_BOM = '\uFEFF';

/** First characters a spreadsheet reads as a formula: = + - @ tab CR. */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

// A province's sheet is tens of thousands of rows, most cells empty: no regex per cell.
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '""';
  let s = String(value);
  if (FORMULA_START.has(s.charCodeAt(0))) s = `'${s}`;
  return `"${s.includes('"') ? s.replace(/"/g, '""') : s}"`;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return CSV_BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
