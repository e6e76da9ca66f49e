/**
 * Reading side of the import (see import-resources.ts for the whole): one file (CSV, XLSX, GeoJSON, KML, zipped Shapefile) of one resource
 * kind → validated resources in the app's schema + a report of {row, field, value, message}. Rows
 * are 1-based data rows or features (a header is not a row; row 0 = the file as a whole). Every
 * valid row loads; bad rows are reported and skipped; nothing is thrown for a bad row. Only an
 * unreadable file throws, as ImportError with one line. Pure: runs in Node (CLI) and a Web Worker.
 */
import Papa from 'papaparse';
import { fieldOfHeader, fromTable, type TableOptions } from '../adapters/from-csv';
import { fromGeoJson, type FeatureCandidate } from '../adapters/from-geojson';
import { readXlsxTable } from '../formats/xlsx';
import type { IoIssue } from '../schemas/issue';
import type { Resource, ResourceKind } from '../schemas/resource';
import { parseCrs, type SourceCrs } from './crs';
import { decodeText, encodingLabel, type TextEncodingName } from './decode-text';
import type { ImportContext } from './geo-checks';
import { readKml } from './read-kml';
import { readZippedShapefile } from './read-shapefile';
import { unneutraliseCell } from './neutralise';

export type ImportFormat = 'csv' | 'xlsx' | 'geojson' | 'kml' | 'shapefile';

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

export interface ImportOptions {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly kind: ResourceKind;
  /** wgs84 (default), cgcs2000, gcj02, bd09, EPSG:4491–4554; a Shapefile's .prj wins unless given */
  readonly crs?: string;
  readonly sheet?: string;
  readonly encoding?: TextEncodingName;
  /** field → column header (or property name), overriding the guesses */
  readonly columns?: Readonly<Record<string, string>>;
  readonly context?: ImportContext;
  /** ISO time for rows without updatedAt (default: now) */
  readonly now?: string;
  /** refuse larger files (default 100 MB) */
  readonly maxBytes?: number;
  /** called as rows are validated (every 2,000 rows and at the end) */
  readonly onProgress?: (done: number, total: number) => void;
}

export type ReportSeverity = 'error' | 'warning' | 'note';

export interface ReportEntry {
  /** 1-based data row or feature; 0 = the file as a whole */
  readonly row: number;
  readonly id?: string;
  readonly field: string;
  readonly value: unknown;
  readonly message: string;
  readonly severity: ReportSeverity;
}

export interface ColumnGuess {
  readonly header: string;
  /** null: not used */
  readonly field: string | null;
}

export interface ImportSummary {
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly kind: ResourceKind;
  /** e.g. "GBK/GB18030 (detected: not valid UTF-8)" (CSV, Shapefile attributes) */
  readonly encoding?: string;
  readonly sheet?: string;
  readonly sheetNames?: readonly string[];
  readonly crs: string;
  readonly columns: readonly ColumnGuess[];
  readonly rowsRead: number;
  readonly rowsValid: number;
  readonly rowsWithErrors: readonly number[];
}

export interface ImportResult {
  readonly resources: Resource[];
  readonly report: ReportEntry[];
  readonly summary: ImportSummary;
}

export const DEFAULT_MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Longest text accepted in one field; a 10 MB name is an accident or an attack. */
export const MAX_TEXT_CHARS = 2000;

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Format from the file name, then from its first bytes. */
export function detectImportFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.xlsx') || name.endsWith('.xlsm')) return 'xlsx';
  if (name.endsWith('.geojson') || name.endsWith('.json')) return 'geojson';
  if (name.endsWith('.kml')) return 'kml';
  if (name.endsWith('.zip') || name.endsWith('.shz')) return 'shapefile';
  if (isZip(bytes)) return new TextDecoder().decode(bytes.subarray(0, 2000)).includes('xl/') ? 'xlsx' : 'shapefile';
  const head = new TextDecoder().decode(bytes.subarray(0, 400)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('<')) return 'kml';
  if (name.endsWith('.xls')) throw new ImportError(`"${fileName}" is an old Excel .xls file: save it as .xlsx or .csv first`);
  throw new ImportError(`cannot tell the format of "${fileName}" (expected .csv, .xlsx, .geojson, .kml or a zipped Shapefile .zip)`);
}

export interface Read {
  candidates: FeatureCandidate[];
  issues: IoIssue[];
  columns: ColumnGuess[];
  crs: SourceCrs;
  encoding?: string;
  sheet?: string;
  sheetNames?: readonly string[];
  notes: string[];
}

function columnFields(header: readonly string[], overrides: Readonly<Record<string, string>> | undefined): (string | null)[] {
  const guessed = header.map((h) => fieldOfHeader(h));
  if (!overrides) return guessed;
  const fields = [...guessed];
  for (const [field, col] of Object.entries(overrides)) {
    const i = header.findIndex((h) => h.trim() === col.trim());
    if (i < 0) throw new ImportError(`--columns: no column named ${JSON.stringify(col)} for ${field} (columns: ${header.map((h) => JSON.stringify(h)).join(', ').slice(0, 300)})`);
    for (let j = 0; j < fields.length; j++) if (fields[j] === field) fields[j] = header[j]!.trim(); // the guess gives way
    fields[i] = field;
  }
  return fields;
}

