/** Public entry of the io layer. */
export * from './schemas/resource';
export * from './schemas/place';
export * from './schemas/issue';
export * from './load-resources';
export { decodeCsvBytes } from './adapters/from-csv';
export * from './sources';
export * from './typhoon';
export * from './public-finder-data';
export * from './compact-roads';
// The import/export modules (SheetJS, shpjs, proj4 …) are not re-exported here, so an entry that
// imports this index (the public finder) never pulls them in: import them from their own modules.
export * from './schemas/evacuation';
