/**
 * XLSX reading and writing with SheetJS Community Edition 0.20.3 (npm `@e965/xlsx`, pinned; see
 * README "Import and export" for why not npm `xlsx` 0.18.5 or exceljs). Cells come back as text
 * the way CSV cells do, so one table adapter serves both. A formula cell gives its cached value
 * when the file has one, else its formula text ("=A2*2"): never evaluated, never dropped.
 */
import { read, utils, write, type CellObject, type WorkBook } from '@e965/xlsx';
import { assertZipWithinLimits, type ZipLimits } from './zip-guard';

export interface SheetTable {
  /** every sheet in the workbook, in order */
  readonly sheetNames: readonly string[];
  /** the sheet read */
  readonly sheetName: string;
  /** first row, the header */
  readonly header: readonly string[];
  /** data rows, cells as text ('' for an empty cell) */
  readonly rows: readonly string[][];
}

export class SpreadsheetError extends Error {
  override readonly name = 'SpreadsheetError';
}

/** The text of one cell: cached value, else formula text, else ''. */
export function cellText(cell: CellObject | undefined): string {
  if (!cell) return '';
  if (cell.t === 'z' || cell.v === undefined || cell.v === null) return cell.f ? `=${cell.f}` : '';
  if (cell.t === 'e') return cell.w ?? '#ERROR';
  if (cell.v instanceof Date) return cell.v.toISOString();
  return String(cell.v);
}

/**
 * Reads one sheet (by name, else the first) of an XLSX workbook into a header and text rows.
 * @throws SpreadsheetError (a one-line message) when the bytes are not a workbook, the zip is
 * oversized, or the sheet is missing.
 */
export function readXlsxTable(bytes: Uint8Array, sheet?: string, limits?: ZipLimits): SheetTable {
  try {
    assertZipWithinLimits(bytes, limits);
  } catch (err) {
    const m = (err as Error).message;
    throw new SpreadsheetError(m.startsWith('not a readable zip') ? 'not an XLSX workbook (an .xlsx file is a zip archive; this is not one)' : m);
  }
  let wb: WorkBook;
  try {
    wb = read(bytes, { type: 'array', cellFormula: true, cellHTML: false, cellDates: true, dense: true, bookVBA: false });
  } catch (err) {
    throw new SpreadsheetError(`not a readable XLSX workbook: ${(err as Error).message.split('\n')[0]}`);
  }
  const sheetNames = wb.SheetNames;
  if (sheetNames.length === 0) throw new SpreadsheetError('the workbook has no sheets');
  const sheetName = sheet ?? sheetNames[0]!;
  if (!sheetNames.includes(sheetName)) {
    throw new SpreadsheetError(`no sheet named ${JSON.stringify(sheetName)} (sheets: ${sheetNames.map((s) => JSON.stringify(s)).join(', ')})`);
  }
  const ws = wb.Sheets[sheetName]!;
  const ref = ws['!ref'];
  if (!ref) return { sheetNames, sheetName, header: [], rows: [] };
  const range = utils.decode_range(ref);
  const dense = (ws as unknown as { '!data'?: CellObject[][] })['!data'];
  const cellAt = (r: number, c: number): CellObject | undefined => (dense ? dense[r]?.[c] : (ws[utils.encode_cell({ r, c })] as CellObject | undefined));
  const table: string[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(cellText(cellAt(r, c)));
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    table.push(row);
  }
  while (table.length > 0 && table[table.length - 1]!.length === 0) table.pop();
  const [header = [], ...rows] = table;
  return { sheetNames, sheetName, header, rows: rows.filter((r) => r.length > 0) };
}

export type XlsxCell = string | number | boolean | null;

/** Writes one sheet of rows (first row the header) as XLSX bytes. Strings stay string cells. */
export function writeXlsxTable(rows: readonly (readonly XlsxCell[])[], sheetName = 'Sheet1'): Uint8Array {
  const ws = utils.aoa_to_sheet(rows.map((r) => [...r]));
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, sheetName.slice(0, 31));
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
