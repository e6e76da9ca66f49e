import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { CSV_BOM, csvCell, toCsv } from '../../../../src/ui/views/duty/state/dispatch-csv';

describe('dispatch CSV', () => {
  test('starts with a UTF-8 BOM, quotes every cell, CRLF lines, and parses back', () => {
    const csv = toCsv([['名称', 'ETA'], ['泰顺县防汛抢险专业队', 8], ['say "hi", ok', null]]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv).toContain('"名称","ETA"\r\n');
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.data).toEqual([['名称', 'ETA'], ['泰顺县防汛抢险专业队', '8'], ['say "hi", ok', '']]);
  });

  test.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rx'])('neutralises a formula-like cell %j', (v) => {
    expect(csvCell(v).startsWith(`"'`)).toBe(true);
  });

  test('phone numbers and negative-looking text keep their digits after the apostrophe', () => {
    expect(csvCell('-0577')).toBe(`"'-0577"`);
    expect(csvCell('0577-00137380')).toBe('"0577-00137380"');
  });
});
