/**
 * CSV → candidate resource records. Text must already be decoded (see `decodeCsvBytes` for
 * UTF-8 / GBK files); a leading BOM is ignored. Header names are matched to schema fields
 * case-insensitively, ignoring `_`, `-` and spaces, plus Chinese aliases (经度, 纬度, 名称, …).
 * Rows are 0-based data rows (the header is not a row).
 */
import Papa from 'papaparse';
import { makeIoIssue, type IoIssue } from '../schemas/issue';
import type { FeatureCandidate } from './from-geojson';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Normalised header → field name. */
const ALIASES: Record<string, string> = {
  lng: 'lng', lon: 'lng', long: 'lng', longitude: 'lng', x: 'lng', 经度: 'lng',
  lat: 'lat', latitude: 'lat', y: 'lat', 纬度: 'lat',
  id: 'id', 编号: 'id',
  kind: 'kind', 类型: 'kind',
  name: 'name', 名称: 'name',
  nameen: 'nameEn', englishname: 'nameEn', 英文名称: 'nameEn',
  township: 'township', 乡镇: 'township',
  status: 'status', 状态: 'status',
  updatedat: 'updatedAt', 更新时间: 'updatedAt',
  capacity: 'capacity', 容量: 'capacity', 容纳人数: 'capacity',
  occupancy: 'occupancy', 在住人数: 'occupancy',
  open: 'open', 开放: 'open',
  typhoonsafe: 'typhoonSafe',
  level: 'level', 级别: 'level',
  address: 'address', 地址: 'address',
  category: 'category', 类别: 'category',
  specialty: 'specialty', 专业: 'specialty',
  members: 'members', 人数: 'members',
  vehicles: 'vehicles', 车辆: 'vehicles',
  phone: 'phone', 电话: 'phone',
  fulltime: 'fullTime', 专职: 'fullTime',
  staff: 'staff', 人员: 'staff',
  stock: 'stock', 物资: 'stock',
  cameratype: 'cameraType',
  streamprotocol: 'streamProtocol', protocol: 'streamProtocol',
  streamurl: 'streamUrl', url: 'streamUrl', 视频地址: 'streamUrl',
  siteid: 'siteId',
  synthetic: 'synthetic',
};

const NUMBER_FIELDS = new Set(['capacity', 'occupancy', 'members', 'vehicles', 'staff']);
const BOOLEAN_FIELDS = new Set(['open', 'typhoonSafe', 'fullTime', 'synthetic']);
const TRUE_TEXT = new Set(['true', '1', 'yes', 'y', '是', '开放']);
const FALSE_TEXT = new Set(['false', '0', 'no', 'n', '否', '关闭']);

export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_-]+/g, '');
}

/** Parse a number as written in spreadsheets ("1,200", " 42 "); text that is not a number stays text. */
function toNumber(text: string): number | string {
  const t = text.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (t === '') return text;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

function toBoolean(text: string): boolean | string {
  const t = text.trim().toLowerCase();
  if (TRUE_TEXT.has(t)) return true;
  if (FALSE_TEXT.has(t)) return false;
  return text;
}

function setField(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface CsvCandidates {
  candidates: FeatureCandidate[];
  issues: IoIssue[];
}

export function fromCsv(text: string): CsvCandidates {
  const issues: IoIssue[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = rows[0];
  if (!header || header.length === 0) {
    return { candidates: [], issues: [makeIoIssue({ row: -1, field: 'header', value: '', problem: 'empty CSV: no header row' })] };
  }
  const fields = header.map((h) => {
    const norm = normaliseHeader(h);
    return ALIASES[norm] ?? (UNSAFE_KEYS.has(h.trim()) ? null : h.trim());
  });
  header.forEach((h, i) => {
    if (fields[i] === null)
      issues.push(makeIoIssue({ row: -1, field: `header.${i}`, value: h, problem: 'unsafe column name ignored', severity: 'warning' }));
  });
  const lngCol = fields.indexOf('lng');
  const latCol = fields.indexOf('lat');
  if (lngCol < 0 || latCol < 0) {
    issues.push(
      makeIoIssue({
        row: -1,
        field: lngCol < 0 ? 'lng' : 'lat',
        value: header,
        problem: 'no longitude/latitude column (expected lng/lon/longitude/经度 and lat/latitude/纬度)',
      }),
    );
    return { candidates: [], issues };
  }
  const candidates = rows.slice(1).map((cells, row): FeatureCandidate => {
    const rowIssues: IoIssue[] = [];
    const record: Record<string, unknown> = {};
    const idCol = fields.indexOf('id');
    const id = idCol >= 0 && cells[idCol] ? cells[idCol]!.trim() : undefined;
    if (cells.length !== header.length)
      rowIssues.push(
        makeIoIssue({
          row, id, field: '(row)', value: cells.length, severity: 'warning',
          problem: `has ${cells.length} cells, the header has ${header.length}`,
        }),
      );
    fields.forEach((field, i) => {
      if (field === null || field === 'lng' || field === 'lat') return;
      const cell = cells[i];
      if (cell === undefined || cell.trim() === '') return; // missing: the schema says whether it may be
      let value: unknown = cell.trim();
      if (NUMBER_FIELDS.has(field)) value = toNumber(cell);
      else if (BOOLEAN_FIELDS.has(field)) value = toBoolean(cell);
      else if (field === 'stock') {
        try {
          value = JSON.parse(cell) as unknown;
        } catch {
          rowIssues.push(makeIoIssue({ row, id, field: 'stock', value: cell, problem: 'stock must be a JSON array' }));
          return;
        }
      }
      setField(record, field, value);
    });
    if (record['streamProtocol'] !== undefined || record['streamUrl'] !== undefined) {
      setField(record, 'stream', { protocol: record['streamProtocol'], url: record['streamUrl'] });
      delete record['streamProtocol'];
      delete record['streamUrl'];
    }
    const lngText = cells[lngCol] ?? '';
    const latText = cells[latCol] ?? '';
    const lng = toNumber(lngText);
    const lat = toNumber(latText);
    let problem: string | null = null;
    if (lngText.trim() === '' || latText.trim() === '') problem = 'no location (empty longitude or latitude)';
    else if (typeof lng !== 'number') problem = `longitude ${JSON.stringify(lngText)} is not a number`;
    else if (typeof lat !== 'number') problem = `latitude ${JSON.stringify(latText)} is not a number`;
    else if (lng < -180 || lng > 180) problem = `longitude ${lng} is outside -180..180`;
    else if (lat < -90 || lat > 90) problem = `latitude ${lat} is outside -90..90`;
    if (problem) {
      rowIssues.push(makeIoIssue({ row, id, field: 'lngLat', value: [lngText, latText], problem }));
      return { row, ...(id !== undefined ? { id } : {}), record: null, issues: rowIssues };
    }
    setField(record, 'lngLat', [lng, lat]);
    return { row, ...(id !== undefined ? { id } : {}), record, issues: rowIssues };
  });
  for (const e of parsed.errors) {
    // Papa counts rows including the header.
    const row = typeof e.row === 'number' ? e.row - 1 : -1;
    if (e.code === 'TooFewFields' || e.code === 'TooManyFields') continue; // reported per row above
    issues.push(makeIoIssue({ row, field: '(csv)', value: e.code, problem: e.message, severity: 'warning' }));
  }
  return { candidates, issues };
}

/**
 * Decode CSV bytes: UTF-8 (with or without BOM) when valid, else GBK (common for files saved by
 * Excel on Chinese Windows). Returns the text and the encoding used.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}
