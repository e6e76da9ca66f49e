import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BAD_DIR, expand, ROADS, runCli, unexpand, writeGeneratedInputs, type BadCase } from '../helpers/bad-corpus';
import { REPO_ROOT } from '../helpers/shared-reference';

/**
 * Every bad file and argument set of tests/fixtures/bad/cli-cases.json: the CLI answers with exactly
 * the expected line and exit code, never a stack trace, and leaves no output or temporary file.
 * REGEN=1 rewrites the expected lines from the current answers (then read the diff).
 */
const CASES_FILE = join(BAD_DIR, 'cli-cases.json');
const cases = JSON.parse(readFileSync(CASES_FILE, 'utf8')) as BadCase[];
const tmp = mkdtempSync(join(tmpdir(), 'onemap-bad-'));
const dirs = { tmp, gen: join(tmp, 'gen'), out: join(tmp, 'out.geojson') };
writeGeneratedInputs(dirs.gen);

afterAll(() => {
  if (process.env.REGEN) writeFileSync(CASES_FILE, JSON.stringify(cases, null, 1) + '\n');
});

describe('bad-input corpus: one clear line, a non-zero exit, no output file', () => {
  test('the corpus has at least 40 bad files and argument sets', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    rmSync(dirs.out, { force: true });
    const r = runCli(c.argv.map((a) => expand(a, dirs)));
    const stderr = unexpand(r.stderr, dirs);
    if (process.env.REGEN) {
      c.stderr = stderr;
      if (c.exit === 0) c.stdout = unexpand(r.stdout, dirs);
    }
    expect(r.stderr).toBe(expand(c.stderr ?? '', dirs));
    if (c.exit === 0) expect(r.stdout).toBe(expand(c.stdout ?? '', dirs));
    expect(r.code).toBe(c.exit);
    expect((c.exit === 0 ? r.stdout : stderr).trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr.length).toBeLessThan(800);
    if (c.exit !== 0) expect(existsSync(dirs.out)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('barriers that used to be ignored or crash now close roads', () => {
  test('a flood barrier given as a bare Polygon closes the roads it covers, as the same polygon in a FeatureCollection does', () => {
    const bare = join(BAD_DIR, 'barriers-bare-polygon.geojson');
    const wrapped = join(tmp, 'wrapped.geojson');
    writeFileSync(wrapped, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: JSON.parse(readFileSync(bare, 'utf8')) }] }));
    const answer = (barriers?: string) => {
      const out = join(tmp, `nearest-${barriers ? 'closed' : 'open'}.json`);
      const r = runCli(['nearest', '--roads', ROADS, '--resources', join(BAD_DIR, 'points-ok.geojson'), '--incident', '1.5035,42.5035', ...(barriers ? ['--barriers', barriers] : []), '--out', out]);
      expect(r.code).toBe(0);
      return JSON.parse(readFileSync(out, 'utf8')).results as Array<{ id: string; seconds: number }>;
    };
    const open = answer(), closedBare = answer(bare), closedWrapped = answer(wrapped);
    expect(closedBare).toEqual(closedWrapped);
    expect(open).toHaveLength(1);
    expect(closedBare[0]!.seconds).toBeGreaterThan(open[0]!.seconds + 60); // both ends now join the road beyond the flood
  });

  test('100,000 coverage sources do not overflow the search queue', () => {
    const features = Array.from({ length: 100_000 }, (_, i) => ({ type: 'Feature', properties: { id: `s${i}` }, geometry: { type: 'Point', coordinates: [1.5 + (i % 300) * 1e-5, 42.5 + Math.floor(i / 300) * 6e-6] } }));
    const file = join(tmp, 'many.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    const r = runCli(['coverage', '--roads', ROADS, '--resources', file, '--minutes', '5', '--out', join(tmp, 'cov.geojson')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(tmp, 'cov.geojson'), 'utf8')).features).toHaveLength(1);
  }, 60_000);
});

test('a truncated .osm.pbf ends within seconds as a child process (it used to spin at 100 % CPU)', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, 'src/cli/onemap.ts'), 'isochrone', '--roads', join(BAD_DIR, 'roads-truncated.osm.pbf'), '--sources', join(BAD_DIR, 'points-ok.geojson'), '--out', dirs.out], { encoding: 'utf8', timeout: 20_000 });
  expect(r.signal).toBeNull();
  expect(r.status).toBe(2);
  expect(r.stderr.trim()).toMatch(/^onemap: error: --roads ".*roads-truncated\.osm\.pbf": truncated OSM PBF file: block 1 at byte 138/);
}, 30_000);
