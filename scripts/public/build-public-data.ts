/**
 * Writes the public shelter finder's one data file, .generated/public/finder-data.json, from the
 * bureau's demo files: shelters' public fields (src/io/public-finder-data.ts), their duty phones,
 * township and village names. Run by `npm run build:public` (and `npm run build`) before Vite.
 * Bad rows are printed (row, field, value) and left out; the file is written whole or not at all.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFinderData } from '../../src/io';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const demo = join(root, 'data', 'taishun');
export const FINDER_DATA_PATH = join(root, '.generated', 'public', 'finder-data.json');

const readJson = (p: string): unknown => JSON.parse(readFileSync(join(demo, p), 'utf8'));

export function writeFinderData(out = FINDER_DATA_PATH): { shelters: number; issues: number } {
  const { data, issues } = buildFinderData({
    shelters: readJson('resources/shelters.geojson'),
    contacts: readJson('resources/shelter-contacts.json'),
    townships: readJson('townships.geojson'),
    villages: readJson('villages.geojson'),
    synthetic: (readJson('meta.json') as { synthetic?: boolean }).synthetic ?? true,
  });
  for (const i of issues) console.error(`build-public-data: ${i.message}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, JSON.stringify(data));
  renameSync(`${out}.tmp`, out);
  return { shelters: data.shelters.length, issues: issues.length };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const r = writeFinderData();
  console.log(`build-public-data: ${r.shelters} shelters (public fields only) → ${FINDER_DATA_PATH}${r.issues ? `, ${r.issues} issue(s)` : ''}`);
}
