/**
 * Export resources as GeoJSON (the app's schema: Point features, properties = the resource less
 * `lngLat`), CSV (UTF-8 with BOM, so Excel reads Chinese) and XLSX. Text cells that start like a
 * formula are neutralised (see neutralise.ts); `importResources` undoes it, so importing an export
 * gives the same resources.
 */
import Papa from 'papaparse';
import { writeXlsxTable, type XlsxCell } from '../formats/xlsx';
import { neutraliseCell } from '../import/neutralise';
import type { Resource } from '../schemas/resource';

export type ExportFormat = 'geojson' | 'csv' | 'xlsx';

/** Column order of tables: common fields first, then each kind's, then stream/stock. */
const COLUMN_ORDER = [
  'id', 'kind', 'name', 'nameEn', 'township', 'status', 'updatedAt', 'lng', 'lat',
  'capacity', 'occupancy', 'open', 'typhoonSafe', 'level', 'address',
  'category', 'specialty', 'members', 'vehicles', 'phone', 'fullTime', 'staff',
  'cameraType', 'streamProtocol', 'streamUrl', 'siteId', 'stock', 'synthetic',
];

export function resourcesToGeoJson(resources: readonly Resource[]): { type: 'FeatureCollection'; features: unknown[] } {
  return {
    type: 'FeatureCollection',
    features: resources.map((r) => {
      const { lngLat, ...properties } = r;
      return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lngLat[0], lngLat[1]] } };
    }),
  };
}

/** One flat row per resource: lng/lat columns, stream split, stock as JSON text. */
function flatRow(r: Resource): Map<string, XlsxCell> {
  const row = new Map<string, XlsxCell>();
  for (const [k, v] of Object.entries(r)) {
    if (k === 'lngLat') {
      row.set('lng', r.lngLat[0]);
      row.set('lat', r.lngLat[1]);
    } else if (k === 'stream' && v && typeof v === 'object') {
      const s = v as { protocol: string; url: string };
      row.set('streamProtocol', s.protocol);
      row.set('streamUrl', s.url);
    } else if (k === 'stock') row.set('stock', JSON.stringify(v));
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') row.set(k, v);
  }
  return row;
}

/** Header + rows (cells neutralised) for CSV and XLSX. */
export function resourcesToTable(resources: readonly Resource[]): XlsxCell[][] {
  const rows = resources.map(flatRow);
  const present = new Set(rows.flatMap((r) => [...r.keys()]));
  const header = [...COLUMN_ORDER.filter((c) => present.has(c)), ...[...present].filter((c) => !COLUMN_ORDER.includes(c)).sort()];
  return [
    header,
    ...rows.map((r) => header.map((h) => {
      const v = r.get(h);
      if (v === undefined || v === null) return null;
      return typeof v === 'string' ? neutraliseCell(v) : v;
    })),
  ];
}

export function resourcesToCsv(resources: readonly Resource[]): string {
  const table = resourcesToTable(resources).map((r) => r.map((c) => (c === null ? '' : String(c))));
  return `\uFEFF${Papa.unparse(table, { newline: '\r\n', escapeFormulae: false })}\r\n`;
}

export function resourcesToXlsx(resources: readonly Resource[], sheetName = 'OneMap'): Uint8Array {
  return writeXlsxTable(resourcesToTable(resources), sheetName);
}

/** The bytes of an export in the given format. */
export function exportResources(resources: readonly Resource[], format: ExportFormat): Uint8Array {
  if (format === 'xlsx') return resourcesToXlsx(resources);
  const text = format === 'csv' ? resourcesToCsv(resources) : `${JSON.stringify(resourcesToGeoJson(resources))}\n`;
  return new TextEncoder().encode(text);
}

export const EXPORT_MIME: Readonly<Record<ExportFormat, string>> = {
  geojson: 'application/geo+json',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
