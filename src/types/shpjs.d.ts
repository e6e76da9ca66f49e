/** The part of shpjs 6 OneMap uses (lib/index.js): synchronous readers of .shp and .dbf bytes. */
declare module 'shpjs' {
  /** Geometries of a .shp, reprojected by `prj` (WKT) when given; we pass none and convert ourselves. */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, prj?: string | false): unknown[];
  /** Attribute rows of a .dbf, decoded with the `cpg` encoding label. */
  export function parseDbf(dbf: DataView | ArrayBuffer | Uint8Array, cpg?: string): Array<Record<string, unknown>>;
}
