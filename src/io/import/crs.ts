/**
 * Source coordinate systems of imported files, all converted to WGS-84 [lng, lat] at the edge:
 * WGS-84 (and CGCS2000 geographic, equal to it within centimetres), GCJ-02 (Amap, Tencent) and
 * BD-09 (Baidu) through gcoord, CGCS2000 Gauss–Krüger zones (EPSG:4491–4554) and any `.prj` WKT
 * through proj4.
 */
import gcoord from 'gcoord';
import proj4 from 'proj4';

export type CrsName = 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09';

export interface SourceCrs {
  /** what the user sees, e.g. "GCJ-02 (Amap)" or "CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)" */
  readonly label: string;
  /** true when coordinates are metres (a projection), not degrees */
  readonly projected: boolean;
  /** [x, y] in this CRS → WGS-84 [lng, lat] */
  toWgs84(x: number, y: number): [number, number];
}

export class CrsError extends Error {
  override readonly name = 'CrsError';
}

const identity: SourceCrs['toWgs84'] = (x, y) => [x, y];

/**
 * CGCS2000 Gauss–Krüger by EPSG code: 4491–4501 6° zones 13–23 (zone number before the easting),
 * 4502–4512 6° by central meridian 75°–135°E, 4513–4533 3° zones 25–45, 4534–4554 3° by central
 * meridian 75°–135°E. Returns a proj4 definition string, or null for another code.
 */
export function cgcs2000GaussKrugerProj4(epsg: number): { def: string; label: string } | null {
  let cm: number, falseEasting = 500_000, label: string;
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = 13 + (epsg - 4491);
    cm = zone * 6 - 3; falseEasting = zone * 1_000_000 + 500_000; label = `CGCS2000 / Gauss-Kruger zone ${zone}`;
  } else if (epsg >= 4502 && epsg <= 4512) {
    cm = 75 + (epsg - 4502) * 6; label = `CGCS2000 / Gauss-Kruger CM ${cm}E`;
  } else if (epsg >= 4513 && epsg <= 4533) {
    const zone = 25 + (epsg - 4513);
    cm = zone * 3; falseEasting = zone * 1_000_000 + 500_000; label = `CGCS2000 / 3-degree Gauss-Kruger zone ${zone}`;
  } else if (epsg >= 4534 && epsg <= 4554) {
    cm = 75 + (epsg - 4534) * 3; label = `CGCS2000 / 3-degree Gauss-Kruger CM ${cm}E`;
  } else return null;
  return { def: `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`, label: `${label} (EPSG:${epsg})` };
}

function proj4Crs(def: string, label: string): SourceCrs {
  let converter: proj4.Converter;
  try {
    converter = proj4(def, 'EPSG:4326');
  } catch (err) {
    throw new CrsError(`cannot read the coordinate system ${JSON.stringify(label.slice(0, 80))}: ${(err as Error).message}`);
  }
  const units = (converter as unknown as { oProj?: { units?: string; projName?: string } }).oProj;
  const projected = units?.projName !== 'longlat';
  return {
    label,
    projected,
    toWgs84: (x, y) => {
      const [lng, lat] = converter.forward([x, y]) as [number, number];
      return [lng, lat];
    },
  };
}

/** Parses a `--crs` value: wgs84, cgcs2000, gcj02, bd09, or EPSG:4490/4326/4491–4554. */
export function parseCrs(text: string): SourceCrs {
  const t = text.trim().toLowerCase().replace(/[\s_-]/g, '');
  if (t === 'wgs84' || t === 'epsg:4326') return { label: 'WGS-84', projected: false, toWgs84: identity };
  if (t === 'cgcs2000' || t === 'epsg:4490') return { label: 'CGCS2000 (geographic, taken as WGS-84: they differ by centimetres)', projected: false, toWgs84: identity };
  if (t === 'gcj02') return { label: 'GCJ-02 (Amap / Tencent)', projected: false, toWgs84: (x, y) => gcoord.transform([x, y], gcoord.GCJ02, gcoord.WGS84) as [number, number] };
  if (t === 'bd09') return { label: 'BD-09 (Baidu)', projected: false, toWgs84: (x, y) => gcoord.transform([x, y], gcoord.BD09, gcoord.WGS84) as [number, number] };
  const m = /^epsg:(\d{4,5})$/.exec(t);
  const gk = m ? cgcs2000GaussKrugerProj4(Number(m[1])) : null;
  if (gk) return proj4Crs(gk.def, gk.label);
  throw new CrsError(`unknown coordinate system ${JSON.stringify(text.slice(0, 40))} (expected wgs84, cgcs2000, gcj02, bd09, or EPSG:4490 / EPSG:4491–4554 for CGCS2000 Gauss–Krüger)`);
}

/** The CRS of a Shapefile's `.prj` (WKT). */
export function crsFromPrj(wkt: string): SourceCrs {
  const name = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[\s*"([^"]{0,120})"/i.exec(wkt)?.[1] ?? 'unnamed';
  return proj4Crs(wkt, `${name} (from .prj)`);
}
