/**
 * Second public entry of the io layer: import of bureau files and export of layers (SheetJS,
 * shpjs, proj4, togeojson …). Kept out of `io/index.ts` so entries that only need the schemas (the
 * public shelter finder) never bundle these libraries.
 */
export * from './import/import-resources';
export { parseCrs, crsFromPrj, cgcs2000GaussKrugerProj4, CrsError, type SourceCrs } from './import/crs';
export { decodeText, encodingLabel, type DecodedText, type TextEncodingName } from './import/decode-text';
export { neutraliseCell, unneutraliseCell } from './import/neutralise';
export * from './export/export-resources';
export { readXlsxTable, writeXlsxTable, SpreadsheetError, type SheetTable, type XlsxCell } from './formats/xlsx';
