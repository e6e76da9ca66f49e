import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Resource, Shelter } from '../../src/io';
import { exportResources, resourcesToCsv } from '../../src/io/export/export-resources';
import { importResources, ImportError, type ImportContext } from '../../src/io/import/import-resources';
import { neutraliseCell, unneutraliseCell } from '../../src/io/import/neutralise';
import { haversineMeters } from '../../src/io/import/geo-checks';
import { REPO_ROOT } from '../helpers/shared-reference';

const FIX = join(REPO_ROOT, 'tests/fixtures/import');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));
const NOW = '2026-12-01T00:00:00.000Z';
const townships = JSON.parse(readFileSync(join(REPO_ROOT, 'data/taishun/townships.geojson'), 'utf8')).features.map((f: { properties: { id: string; name: string }; geometry: never }) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry }));
const county = JSON.parse(readFileSync(join(REPO_ROOT, 'data/taishun/county.geojson'), 'utf8')).features[0].geometry;
const CTX: ImportContext = { areaName: '泰顺县', county, townships };
const run = (name: string, extra: Partial<Parameters<typeof importResources>[0]> = {}) => importResources({ fileName: name, bytes: bytes(name), kind: 'shelter', now: NOW, context: CTX, ...extra });

describe('import: every format lands in the app schema; bad rows reported by row, field and value', () => {
  it('GBK CSV with three bad rows: GBK detected and said, the 17 others load, the three are named', () => {
    const r = run('shelters-gbk.csv');
    expect(r.summary.encoding).toBe('GBK/GB18030 (detected: not valid UTF-8)');
    expect(r.resources).toHaveLength(17);
    expect(r.summary.rowsWithErrors).toEqual([5, 10, 15]);
    const errors = r.report.filter((e) => e.severity === 'error');
    expect(errors.map((e) => [e.row, e.field, e.value])).toEqual([[5, 'lngLat', ['东经119度', '27.665116']], [10, 'occupancy', 155], [15, 'name', undefined]]);
    expect(errors[0]!.message).toBe('row 5 (id "BZ005"), field "lngLat" = ["东经119度","27.665116"]: longitude "东经119度" is not a number');
    // empty 已安置 is 0 with a note, not an error; the script name stays text
    expect(r.report.filter((e) => e.severity === 'note' && e.field === 'occupancy').map((e) => e.row)).toEqual([1, 4, 7, 13, 16, 19]);
    expect(r.resources.find((x) => x.id === 'BZ001')).toMatchObject({ occupancy: 0, kind: 'shelter', township: 'T01' });
    expect(r.resources.find((x) => x.id === 'BZ003')!.name).toBe('<img src=x onerror=alert(1)>');
    expect(r.summary.columns.map((c) => c.field)).toEqual(['id', 'name', 'lng', 'lat', 'capacity', 'occupancy', 'phone', 'kind', 'address']);
  });

  it('the same file forced to UTF-8 is mojibake, not a crash; UTF-8 with BOM is detected as such', () => {
    const forced = run('shelters-gbk.csv', { encoding: 'utf-8' });
    expect(forced.summary.encoding).toBe('UTF-8 (as asked)');
    const bom = run('shelters-gcj02.csv');
    expect(bom.summary.encoding).toBe('UTF-8 with BOM (detected)');
  });

  it('XLSX: the formula cell with a cached value gives it; the one without gives its formula text, reported, never evaluated', () => {
    const r = run('shelters.xlsx');
    expect(r.summary.sheet).toBe('避灾安置场所');
    expect(r.resources).toHaveLength(16);
    expect((r.resources.find((x) => x.id === "BZ006") as Shelter).capacity).toBeGreaterThan(0);
    const formula = r.report.find((e) => e.row === 8 && e.severity === 'error')!;
    expect(formula).toMatchObject({ field: 'capacity', value: '=SUM(E2:E3)' });
    expect(formula.message).toContain('a formula without a cached value (formulas are never evaluated)');
    expect(() => run('shelters.xlsx', { sheet: 'Sheet9' })).toThrow('no sheet named "Sheet9" (sheets: "避灾安置场所", "说明")');
  });

  it('zipped Shapefile in CGCS2000 Gauss–Krüger (.prj) with GBK attributes (.cpg) lands within 1 m of where it should', () => {
    const r = run('shelters-gk.zip');
    const expected = JSON.parse(readFileSync(join(FIX, 'shelters-gk.expected.json'), 'utf8')) as Array<{ id: string; name: string; capacity: number; lngLat: [number, number] }>;
    expect(r.summary.crs).toBe('CGCS2000_3_Degree_GK_CM_120E (from .prj)');
    expect(r.summary.encoding).toMatch(/^GBK\/GB18030 \(from \.cpg/);
    expect(r.resources.map((x) => [x.id, x.name, (x as Shelter).capacity])).toEqual(expected.map((e) => [e.id, e.name, e.capacity]));
    r.resources.forEach((x, i) => expect(haversineMeters(x.lngLat, expected[i]!.lngLat)).toBeLessThan(1));
  });

  it('KML placemarks with ExtendedData', () => {
    const r = run('shelters.kml');
    expect(r.resources.map((x) => x.id)).toEqual(['KML1', 'KML2', 'KML3', 'KML4', 'KML5']);
  });

  it('GCJ-02 coordinates read as WGS-84 are warned about (with road points), and land right with --crs gcj02', () => {
    const roads = JSON.parse(readFileSync(join(REPO_ROOT, 'data/taishun/roads.geojson'), 'utf8')).features.flatMap((f: { geometry: { type: string; coordinates: never } }) => (f.geometry.type === 'LineString' ? f.geometry.coordinates : (f.geometry.coordinates as never[]).flat()));
    const ctx = { ...CTX, referencePoints: roads };
    const asIs = run('shelters-gcj02.csv', { context: ctx });
    expect(asIs.report.some((e) => e.severity === 'warning' && e.message.includes('look like GCJ-02'))).toBe(true);
    const fixed = run('shelters-gcj02.csv', { context: ctx, crs: 'gcj02' });
    expect(fixed.report.some((e) => e.message.includes('look like GCJ-02'))).toBe(false);
    const demo = JSON.parse(readFileSync(join(REPO_ROOT, 'data/taishun/resources/shelters.geojson'), 'utf8')).features;
    fixed.resources.forEach((x, i) => expect(haversineMeters(x.lngLat, demo[i].geometry.coordinates)).toBeLessThan(2));
  });

  it('swapped columns are named as such; outside-the-county points are warnings on rows that still load; same name within 50 m is flagged', () => {
    const csv = 'id,name,lng,lat,capacity\nA,甲,27.56,119.72,10\nB,乙,121.5,31.2,10\nC,丙,119.72,27.56,10\nD,丙,119.7202,27.5601,10\nE,丁,472347.6,3049714.0,10\n';
    const r = importResources({ fileName: 'x.csv', bytes: new TextEncoder().encode(csv), kind: 'shelter', now: NOW, context: CTX });
    expect(r.resources.map((x) => x.id)).toEqual(['B', 'C', 'D']);
    expect(r.report.filter((e) => e.severity !== 'note').map((e) => [e.row, e.severity, e.message.split(': ').slice(1).join(': ')])).toEqual([
      [1, 'error', 'not a [longitude, latitude] in degrees; with the two swapped it is inside 泰顺县: check which column is which'],
      [5, 'error', 'not a [longitude, latitude] in degrees (projected metres? give the CRS, e.g. --crs EPSG:4549)'],
      [2, 'warning', 'outside 泰顺县'],
      [4, 'warning', 'same name as row 3 (id "C") 23 m away: a duplicate?'],
    ]);
    const gk = importResources({ fileName: 'x.csv', bytes: new TextEncoder().encode('id,name,x,y,capacity\nE,丁,472347.556,3049714.007,10\n'), kind: 'shelter', now: NOW, context: CTX, crs: 'EPSG:4549' });
    expect(haversineMeters(gk.resources[0]!.lngLat, [119.72, 27.56])).toBeLessThan(0.01);
  });

  it('hostile cells: __proto__ columns ignored, 10 MB strings refused per row, nothing polluted', () => {
    const csv = `id,name,lng,lat,capacity,__proto__,constructor\nA,${'x'.repeat(10 * 1024 * 1024)},119.72,27.56,10,{"polluted":1},y\nB,ok,119.72,27.56,10,{"polluted":1},y\n`;
    const r = importResources({ fileName: 'x.csv', bytes: new TextEncoder().encode(csv), kind: 'shelter', now: NOW });
    expect(r.resources.map((x) => x.id)).toEqual(['B']);
    expect(r.report.find((e) => e.row === 1)!.message).toMatch(/field "name" = "x{120}…": text of 10485760 characters, over the 2000 allowed/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(r.summary.columns.filter((c) => c.field === null).map((c) => c.header)).toEqual(['__proto__', 'constructor']);
  });

  it('a zip bomb is refused before inflating; unreadable files are one ImportError line', () => {
    const bomb = zipSync({ 'a.shp': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(() => importResources({ fileName: 'bomb.zip', bytes: bomb, kind: 'shelter' })).toThrow(/would inflate \d+ bytes to 20971520 \(over 200:1\): refused as a zip bomb/);
    expect(() => importResources({ fileName: 'x.geojson', bytes: new TextEncoder().encode('{"type":"Feature"}'), kind: 'shelter' })).toThrow(ImportError);
    expect(() => importResources({ fileName: 'x.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), kind: 'shelter' })).toThrow('old Excel .xls file');
  }, 30_000);
});

describe('export: formula-leading cells neutralised; import(export(x)) equals x', () => {
  it('neutralise/unneutralise is a bijection on strings', () => {
    fc.assert(fc.property(fc.string(), (s) => unneutraliseCell(neutraliseCell(s)) === s), { seed: 9 });
    expect(neutraliseCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutraliseCell('+86 577')).toBe("'+86 577");
    expect(neutraliseCell('罗阳镇')).toBe('罗阳镇');
  });

  it('an exported CSV cell never starts a formula', () => {
    const s: Shelter = { id: 'X', kind: 'shelter', name: '=cmd|"/c calc"!A0', township: 'T01', status: 'active', updatedAt: NOW, lngLat: [119.7, 27.5], capacity: 1, occupancy: 0, open: true, typhoonSafe: false, level: 'village' };
    const csv = resourcesToCsv([s]);
    expect(csv).toContain(',"\'=cmd|""/c calc""!A0",');
  });

  const text = fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('=1+1', '+86 577', '-3', '@SUM(A1)', "'=x", '"quoted", comma', '第一\n第二', '<img src=x onerror=alert(1)>'))
    .filter((s) => s.trim() === s && s.trim() !== '');
  const shelter = fc.record({
    id: text, name: text, nameEn: fc.option(text, { nil: undefined }), township: fc.constantFrom('T01', 'T05'),
    status: fc.constantFrom('active' as const, 'inactive' as const, 'maintenance' as const),
    updatedAt: fc.constantFrom('2024-10-07T15:20:09.000Z', '2026-12-01T08:00:00+08:00'),
    lngLat: fc.tuple(fc.double({ min: 119.3, max: 120.1, noNaN: true }), fc.double({ min: 27.3, max: 27.8, noNaN: true })),
    capacity: fc.integer({ min: 1, max: 5000 }), open: fc.boolean(), typhoonSafe: fc.boolean(),
    level: fc.constantFrom('county' as const, 'township' as const, 'village' as const), address: fc.option(text, { nil: undefined }),
  }).chain((s) => fc.integer({ min: 0, max: s.capacity }).map((occupancy) => {
    const out: Record<string, unknown> = { ...s, kind: 'shelter', occupancy };
    for (const k of ['nameEn', 'address']) if (out[k] === undefined) delete out[k];
    return out as Shelter;
  }));

  it.each(['geojson', 'csv', 'xlsx'] as const)('%s round trip (property, seeded)', (format) => {
    fc.assert(fc.property(fc.uniqueArray(shelter, { minLength: 1, maxLength: 8, selector: (s) => s.id }), (shelters) => {
      const back = importResources({ fileName: `x.${format}`, bytes: exportResources(shelters, format), kind: 'shelter', now: NOW });
      expect(back.report.filter((e) => e.severity === 'error')).toEqual([]);
      expect(back.resources).toEqual(shelters as Resource[]);
    }), { seed: 42, numRuns: format === 'xlsx' ? 40 : 100 });
  });
});
