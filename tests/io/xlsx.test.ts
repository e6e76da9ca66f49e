import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readXlsxTable, SpreadsheetError, writeXlsxTable } from '../../src/io/formats/xlsx';

function workbookBytes(cells: Record<string, object>, ref: string, name = 'Sheet1'): Uint8Array {
  const ws: Record<string, unknown> = { ...cells, '!ref': ref };
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws as never, name);
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('XLSX (SheetJS CE 0.20.3)', () => {
  it('writes and reads back a sheet: header, text, numbers, booleans; string cells that look like formulas stay text', () => {
    const bytes = writeXlsxTable([['id', '名称', '容量'], ['S1', '罗阳镇中心小学', 120], ['S2', '=1+1', true]], '避灾场所');
    expect(readXlsxTable(bytes)).toEqual({
      sheetNames: ['避灾场所'], sheetName: '避灾场所', header: ['id', '名称', '容量'],
      rows: [['S1', '罗阳镇中心小学', '120'], ['S2', '=1+1', 'true']],
    });
  });

  it('a formula cell gives its cached value where present, else its formula text (never evaluated, never dropped)', () => {
    const bytes = workbookBytes({
      A1: { t: 's', v: 'id' }, B1: { t: 's', v: 'capacity' },
      A2: { t: 's', v: 'A' }, B2: { t: 'n', v: 42, f: 'C9*2' },
      A3: { t: 's', v: 'B' }, B3: { t: 'n', f: 'SUM(B1:B2)' },
    }, 'A1:B3');
    expect(readXlsxTable(bytes).rows).toEqual([['A', '42'], ['B', '=SUM(B1:B2)']]);
  });

  it('picks a sheet by name and names the sheets when the one asked for is missing', () => {
    const bytes = workbookBytes({ A1: { t: 's', v: 'x' } }, 'A1:A1', '第一页');
    expect(readXlsxTable(bytes, '第一页').header).toEqual(['x']);
    expect(() => readXlsxTable(bytes, 'Sheet9')).toThrow('no sheet named "Sheet9" (sheets: "第一页")');
  });

  it('bytes that are not a workbook are one clear error', () => {
    expect(() => readXlsxTable(new TextEncoder().encode('id,name\n1,a\n'))).toThrow(SpreadsheetError);
  });
});
