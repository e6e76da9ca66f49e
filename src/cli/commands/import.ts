import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { isResourceKind, RESOURCE_KINDS } from '../../io';
import { exportResources, importResources, ImportError, type ExportFormat, type ImportContext, type ReportEntry } from '../../io/import-export';
import { parseOptions, usage, type OptionSpec } from '../args';
import { CliError } from '../cli-error';
import { readBytes } from '../read-inputs';
import { writeJson, writeOutputFile, type CommandResult } from '../write-output';

const SPEC = {
  kind: { type: 'string', required: true, help: `resource kind of every row: ${RESOURCE_KINDS.join(', ')}` },
  crs: { type: 'string', help: 'source coordinates: wgs84 (default), cgcs2000, gcj02 (Amap), bd09 (Baidu), EPSG:4491–4554 (CGCS2000 Gauss–Krüger); a Shapefile .prj is used when not given' },
  sheet: { type: 'string', help: 'XLSX sheet name (default: the first)' },
  encoding: { type: 'string', help: 'CSV text encoding: utf-8 or gbk (default: detected)' },
  columns: { type: 'string', help: 'field=column pairs overriding the guesses, e.g. name=单位名称,lng=东经' },
  area: { type: 'string', input: true, help: 'folder with county.geojson, townships.geojson, roads.geojson for the checks (default data/taishun when present)' },
  out: { type: 'string', required: true, output: true, help: 'output: .geojson (default), .csv or .xlsx of the valid rows in the app schema' },
  report: { type: 'string', output: true, help: 'report JSON: [{row, field, value, message, severity}…], row 1-based (0 = the file)' },
} satisfies OptionSpec;

export const IMPORT_USAGE = usage('import FILE', 'Import a CSV, XLSX, GeoJSON, KML or zipped Shapefile of resources; report bad rows by row, field and value.', SPEC);

function readArea(dir: string): ImportContext {
  const json = (name: string) => {
    const p = join(dir, name);
    return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { features: Array<{ properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }> }) : null;
  };
  try {
    const county = json('county.geojson')?.features[0]?.geometry as Polygon | MultiPolygon | undefined;
    const townships = json('townships.geojson')?.features.map((f) => ({ id: String(f.properties.id), name: String(f.properties.name), ...(typeof f.properties.nameEn === 'string' ? { nameEn: f.properties.nameEn } : {}), geometry: f.geometry as Polygon | MultiPolygon }));
    const referencePoints: Array<[number, number]> = [];
    for (const f of json('roads.geojson')?.features ?? []) {
      const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? (f.geometry.coordinates as unknown[]) : [];
      for (const line of lines as Array<Array<[number, number]>>) for (const p of line) referencePoints.push(p);
    }
    const name = county ? String(json('county.geojson')?.features[0]?.properties.name ?? basename(dir)) : basename(dir);
    return { areaName: name, ...(county ? { county } : {}), ...(townships ? { townships } : {}), ...(referencePoints.length ? { referencePoints } : {}) };
  } catch (err) {
    throw new CliError(`--area "${dir}": cannot read its GeoJSON: ${(err as Error).message.slice(0, 200)}`);
  }
}

function parseColumns(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of text.split(',')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*(.+?)\s*$/.exec(pair);
    if (!m) throw new CliError(`--columns must be field=column pairs separated by commas (e.g. name=单位名称,lng=东经), got ${JSON.stringify(pair.slice(0, 60))}`);
    out[m[1]!] = m[2]!;
  }
  return out;
}

const FORMAT_OF_OUT = (path: string): ExportFormat => (/\.csv$/i.test(path) ? 'csv' : /\.xlsx$/i.test(path) ? 'xlsx' : 'geojson');

/**
 * `import FILE --kind K --out OUT`: writes the valid rows, the report when asked; exit 0 when at
 * least one row is valid, 2 when none or the file is unreadable (one line).
 */
export function runImport(argv: string[]): CommandResult {
  const o = parseOptions('import', argv, SPEC, 1);
  if (o.help) return { stdout: IMPORT_USAGE };
  const file = o.positionals[0];
  if (!file) throw new CliError('import: give the FILE to import (see: npm run onemap -- import --help)');
  if (!isResourceKind(o.kind)) throw new CliError(`import: --kind must be one of ${RESOURCE_KINDS.join(', ')}, got ${JSON.stringify(String(o.kind).slice(0, 40))}`);
  if (o.encoding && !['utf-8', 'utf8', 'gbk', 'gb18030'].includes(o.encoding.toLowerCase())) throw new CliError(`import: --encoding must be utf-8 or gbk, got ${JSON.stringify(o.encoding.slice(0, 40))}`);
  const encoding = o.encoding ? (o.encoding.toLowerCase().startsWith('utf') ? 'utf-8' : 'gb18030') : undefined;
  const areaDir = o.area ?? (existsSync('data/taishun/townships.geojson') ? 'data/taishun' : undefined);
  const context = areaDir ? readArea(areaDir) : undefined;
  const bytes = readBytes(file, 'the input');
  let result;
  try {
    result = importResources({ fileName: basename(file), bytes, kind: o.kind, ...(o.crs ? { crs: o.crs } : {}), ...(o.sheet ? { sheet: o.sheet } : {}), ...(encoding ? { encoding } : {}), ...(o.columns ? { columns: parseColumns(o.columns) } : {}), ...(context ? { context } : {}) });
  } catch (err) {
    if (err instanceof ImportError) {
      if (o.report) writeJson(o.report, [{ row: 0, field: '(file)', value: null, message: err.message, severity: 'error' } satisfies ReportEntry], '--report');
      throw new CliError(`import "${file}": ${err.message}`);
    }
    throw err;
  }
  const { summary, report } = result;
  if (o.report) writeJson(o.report, report, '--report');
  const errors = report.filter((r) => r.severity === 'error'), warnings = report.filter((r) => r.severity === 'warning');
  if (result.resources.length === 0) {
    const first = errors[0]?.message ?? 'no rows';
    throw new CliError(`import "${file}": no valid row of ${summary.rowsRead} (${first})${o.report ? `; report: ${o.report}` : ''}`);
  }
  writeOutputFile(o.out!, exportResources(result.resources, FORMAT_OF_OUT(o.out!)));
  const bad = summary.rowsWithErrors;
  const how = [summary.format.toUpperCase(), summary.encoding, summary.sheet ? `sheet ${JSON.stringify(summary.sheet)}` : undefined, summary.crs].filter(Boolean).join(', ');
  return {
    stdout: `imported ${summary.rowsValid} of ${summary.rowsRead} ${o.kind} rows from ${file} (${how}) to ${o.out}` +
      `${bad.length ? `; ${bad.length} row(s) with errors: ${bad.slice(0, 12).join(', ')}${bad.length > 12 ? ', …' : ''}` : ''}` +
      `${warnings.length ? `; ${warnings.length} warning(s)` : ''}${o.report ? `; report: ${o.report}` : ''}\n`,
  };
}
