/**
 * Bring-your-own-data import: one file (CSV, XLSX, GeoJSON, KML, zipped Shapefile) of one resource
 * kind → validated resources in the app's schema + a report of {row, field, value, message}. Rows
 * are 1-based data rows or features (a header is not a row; row 0 = the file as a whole). Every
 * valid row loads; bad rows are reported and skipped; nothing is thrown for a bad row. Only an
 * unreadable file throws, as ImportError with one line. Pure: runs in Node (CLI) and a Web Worker.
 */
import { validateCandidates } from '../adapters/validate';
import { makeIoIssue, type IoIssue } from '../schemas/issue';
import { isResourceKind, ResourceSchema, type Resource, type ResourceKind } from '../schemas/resource';
import { CrsError } from './crs';
import { haversineMeters, insideCounty, looksLikeGcj02, townshipAt, type ImportContext } from './geo-checks';
import {
  DEFAULT_MAX_IMPORT_BYTES, detectImportFormat, ImportError, MAX_TEXT_CHARS, readSource,
  type ImportOptions, type ImportResult, type ReportEntry, type ReportSeverity,
} from './read-source';

export { detectImportFormat, ImportError } from './read-source';
export type { ImportOptions, ImportResult, ReportEntry, ImportSummary, ImportFormat, ColumnGuess } from './read-source';
export type { ImportContext } from './geo-checks';

/** Values taken when a column is absent or a cell empty, per kind (said in the report). */
const DEFAULTS: Readonly<Record<ResourceKind, ReadonlyArray<readonly [field: string, value: unknown, why: string]>>> = {
  shelter: [['occupancy', 0, 'empty occupancy means nobody sheltered yet: 0'], ['open', false, 'not marked open: taken as closed (edit it in the shelter panel)'], ['typhoonSafe', false, 'not marked typhoon-safe: taken as no'], ['level', 'village', 'no level: taken as village']],
  rescue_team: [['phone', '', 'no phone'], ['vehicles', 0, 'no vehicle count: 0']],
  fire_station: [['phone', '', 'no phone']],
  depot: [['stock', [], 'no stock list: empty']],
  camera: [],
};

/** Report form of an issue: row 0 for the file; zod's "expected X, received undefined" said plainly. */
const entry = (i: IoIssue, severity: ReportSeverity = i.severity): ReportEntry => ({
  row: Math.max(0, i.row), ...(i.id !== undefined ? { id: i.id } : {}), field: i.field, value: i.value,
  message: i.message.replace(/^input,/, 'file,').replace(/Invalid input: expected \w+, received undefined$/, 'required, but the column is absent or the cell empty')
    .replace(/Invalid input: expected number, received string$/, typeof i.value === 'string' && i.value.startsWith('=') ? 'a formula without a cached value (formulas are never evaluated): expected a number' : 'expected a number'),
  severity,
});

const note = (row: number, id: string | undefined, field: string, value: unknown, problem: string): ReportEntry => ({
  ...entry(makeIoIssue({ row: row === 0 ? -1 : row, id, field, value, problem, severity: 'warning' })), severity: 'note',
});

