/**
 * Writes the public shelter finder's data files into .generated/public/: finder-data.json from the
 * bureau's demo files (shelters' public fields, src/io/public-finder-data.ts; their duty phones;
 * township and village names) and walking-roads.json (the roads, compact: src/io/compact-roads.ts). Run by `npm run build:public` (and `npm run build`) before Vite.
 * Bad rows are printed (row, field, value) and left out; the file is written whole or not at all.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { buildFinderData, encodeCompactRoads } from '../../src/io';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const demo = join(root, 'data', 'taishun');
export const FINDER_DATA_PATH = join(root, '.generated', 'public', 'finder-data.json');
/** the roads for the walking graph and the finder's map, compact (src/io/compact-roads.ts) */
export const WALKING_ROADS_PATH = join(root, '.generated', 'public', 'walking-roads.json');

function writeWhole(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

const readJson = (p: string): unknown => JSON.parse(readFileSync(join(demo, p), 'utf8'));

export function writeFinderData(out = FINDER_DATA_PATH, roadsOut = WALKING_ROADS_PATH): { shelters: number; roads: number; issues: number } {
  const { data, issues } = buildFinderData({
    shelters: readJson('resources/shelters.geojson'),
    contacts: readJson('resources/shelter-contacts.json'),
    townships: readJson('townships.geojson'),
    villages: readJson('villages.geojson'),
    synthetic: (readJson('meta.json') as { synthetic?: boolean }).synthetic ?? true,
  });
  for (const i of issues) console.error(`build-public-data: ${i.message}`);
  const roads = encodeCompactRoads(readJson('roads.geojson') as FeatureCollection);
  writeWhole(out, JSON.stringify(data));
  writeWhole(roadsOut, JSON.stringify(roads));
  return { shelters: data.shelters.length, roads: roads.ways.length, issues: issues.length };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const r = writeFinderData();
  console.log(`build-public-data: ${r.shelters} shelters (public fields only) → ${FINDER_DATA_PATH}; ${r.roads} roads → ${WALKING_ROADS_PATH}${r.issues ? `; ${r.issues} issue(s)` : ''}`);
}
