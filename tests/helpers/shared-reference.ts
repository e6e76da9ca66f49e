import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * `../shared` beside the checkout holds the travel-time spec's independent reference (real OSM
 * roads of Andorra, pgRouting answers, score.py). CI always has it; a user's fresh clone does not,
 * so tests that read it skip there with this reason instead of failing.
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.ONEMAP_SHARED_DIR ?? resolve(REPO_ROOT, '..', 'shared');
export const HAS_SHARED = existsSync(resolve(SHARED_DIR, 'reference/andorra/stations.geojson'));
export const SKIP_REASON = `needs ${SHARED_DIR} (the shared reference data, present in CI, absent in a fresh clone)`;

if (!HAS_SHARED && process.env.CI) {
  throw new Error(`CI must have the shared reference at ${SHARED_DIR}`);
}

export const sharedPath = (...parts: string[]) => resolve(SHARED_DIR, ...parts);
export const ANDORRA_PBF = sharedPath('data/osm/andorra.osm.pbf');
export const readSharedJson = <T>(...parts: string[]): T => JSON.parse(readFileSync(sharedPath(...parts), 'utf8')) as T;
export const readSharedGzipText = (...parts: string[]) => gunzipSync(readFileSync(sharedPath(...parts))).toString('utf8');
