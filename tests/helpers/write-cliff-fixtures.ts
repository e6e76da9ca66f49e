/** Writes tests/fixtures/isochrone/in/cliff-*.geojson from the drawings in cliff-drawings.ts. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cliffDrawings } from './cliff-drawings';
import { FIXTURES_DIR, stringifyGeoJson } from './golden';

const names: Record<keyof typeof cliffDrawings, string> = { dualCarriageway: 'cliff-dual-carriageway', pockets: 'cliff-pockets', beyondSnap: 'cliff-beyond-snap' };
for (const [key, d] of Object.entries(cliffDrawings) as Array<[keyof typeof cliffDrawings, (typeof cliffDrawings)[keyof typeof cliffDrawings]]>) {
  const roads = d.g.toGeoJson().features;
  const sources = d.sources.map((s) => ({ type: 'Feature', properties: { role: 'source', id: s.id }, geometry: { type: 'Point', coordinates: s.lngLat.map((x) => Math.round(x * 1e7) / 1e7) } }));
  const fc = { type: 'FeatureCollection', description: d.description, options: { bandsMinutes: d.bandsMinutes }, features: [...roads, ...sources] };
  writeFileSync(resolve(FIXTURES_DIR, 'isochrone/in', `${names[key]}.geojson`), stringifyGeoJson(fc));
}