function readTable(header: readonly string[], rows: readonly string[][], o: ImportOptions, crs: SourceCrs): Pick<Read, 'candidates' | 'issues' | 'columns'> {
  const fields = columnFields(header, o.columns);
  const padded = rows.map((r) => (r.length < header.length ? [...r, ...Array<string>(header.length - r.length).fill('')] : r).map((c) => unneutraliseCell(c)));
  // Coordinates are range-checked after conversion (and with a hint when they look swapped).
  const options: TableOptions = { rowBase: 1, fields, coordinates: 'projected' };
  const { candidates, issues } = fromTable(header, padded, options);
  for (const c of candidates) {
    const ll = c.record?.['lngLat'] as [number, number] | undefined;
    if (ll) c.record!['lngLat'] = crs.toWgs84(ll[0], ll[1]);
  }
  return { candidates, issues, columns: header.map((h, i) => ({ header: h, field: fields[i] ?? null })) };
}

/** GeoJSON-like features: properties renamed by the header aliases, text cells typed, geometry converted to WGS-84. */
function readFeatures(features: readonly unknown[], o: ImportOptions, crs: SourceCrs): Pick<Read, 'candidates' | 'issues' | 'columns'> {
  const converted = features.map((f) => {
    const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    const c = g?.coordinates;
    if (g?.type === 'Point' && Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' && Number.isFinite(c[0]) && Number.isFinite(c[1])) {
      return { ...(f as object), geometry: { type: 'Point', coordinates: crs.toWgs84(c[0], c[1]) } };
    }
    return f;
  });
  const { candidates, issues } = fromGeoJson({ type: 'FeatureCollection', features: converted }, { geometry: 'point', rowBase: 1 });
  const keys = new Set<string>();
  for (const c of candidates) if (c.record) for (const k of Object.keys(c.record)) if (k !== 'lngLat') keys.add(k);
  const header = [...keys];
  const fields = columnFields(header, o.columns);
  const fieldOf = new Map(header.map((h, i) => [h, fields[i] ?? null]));
  for (const c of candidates) {
    if (!c.record) continue;
    const renamed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c.record)) {
      const field = k === 'lngLat' ? k : fieldOf.get(k);
      if (!field) continue;
      const value = v;
      if (typeof value === 'string' && field !== 'lngLat') {
        // text cells (KML ExtendedData, DBF strings) typed as a CSV cell would be
        const typed = fromTable([field, 'lng', 'lat'], [[value, '0', '0']], { rowBase: 1 }).candidates[0]?.record?.[field];
        Object.defineProperty(renamed, field, { value: typed === undefined ? value : typed, enumerable: true, writable: true, configurable: true });
      } else Object.defineProperty(renamed, field, { value, enumerable: true, writable: true, configurable: true });
    }
    const id = renamed['id'];
    if ((typeof id === 'number' && Number.isFinite(id))) renamed['id'] = String(id);
    c.record = renamed;
    if (typeof renamed['id'] === 'string') c.id = renamed['id'];
  }
  return { candidates, issues, columns: header.map((h, i) => ({ header: h, field: fields[i] ?? null })) };
}

/** Reads the file into candidates in WGS-84, with what was detected. @throws ImportError */
export function readSource(o: ImportOptions, format: ImportFormat): Read {
  const given = o.crs ? parseCrs(o.crs) : undefined;
  const wgs = parseCrs('wgs84');
  const notes: string[] = [];
  if (format === 'csv') {
    const decoded = decodeText(o.bytes, o.encoding);
    const crs = given ?? wgs;
    const { header, rows } = splitCsv(decoded.text);
    const t = readTable(header, rows, o, crs);
    if (decoded.otherEncodingLines.length) notes.push(`the file mixes encodings: line(s) ${decoded.otherEncodingLines.slice(0, 10).join(', ')} are UTF-8 in a GBK file; each line was decoded in its own encoding`);
    if (decoded.undecodable) notes.push(`${decoded.undecodable} byte(s) are valid in neither UTF-8 nor GBK and show as �`);
    return { ...t, crs, encoding: encodingLabel(decoded), notes };
  }
  if (format === 'xlsx') {
    let table;
    try {
      table = readXlsxTable(o.bytes, o.sheet);
    } catch (err) {
      throw new ImportError((err as Error).message);
    }
    const crs = given ?? wgs;
    if (table.sheetNames.length > 1 && !o.sheet) notes.push(`the workbook has ${table.sheetNames.length} sheets; read the first, ${JSON.stringify(table.sheetName)} (others: ${table.sheetNames.slice(1).map((s) => JSON.stringify(s)).join(', ')}; choose with --sheet)`);
    return { ...readTable(table.header, table.rows.map((r) => [...r]), o, crs), crs, sheet: table.sheetName, sheetNames: table.sheetNames, notes };
  }
  if (format === 'shapefile') {
    let layer;
    try {
      layer = readZippedShapefile(o.bytes);
    } catch (err) {
      throw new ImportError((err as Error).message);
    }
    const crs = given ?? layer.crs ?? wgs;
    notes.push(...layer.notes);
    if (given && layer.crs) notes.push(`the .prj says ${layer.crs.label}; ${given.label} was asked for and used`);
    return { ...readFeatures(layer.features, o, crs), crs, encoding: layer.encoding, notes };
  }
  const decoded = decodeText(o.bytes, o.encoding ?? 'utf-8');
  if (format === 'kml') {
    let features;
    try {
      features = readKml(decoded.text);
    } catch (err) {
      throw new ImportError((err as Error).message);
    }
    return { ...readFeatures(features, o, given ?? wgs), crs: given ?? wgs, notes };
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (err) {
    throw new ImportError(`not valid JSON: ${(err as Error).message.slice(0, 200)}`);
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (fc === null || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new ImportError('not a GeoJSON FeatureCollection (expected {"type":"FeatureCollection","features":[…]})');
  }
  return { ...readFeatures(fc.features as unknown[], o, given ?? wgs), crs: given ?? wgs, notes };
}

function splitCsv(text: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}
