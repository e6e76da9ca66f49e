/**
 * Writes tests/fixtures/import/: bureau-style files of synthetic (示意) Taishun shelters in every
 * import format, deterministic (`npx tsx scripts/import-fixtures/make-import-fixtures.ts`). The
 * shelter positions are those of the demo data (data/taishun, itself synthetic).
 *  - shelters-gbk.csv: GBK, Chinese headers, 20 rows of which exactly 3 are bad, empty 已安置 cells
 *  - shelters.xlsx: the same rows, a formula cell with a cached value and one without
 *  - shelters-gk.zip: a Shapefile in CGCS2000 3-degree Gauss–Krüger CM 120E (.prj), GBK attributes (.cpg)
 *  - shelters.kml, shelters-gcj02.csv (UTF-8 with BOM, coordinates shifted to GCJ-02)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { utils, write } from '@e965/xlsx';
import { zipSync } from 'fflate';
import gcoord from 'gcoord';
import proj4 from 'proj4';

const OUT = 'tests/fixtures/import';
mkdirSync(OUT, { recursive: true });
const demo = JSON.parse(readFileSync('data/taishun/resources/shelters.geojson', 'utf8')) as { features: Array<{ properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }> };
const picked = demo.features.slice(0, 20);

/** GBK bytes of text (TextEncoder only writes UTF-8): a reverse table of the gb18030 decoder. */
function gbkEncode(text: string): Uint8Array {
  const dec = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) {
    if (b === 0x7f) continue;
    const ch = dec.decode(new Uint8Array([a, b]));
    if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

const HEADER = ['编号', '名称', '经度', '纬度', '容量', '已安置', '电话', '类型', '地址'];
const rows: string[][] = picked.map((f, i) => {
  const p = f.properties;
  const [lng, lat] = f.geometry.coordinates;
  return [`BZ${String(i + 1).padStart(3, '0')}`, String(p.name), lng.toFixed(6), lat.toFixed(6), String(p.capacity), i % 3 === 0 ? '' : String(Math.min(Number(p.capacity), 5 + i)), i % 4 === 0 ? '' : `0577-6758${String(1000 + i)}`, i % 2 ? '学校' : '礼堂', String(p.address ?? '')];
});
rows[2]![1] = '<img src=x onerror=alert(1)>';
// exactly three bad rows: a longitude that is text, occupancy over capacity, no name
rows[4]![2] = '东经119度';
rows[9]![5] = String(Number(rows[9]![4]) + 50);
rows[14]![1] = '';
const csvLine = (cells: readonly string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
const csvText = [HEADER, ...rows].map(csvLine).join('\r\n') + '\r\n';
writeFileSync(join(OUT, 'shelters-gbk.csv'), gbkEncode(csvText));

// XLSX: numbers as numbers; row 6's capacity a formula with its cached value, row 8's a formula without one.
const aoa: unknown[][] = [HEADER, ...rows.map((r) => r.map((c, j) => (j >= 2 && j <= 5 && c !== '' && Number.isFinite(Number(c)) ? Number(c) : c)))];
const ws = utils.aoa_to_sheet(aoa);
ws['E7'] = { t: 'n', v: Number(rows[5]![4]), f: `${rows[5]![4]}*1` };
ws['E9'] = { t: 'n', f: 'SUM(E2:E3)' } as never;
const wb = utils.book_new();
utils.book_append_sheet(wb, ws, '避灾安置场所');
utils.book_append_sheet(wb, utils.aoa_to_sheet([['说明'], ['示意数据 synthetic']]), '说明');
writeFileSync(join(OUT, 'shelters.xlsx'), new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));

// Shapefile in CGCS2000 / 3-degree Gauss–Krüger CM 120E, attributes in GBK.
const GK_PRJ = 'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const toGk = proj4('EPSG:4326', GK_PRJ);
const shpRows = picked.slice(0, 8).map((f, i) => ({ id: `SHP${i + 1}`, name: String(f.properties.name), cap: Number(f.properties.capacity), xy: toGk.forward(f.geometry.coordinates) as [number, number] }));
function shapefile(): { shp: Uint8Array; dbf: Uint8Array } {
  const n = shpRows.length;
  const shp = new DataView(new ArrayBuffer(100 + n * 28));
  shp.setInt32(0, 9994, false);
  shp.setInt32(24, (100 + n * 28) / 2, false);
  shp.setInt32(28, 1000, true);
  shp.setInt32(32, 1, true);
  const xs = shpRows.map((r) => r.xy[0]), ys = shpRows.map((r) => r.xy[1]);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => shp.setFloat64(36 + i * 8, v, true));
  shpRows.forEach((r, i) => {
    const o = 100 + i * 28;
    shp.setInt32(o, i + 1, false);
    shp.setInt32(o + 4, 10, false);
    shp.setInt32(o + 8, 1, true);
    shp.setFloat64(o + 12, r.xy[0], true);
    shp.setFloat64(o + 20, r.xy[1], true);
  });
  const fields: Array<[string, 'C' | 'N', number]> = [['编号', 'C', 10], ['名称', 'C', 80], ['容量', 'N', 8]];
  const headerLen = 32 + fields.length * 32 + 1, recLen = 1 + fields.reduce((s, f) => s + f[2], 0);
  const dbf = new Uint8Array(headerLen + n * recLen + 1);
  const dv = new DataView(dbf.buffer);
  dbf[0] = 0x03; dbf[1] = 124; dbf[2] = 10; dbf[3] = 1;
  dv.setUint32(4, n, true); dv.setUint16(8, headerLen, true); dv.setUint16(10, recLen, true);
  dbf[29] = 0x4d;
  fields.forEach(([name, type, len], i) => {
    const o = 32 + i * 32;
    dbf.set(gbkEncode(name).subarray(0, 10), o);
    dbf[o + 11] = type.charCodeAt(0);
    dbf[o + 16] = len;
  });
  dbf[headerLen - 1] = 0x0d;
  shpRows.forEach((r, i) => {
    let o = headerLen + i * recLen;
    dbf[o++] = 0x20;
    const cells = [r.id, r.name, String(r.cap)];
    fields.forEach(([, type, len], j) => {
      const bytes = gbkEncode(cells[j]!).subarray(0, len);
      const cell = new Uint8Array(len).fill(0x20);
      cell.set(bytes, type === 'N' ? len - bytes.length : 0);
      dbf.set(cell, o);
      o += len;
    });
  });
  dbf[dbf.length - 1] = 0x1a;
  return { shp: new Uint8Array(shp.buffer), dbf };
}
const { shp, dbf } = shapefile();
writeFileSync(join(OUT, 'shelters-gk.zip'), zipSync({ 'shelters_gk.shp': shp, 'shelters_gk.dbf': dbf, 'shelters_gk.prj': new TextEncoder().encode(GK_PRJ), 'shelters_gk.cpg': new TextEncoder().encode('GBK') }));
writeFileSync(join(OUT, 'shelters-gk.expected.json'), JSON.stringify(shpRows.map((r, i) => ({ id: r.id, name: r.name, capacity: r.cap, lngLat: picked[i]!.geometry.coordinates })), null, 1) + '\n');

// KML placemarks with ExtendedData
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const kml = `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>避灾安置场所（示意）</name>\n${picked.slice(0, 5).map((f, i) => `<Placemark><name>${esc(String(f.properties.name))}</name><ExtendedData><Data name="编号"><value>KML${i + 1}</value></Data><Data name="容量"><value>${f.properties.capacity}</value></Data></ExtendedData><Point><coordinates>${f.geometry.coordinates.join(',')}</coordinates></Point></Placemark>`).join('\n')}\n</Document></kml>\n`;
writeFileSync(join(OUT, 'shelters.kml'), kml);

// GCJ-02 as copied from Amap: the same shelters, shifted.
const gcjRows = picked.map((f, i) => {
  const [lng, lat] = gcoord.transform(f.geometry.coordinates, gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return [`GCJ${i + 1}`, String(f.properties.name), lng.toFixed(6), lat.toFixed(6), String(f.properties.capacity)];
});
writeFileSync(join(OUT, 'shelters-gcj02.csv'), '\uFEFF' + [['id', 'name', 'lng', 'lat', 'capacity'], ...gcjRows].map(csvLine).join('\n') + '\n');
console.log(`wrote ${OUT}`);
