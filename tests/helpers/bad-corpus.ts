/**
 * The bad-input corpus (tests/fixtures/bad/): files and argument sets, each with the exact line
 * the CLI must answer. A few inputs are too big to keep in git and are written at test time into
 * a temporary folder ($GEN): deeply nested JSON, a 10 MB argument, a zip bomb.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { join, resolve } from 'node:path';
import { COMMAND_NAMES, main } from '../../src/cli/onemap';
import { REPO_ROOT } from './shared-reference';

export const BAD_DIR = resolve(REPO_ROOT, 'tests/fixtures/bad');
export const ROADS = resolve(REPO_ROOT, 'tests/fixtures/roads/small-town.geojson');

export interface BadCase {
  name: string;
  argv: string[];
  exit: number;
  /** the exact stderr, placeholders unexpanded */
  stderr?: string;
  /** the exact stdout when the case succeeds (how many rows loaded) */
  stdout?: string;
  /** for an import that must still load the valid rows: how many */
  validRows?: number;
}

const DEPTH = 100_000;
export const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

/** Writes the generated inputs into `gen` (once per run). */
export function writeGeneratedInputs(gen: string): void {
  mkdirSync(gen, { recursive: true });
  const deep = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
  const feature = (geometry: string, props: string) => `{"type":"Feature","properties":${props},"geometry":${geometry}}`;
  writeFileSync(join(gen, 'roads-deep.geojson'), `{"type":"FeatureCollection","features":[${feature(`{"type":"LineString","coordinates":${deep}}`, '{"highway":"primary"}')}]}`);
  writeFileSync(join(gen, 'barriers-deep.geojson'), `{"type":"FeatureCollection","features":[${feature(`{"type":"Polygon","coordinates":${deep}}`, '{}')}]}`);
  writeFileSync(join(gen, 'import-deep.geojson'), `{"type":"FeatureCollection","features":[${feature(`{"type":"Point","coordinates":${deep}}`, '{"id":"a","name":"甲","capacity":1}')}]}`);
  writeFileSync(join(gen, 'import-10mb-name.csv'), `id,name,lng,lat,capacity\nA,${TEN_MB},119.72,27.56,10\nB,乙,119.73,27.56,10\n`);
  writeFileSync(join(gen, 'import-zip-bomb.zip'), zipSync({ 'bomb.shp': new Uint8Array(20 * 1024 * 1024), 'bomb.dbf': new Uint8Array(10) }, { level: 9 }));
  writeFileSync(join(gen, 'points-deep.geojson'), `{"type":"FeatureCollection","features":[${feature(`{"type":"Point","coordinates":${deep}}`, '{"id":"a"}')}]}`);
}

export function expand(text: string, dirs: { tmp: string; gen: string; out: string }): string {
  return text
    .replaceAll('$COMMANDS', COMMAND_NAMES.join(', '))
    .replaceAll('$GEN10MB', TEN_MB)
    .replaceAll('$BAD', BAD_DIR)
    .replaceAll('$ROOT', REPO_ROOT)
    .replaceAll('$ROADS', ROADS)
    .replaceAll('$GEN', dirs.gen)
    .replaceAll('$OUT', dirs.out)
    .replaceAll('$TMP', dirs.tmp);
}

/** The reverse of `expand` for messages (REGEN=1 writes them back with placeholders). */
export function unexpand(text: string, dirs: { tmp: string; gen: string; out: string }): string {
  return text
    .replaceAll(COMMAND_NAMES.join(', '), '$COMMANDS')
    .replaceAll(dirs.out, '$OUT')
    .replaceAll(dirs.gen, '$GEN')
    .replaceAll(dirs.tmp, '$TMP')
    .replaceAll(BAD_DIR, '$BAD')
    .replaceAll(ROADS, '$ROADS')
    .replaceAll(REPO_ROOT, '$ROOT');
}

/** Runs the CLI in-process, capturing its output. */
export function runCli(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '', stderr = '';
  const code = main(argv, { write: (s: string) => (stdout += s) }, { write: (s: string) => (stderr += s) });
  if (typeof code !== 'number') throw new Error('runCli: this command answers asynchronously; use runCliAsync');
  return { code, stdout, stderr };
}

export async function runCliAsync(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  const code = await main(argv, { write: (s: string) => (stdout += s) }, { write: (s: string) => (stderr += s) });
  return { code, stdout, stderr };
}
