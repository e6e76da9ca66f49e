/**
 * CSV → candidate resource records. Text must already be decoded (see `decodeCsvBytes` for
 * UTF-8 / GBK files); a leading BOM is ignored. Header names are matched to schema fields
 * case-insensitively, ignoring `_`, `-` and spaces, plus Chinese aliases (经度, 纬度, 名称, …).
 * Rows are 0-based data rows (the header is not a row).
 */
import Papa from 'papaparse';
import { makeIoIssue, type IoIssue } from '../schemas/issue';
import type { FeatureCandidate } from './from-geojson';

export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Normalised header → field name; a Map, so a header "constructor" or "__proto__" is no alias. */
export const HEADER_ALIASES: ReadonlyMap<string, string> = new Map(Object.entries({
  lng: 'lng', lon: 'lng', long: 'lng', longitude: 'lng', x: 'lng', 经度: 'lng', x坐标: 'lng', 东经: 'lng',
  lat: 'lat', latitude: 'lat', y: 'lat', 纬度: 'lat', y坐标: 'lat', 北纬: 'lat',
  id: 'id', 编号: 'id', 序号编号: 'id', 代码: 'id', 场所编号: 'id',
  kind: 'kind', 类型: 'kind', 资源类型: 'kind',
  name: 'name', 名称: 'name', 场所名称: 'name', 单位名称: 'name', 队伍名称: 'name',
  nameen: 'nameEn', englishname: 'nameEn', 英文名称: 'nameEn',
  township: 'township', 乡镇: 'township', 乡镇街道: 'township', 所属乡镇: 'township',
  status: 'status', 状态: 'status',
  updatedat: 'updatedAt', 更新时间: 'updatedAt',
  capacity: 'capacity', 容量: 'capacity', 容纳人数: 'capacity', 可容纳人数: 'capacity',
  occupancy: 'occupancy', 在住人数: 'occupancy', 已安置: 'occupancy', 已安置人数: 'occupancy',
  open: 'open', 开放: 'open', 是否开放: 'open',
  typhoonsafe: 'typhoonSafe', 防台: 'typhoonSafe', 可防台: 'typhoonSafe',
  level: 'level', 级别: 'level',
  address: 'address', 地址: 'address',
  category: 'category', 类别: 'category',
  specialty: 'specialty', 专业: 'specialty',
  members: 'members', 人数: 'members',
  vehicles: 'vehicles', 车辆: 'vehicles',
  phone: 'phone', 电话: 'phone', 联系电话: 'phone',
  fulltime: 'fullTime', 专职: 'fullTime',
  staff: 'staff', 人员: 'staff',
  stock: 'stock', 物资: 'stock',
  cameratype: 'cameraType',
  streamprotocol: 'streamProtocol', protocol: 'streamProtocol',
  streamurl: 'streamUrl', url: 'streamUrl', 视频地址: 'streamUrl',
  siteid: 'siteId',
  synthetic: 'synthetic',
}));

const NUMBER_FIELDS = new Set(['capacity', 'occupancy', 'members', 'vehicles', 'staff']);
const BOOLEAN_FIELDS = new Set(['open', 'typhoonSafe', 'fullTime', 'synthetic']);
const TRUE_TEXT = new Set(['true', '1', 'yes', 'y', '是', '开放']);
const FALSE_TEXT = new Set(['false', '0', 'no', 'n', '否', '关闭']);

export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_\-()（）]+/g, '');
}

/** The field a header names, by alias; null for an unsafe name, the header itself otherwise. */
export function fieldOfHeader(header: string): string | null {
  return HEADER_ALIASES.get(normaliseHeader(header)) ?? (UNSAFE_KEYS.has(header.trim()) ? null : header.trim());
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

export interface TableOptions {
  /** number of the first data row in issues: 0 (default) or 1 (the import report's 1-based rows) */
  rowBase?: 0 | 1;
  /** field for each column, overriding the header guess (null = ignore the column) */
  fields?: readonly (string | null)[];
  /** cell text → number/boolean/JSON as the field needs (default true) */
  typed?: boolean;
  /** 'degrees' (default): lng/lat must be in range here; 'projected': any finite numbers (metres), checked after conversion */
  coordinates?: 'degrees' | 'projected';
}

/** CSV text → candidates (see `fromTable`); a leading BOM is ignored. */
export function fromCsv(text: string, options: TableOptions = {}): CsvCandidates {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const out = fromTable(parsed.data[0], parsed.data.slice(1), options);
  if (parsed.data.length === 0) return out;
  const base = options.rowBase ?? 0;
  for (const e of parsed.errors) {
    // Papa counts rows including the header.
    const row = typeof e.row === 'number' ? e.row - 1 + base : -1;
    if (e.code === 'TooFewFields' || e.code === 'TooManyFields') continue; // reported per row
    out.issues.push(makeIoIssue({ row, field: '(csv)', value: e.code, problem: e.message, severity: 'warning' }));
  }
  return out;
}

/**
 * A header and rows of cell text (a CSV file or a spreadsheet sheet) → candidate records, one per
 * row, with `lngLat` from the longitude/latitude columns. Header names map to fields by
 * `fieldOfHeader` unless `options.fields` says otherwise; unsafe names are ignored, with a warning.
 */
export function fromTable(header: readonly string[] | undefined, dataRows: readonly (readonly string[])[], options: TableOptions = {}): CsvCandidates {
  const issues: IoIssue[] = [];
  const base = options.rowBase ?? 0;
  const typed = options.typed ?? true;
  if (!header || header.length === 0 || header.every((h) => h.trim() === '')) {
    return { candidates: [], issues: [makeIoIssue({ row: -1, field: 'header', value: '', problem: 'empty table: no header row' })] };
  }
  const fields = header.map((h, i) => (options.fields && i < options.fields.length ? options.fields[i]! : fieldOfHeader(h)));
  header.forEach((h, i) => {
    if (fields[i] === null && !options.fields)
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
        problem: 'no longitude/latitude column (expected lng/lon/longitude/x/经度 and lat/latitude/y/纬度)',
      }),
    );
    return { candidates: [], issues };
  }
  const idCol = fields.indexOf('id');
  const candidates = dataRows.map((cells, index): FeatureCandidate => {
    const row = index + base;
    const rowIssues: IoIssue[] = [];
    const record: Record<string, unknown> = {};
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
      if (!typed) value = cell;
      else if (NUMBER_FIELDS.has(field)) value = toNumber(cell);
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
    else if (typeof lng !== 'number') problem = `longitude ${JSON.stringify(lngText.slice(0, 40))} is not a number`;
    else if (typeof lat !== 'number') problem = `latitude ${JSON.stringify(latText.slice(0, 40))} is not a number`;
    else if (options.coordinates !== 'projected' && (lng < -180 || lng > 180)) problem = `longitude ${lng} is outside -180..180`;
    else if (options.coordinates !== 'projected' && (lat < -90 || lat > 90)) problem = `latitude ${lat} is outside -90..90`;
    if (problem) {
      rowIssues.push(makeIoIssue({ row, id, field: 'lngLat', value: [lngText, latText], problem }));
      return { row, ...(id !== undefined ? { id } : {}), record: null, issues: rowIssues };
    }
    setField(record, 'lngLat', [lng, lat]);
    return { row, ...(id !== undefined ? { id } : {}), record, issues: rowIssues };
  });
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