export function importResources(o: ImportOptions): ImportResult {
  const maxBytes = o.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (o.bytes.length > maxBytes) throw new ImportError(`the file is ${(o.bytes.length / 2 ** 20).toFixed(1)} MB, over the ${Math.round(maxBytes / 2 ** 20)} MB import limit`);
  if (o.bytes.length === 0) throw new ImportError('the file is empty');
  const format = detectImportFormat(o.fileName, o.bytes);
  let src;
  try {
    src = readSource(o, format);
  } catch (err) {
    if (err instanceof CrsError || err instanceof ImportError) throw new ImportError(err.message);
    throw err;
  }
  const ctx: ImportContext = o.context ?? {};
  const now = o.now ?? new Date().toISOString();
  const report: ReportEntry[] = src.notes.map((n) => note(0, undefined, '(file)', null, n));
  const defaultCounts = new Map<string, number>();
  const townshipByName = new Map<string, string>();
  for (const t of ctx.townships ?? []) {
    townshipByName.set(t.name, t.id);
    if (t.nameEn) townshipByName.set(t.nameEn.toLowerCase(), t.id);
  }
  const rowNotes: ReportEntry[] = [];
  let seen = 0;
  const total = src.candidates.length;
  const validated = validateCandidates(src.candidates, ResourceSchema, (record, c) => {
    if (o.onProgress && ++seen % 2000 === 0) o.onProgress(seen, total);
    for (const [k, v] of Object.entries(record)) {
      if (typeof v === 'string' && v.length > MAX_TEXT_CHARS) {
        return makeIoIssue({ row: c.row, id: c.id, field: k, value: v, problem: `text of ${v.length} characters, over the ${MAX_TEXT_CHARS} allowed; row skipped` });
      }
    }
    if (record['kind'] === undefined) record['kind'] = o.kind;
    else if (!isResourceKind(record['kind'])) {
      // a sheet's own 类型 (school, gym …) is not the resource kind: kept out, said once
      const what = `a resource kind (their "kind"/类型 values such as 学校 are not one; taken as ${o.kind})`;
      defaultCounts.set(what, (defaultCounts.get(what) ?? 0) + 1);
      record['kind'] = o.kind;
    } else if (record['kind'] !== o.kind) return makeIoIssue({ row: c.row, id: c.id, field: 'kind', value: record['kind'], problem: `expected kind "${o.kind}" in this import` });
    const [lng, lat] = record['lngLat'] as [number, number];
    if (!(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) {
      const swapped = Math.abs(lat) <= 180 && Math.abs(lng) <= 90 && insideCounty(ctx, lat, lng) !== false;
      return makeIoIssue({
        row: c.row, id: c.id, field: 'lngLat', value: [lng, lat],
        problem: swapped ? `not a [longitude, latitude] in degrees; with the two swapped it is ${insideCounty(ctx, lat, lng) ? `inside ${ctx.areaName ?? 'the county'}` : 'valid'}: check which column is which`
          : `not a [longitude, latitude] in degrees${src.crs.projected ? ` after conversion from ${src.crs.label}` : ' (projected metres? give the CRS, e.g. --crs EPSG:4549)'}`,
      });
    }
    if (record['township'] === undefined) {
      const t = Number.isFinite(lng) ? townshipAt(ctx, lng, lat) : undefined;
      record['township'] = t?.id ?? 'outside';
      defaultCounts.set(t ? 'township (from the location)' : 'township ("outside": in no township)', (defaultCounts.get(t ? 'township (from the location)' : 'township ("outside": in no township)') ?? 0) + 1);
    } else if (typeof record['township'] === 'string' && townshipByName.has(record['township']) ) {
      record['township'] = townshipByName.get(record['township']);
    }
    if (record['status'] === undefined) { record['status'] = 'active'; defaultCounts.set('status (active)', (defaultCounts.get('status (active)') ?? 0) + 1); }
    if (record['updatedAt'] === undefined) { record['updatedAt'] = now; defaultCounts.set(`updatedAt (the import time, ${now})`, (defaultCounts.get(`updatedAt (the import time, ${now})`) ?? 0) + 1); }
    else if (typeof record['updatedAt'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(record['updatedAt'])) record['updatedAt'] = `${record['updatedAt']}T00:00:00+08:00`;
    for (const [field, value, why] of DEFAULTS[o.kind]) {
      if (record[field] !== undefined) continue;
      record[field] = value;
      if (field === 'occupancy') rowNotes.push(note(c.row, c.id, field, '', why));
      else defaultCounts.set(`${field}: ${why}`, (defaultCounts.get(`${field}: ${why}`) ?? 0) + 1);
    }
    return null;
  });
  o.onProgress?.(total, total);
  for (const [what, n] of defaultCounts) report.push(note(0, undefined, '(defaults)', n, `${n} row(s) without ${what}`));
  // Issues in row order, notes beside them.
  const all = [...src.issues.map((i) => entry(i)), ...validated.issues.map((i) => entry(i)), ...rowNotes].sort((a, b) => a.row - b.row);
  if (src.candidates.length === 0 && !src.issues.some((i) => i.severity === 'error')) {
    all.push(entry(makeIoIssue({ row: -1, field: '(rows)', value: 0, problem: format === 'csv' || format === 'xlsx' ? 'a header but no data rows' : 'no features' })));
  }
  report.push(...all);
  const resources = validated.items.map((i) => i.value as Resource);
  const rows = validated.items.map((i) => i.row);
  report.push(...plausibility(resources, rows, ctx, src.crs.label));
  const errorRows = [...new Set(report.filter((r) => r.severity === 'error' && r.row > 0).map((r) => r.row))].sort((a, b) => a - b);
  return {
    resources,
    report,
    summary: {
      fileName: o.fileName, format, kind: o.kind, crs: src.crs.label, columns: src.columns,
      ...(src.encoding ? { encoding: src.encoding } : {}),
      ...(src.sheet ? { sheet: src.sheet, sheetNames: src.sheetNames } : {}),
      rowsRead: src.candidates.length, rowsValid: resources.length, rowsWithErrors: errorRows,
    },
  };
}

/** Warnings on valid rows: outside the county, swapped-looking, GCJ-02-looking, duplicates by name within 50 m. */
function plausibility(resources: readonly Resource[], rows: readonly number[], ctx: ImportContext, crsLabel: string): ReportEntry[] {
  const out: ReportEntry[] = [];
  const warn = (row: number, id: string | undefined, field: string, value: unknown, problem: string) => out.push(entry(makeIoIssue({ row, id, field, value, problem, severity: 'warning' })));
  const area = ctx.areaName ?? 'the county';
  resources.forEach((r, i) => {
    const [lng, lat] = r.lngLat;
    if (insideCounty(ctx, lng, lat) === false) {
      if (insideCounty(ctx, lat, lng)) warn(rows[i]!, r.id, 'lngLat', r.lngLat, `outside ${area}, but inside it with longitude and latitude swapped: check the columns`);
      else warn(rows[i]!, r.id, 'lngLat', r.lngLat, `outside ${area}`);
    }
  });
  if (crsLabel.startsWith('WGS-84')) {
    const gcj = looksLikeGcj02(ctx, resources.map((r) => r.lngLat));
    if (gcj) out.push(entry(makeIoIssue({ row: -1, field: 'lngLat', value: null, severity: 'warning', problem: `the points look like GCJ-02 (Amap/Tencent) coordinates read as WGS-84: median ${gcj.asIsMeters} m from the nearest road point as they are, ${gcj.correctedMeters} m if converted from GCJ-02; if they were copied from Amap, import again with --crs gcj02` })));
  }
  // same name within 50 m: a grid of ~50 m cells, neighbours checked
  const cell = (x: number) => Math.floor(x / 0.0005);
  const byCell = new Map<string, number[]>();
  resources.forEach((r, i) => {
    const key = `${cell(r.lngLat[0])},${cell(r.lngLat[1])}`;
    let list = byCell.get(key);
    if (!list) byCell.set(key, (list = []));
    list.push(i);
  });
  resources.forEach((r, i) => {
    const cx = cell(r.lngLat[0]), cy = cell(r.lngLat[1]);
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
      for (const j of byCell.get(`${cx + dx},${cy + dy}`) ?? []) {
        if (j >= i || resources[j]!.name !== r.name) continue;
        const d = haversineMeters(r.lngLat, resources[j]!.lngLat);
        if (d <= 50) warn(rows[i]!, r.id, 'name', r.name, `same name as row ${rows[j]} (id ${JSON.stringify(resources[j]!.id)}) ${Math.round(d)} m away: a duplicate?`);
      }
    }
  });
  return out;
}
