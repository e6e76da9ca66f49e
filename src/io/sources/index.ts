/** Live sources: sources.json, the OGC API – Features and GeoJSON-URL clients. */
export * from './source';
export * from './property-mapping';
export * from './ogc-features';
export * from './geojson-url';
export * from './sources-config';
