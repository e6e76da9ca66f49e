/**
 * Golden files, turf style: a test computes GeoJSON from `in/NAME.geojson`, and this compares it
 * with `out/NAME.geojson` after truncating coordinates to 6 decimals (≈ 0.1 m, below any float
 * wobble of the algorithms). `REGEN=1 npx vitest run tests/core` rewrites the out files instead;
 * review the diff (and look at the shapes) before committing them.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from './shared-reference';

export const REGEN = process.env.REGEN === '1';
export const FIXTURES_DIR = resolve(REPO_ROOT, 'tests/fixtures');

/** Rounds every number inside every `coordinates` member (any depth) to `decimals`. */
export function truncateCoordinates<T>(value: T, decimals = 6): T {
  const f = 10 ** decimals;
  const roundDeep = (x: unknown): unknown => (typeof x === 'number' ? Math.round(x * f) / f + 0 : Array.isArray(x) ? x.map(roundDeep) : x);
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') {
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === 'coordinates' ? roundDeep(v) : walk(v)]));
    }
    return x;
  };
  return walk(value) as T;
}

/** JSON with every innermost number array (a position) on one line, so diffs stay readable. */
export function stringifyGeoJson(value: unknown): string {
  const text = JSON.stringify(value, null, 1);
  return text.replace(/\[\s*(-?[\d.e+-]+),\s*(-?[\d.e+-]+)\s*\]/g, '[$1,$2]') + '\n';
}

/** The names (without extension) of the inputs in `dir/in`. */
export function goldenInputs(dir: string): string[] {
  return readdirSync(resolve(dir, 'in')).filter((f) => f.endsWith('.geojson')).map((f) => basename(f, '.geojson')).sort();
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Compares `actual` (truncated) with the golden out file, or rewrites it when REGEN=1. */
export function expectGolden(outPath: string, actual: unknown): void {
  const truncated = truncateCoordinates(actual);
  if (REGEN || !existsSync(outPath)) {
    if (!REGEN) throw new Error(`golden file ${outPath} is missing: run with REGEN=1, look at it, commit it`);
    mkdirSync(dirname(outPath), { recursive: true });
    writeFileSync(outPath, stringifyGeoJson(truncated));
    return;
  }
  expect(truncated).toEqual(readJson(outPath));
}
