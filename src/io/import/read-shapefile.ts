/**
 * A zipped Shapefile → GeoJSON features in its own CRS, plus that CRS from the `.prj` and the
 * attribute encoding from the `.cpg` (or the DBF's language-driver byte, or detected). The zip is
 * checked for bombs first; geometry and attributes are read by shpjs (parseShp, parseDbf).
 */
import { unzipSync } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import { assertZipWithinLimits } from '../formats/zip-guard';
import { crsFromPrj, type SourceCrs } from './crs';

export class ShapefileError extends Error {
  override readonly name = 'ShapefileError';
}

export interface ShapefileLayer {
  readonly layerName: string;
  readonly features: Array<{ type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }>;
  readonly crs: SourceCrs | null;
  readonly prjText: string | null;
  /** the attribute encoding used and where it came from */
  readonly encoding: string;
  readonly notes: string[];
}

/** `.cpg` text → a WHATWG encoding label. */
function encodingFromCpg(cpg: string): string | null {
  const t = cpg.trim().toLowerCase().replace(/^ansi\s*/, '');
  if (/^(utf-?8|65001)$/.test(t)) return 'utf-8';
  if (/^(cp)?936$|^gbk$|^gb2312$|^gb18030$|^54936$/.test(t)) return 'gb18030';
  if (/^(cp)?950$|^big5$/.test(t)) return 'big5';
  try {
    new TextDecoder(t);
    return t;
  } catch {
    return null;
  }
}

/** DBF header byte 29, the language driver: 0x4D = code page 936 (GBK). */
function encodingFromDbf(dbf: Uint8Array): string | null {
  const ldid = dbf[29];
  if (ldid === 0x4d || ldid === 0x7a) return 'gb18030';
  if (ldid === 0x78) return 'big5';
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function readZippedShapefile(bytes: Uint8Array): ShapefileLayer {
  try {
    assertZipWithinLimits(bytes);
  } catch (err) {
    throw new ShapefileError((err as Error).message);
  }
  const files = unzipSync(bytes, { filter: (f) => !f.name.includes('__MACOSX') && /\.(shp|dbf|prj|cpg)$/i.test(f.name) });
  const byExt = (ext: string) => Object.keys(files).filter((n) => n.toLowerCase().endsWith(ext));
  const shps = byExt('.shp').sort();
  if (shps.length === 0) throw new ShapefileError('the zip holds no .shp file (a zipped Shapefile needs .shp, .dbf and ideally .prj and .cpg)');
  const notes: string[] = [];
  const shpName = shps[0]!;
  const base = shpName.slice(0, -4);
  if (shps.length > 1) notes.push(`the zip holds ${shps.length} layers; only ${JSON.stringify(base)} is read`);
  const sibling = (ext: string) => {
    const name = Object.keys(files).find((n) => n.toLowerCase() === `${base}${ext}`.toLowerCase());
    return name ? files[name]! : null;
  };
  const dbf = sibling('.dbf'), prj = sibling('.prj'), cpg = sibling('.cpg');
  let encoding = 'utf-8', encodingNote = 'no .cpg; attributes are valid UTF-8';
  if (dbf) {
    const fromCpg = cpg ? encodingFromCpg(new TextDecoder().decode(cpg)) : null;
    if (cpg && fromCpg) { encoding = fromCpg; encodingNote = `from .cpg (${JSON.stringify(new TextDecoder().decode(cpg).trim().slice(0, 20))})`; }
    else {
      if (cpg) notes.push(`the .cpg names an unknown encoding ${JSON.stringify(new TextDecoder().decode(cpg).trim().slice(0, 20))}`);
      const fromLdid = encodingFromDbf(dbf);
      if (fromLdid) { encoding = fromLdid; encodingNote = 'from the DBF language driver (code page 936)'; }
      else if (!isUtf8(dbf.subarray(32))) { encoding = 'gb18030'; encodingNote = 'no .cpg; attributes are not UTF-8, read as GBK/GB18030'; }
    }
  } else notes.push('no .dbf: features have no attributes');
  const prjText = prj ? new TextDecoder().decode(prj) : null;
  const crs = prjText ? crsFromPrj(prjText) : null;
  if (!prjText) notes.push('no .prj: coordinates are taken in the CRS given (default WGS-84)');
  let geometries: unknown[];
  let rows: Array<Record<string, unknown>> = [];
  try {
    const shp = files[shpName]!;
    geometries = parseShp(new DataView(shp.buffer, shp.byteOffset, shp.byteLength)) as unknown[];
    if (dbf) rows = parseDbf(new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength), encoding === 'gb18030' ? 'gbk' : encoding) as Array<Record<string, unknown>>;
  } catch (err) {
    throw new ShapefileError(`cannot read the Shapefile ${JSON.stringify(base)}: ${(err as Error).message}`);
  }
  const features = geometries.map((geometry, i) => ({ type: 'Feature' as const, geometry, properties: rows[i] ?? {} }));
  return { layerName: base, features, crs, prjText, encoding: `${encoding === 'gb18030' ? 'GBK/GB18030' : encoding.toUpperCase()} (${encodingNote})`, notes };
}
