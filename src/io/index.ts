/** Public entry of the io layer. */
export * from './schemas/resource';
export * from './schemas/place';
export * from './schemas/issue';
export * from './load-resources';
export { decodeCsvBytes } from './adapters/from-csv';
export * from './sources';
export * from './typhoon';
export * from './public-finder-data';
