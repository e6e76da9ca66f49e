import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PUBLIC_SHELTER_FIELDS } from '../../src/io/public-finder-data';
import { writeFinderData } from '../../scripts/public/build-public-data';
import { REPO_ROOT } from '../helpers/shared-reference';

/**
 * `npm run build:public` into a temporary folder, then that folder's files listed and checked:
 * the finder's entry, its service worker and precache, the shelters' public fields only, the
 * county basemap — and nothing of the officer app (teams, depots, cameras, fire stations, officer
 * phones, deck.gl).
 */
let out = '';
let files: string[] = [];
const text = (f: string) => readFileSync(join(out, f), 'utf8');
const demo = (p: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'taishun', p), 'utf8'));

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listFiles(join(dir, n)) : [join(dir, n)]));
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'onemap-public-build-'));
  writeFinderData();
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', 'public', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'],
  });
  files = listFiles(out).map((f) => relative(out, f)).sort();
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the public folder (npm run build:public)', () => {
  // (township-seats.geojson, 3 KB, is inlined into the map chunk by Vite's 4 KB asset limit)
  test('holds the finder entry, its manifest and service worker, its data, the walking roads and the county basemap', () => {
    for (const want of ['index.html', 'sw.js', 'manifest.webmanifest', 'finder-icon-192.png', 'finder-icon-512.png']) expect(files).toContain(want);
    for (const pattern of [/^assets\/finder-data-[\w-]+\.json$/, /^assets\/walking-roads-[\w-]+\.json$/, /^assets\/county-[\w-]+\.geojson$/, /^assets\/townships-[\w-]+\.geojson$/, /^assets\/villages-[\w-]+\.geojson$/, /^assets\/walking\.worker-[\w-]+\.js$/]) {
      expect(files.filter((f) => pattern.test(f)), String(pattern)).toHaveLength(1);
    }
    expect(text('index.html')).toContain('rel="manifest"');
    expect(text('index.html')).not.toContain('src/main.tsx');
  });

  test('has nothing of the officer app: no teams, depots, cameras, fire stations, mines, officer entry', () => {
    expect(files.filter((f) => /rescue-teams|depots|cameras|fire-stations|mines|compute\.worker|shelters-[\w-]+\.geojson|\/roads-[\w-]+\.geojson/.test(f))).toEqual([]);
    const officerTitle = '应急一张图 OneMap';
    expect(files.filter((f) => /\.(html|js)$/.test(f) && text(f).includes(officerTitle))).toEqual([]);
  });

  test('no officer phone number and no deck.gl / luma.gl anywhere in it', () => {
    const officerPhones = ['resources/rescue-teams.geojson', 'resources/fire-stations.geojson']
      .flatMap((p) => demo(p).features.map((f: { properties: { phone?: string } }) => f.properties.phone))
      .filter((p: unknown): p is string => typeof p === 'string');
    expect(officerPhones.length).toBeGreaterThan(100);
    const textFiles = files.filter((f) => /\.(html|js|json|geojson|webmanifest|css)$/.test(f));
    const leaks = textFiles.flatMap((f) => {
      const s = text(f);
      return [...officerPhones.filter((p) => s.includes(p)).slice(0, 2), ...['deck.gl', 'luma.gl'].filter((m) => s.includes(m))].map((x) => `${f}: ${x}`);
    });
    expect(leaks).toEqual([]);
    // the markers are real: deck.gl's own code carries them
    expect(readFileSync(join(REPO_ROOT, 'node_modules', '@deck.gl', 'core', 'dist', 'lib', 'init.js'), 'utf8')).toContain('deck.gl');
  });

  test('the finder data has exactly the shelters\' public fields, for all 201 shelters, with duty phones', () => {
    const data = JSON.parse(text(files.find((f) => /finder-data-/.test(f))!));
    expect(Object.keys(data).sort()).toEqual(['dataAsOf', 'shelters', 'synthetic', 'townships', 'villages']);
    expect(data.synthetic).toBe(true);
    expect(data.shelters).toHaveLength(demo('resources/shelters.geojson').features.length);
    for (const s of data.shelters) for (const k of Object.keys(s)) expect(PUBLIC_SHELTER_FIELDS as readonly string[]).toContain(k);
    expect(data.shelters.filter((s: { phone?: string }) => s.phone).length).toBe(data.shelters.length);
    expect(data.shelters.filter((s: { open: boolean }) => s.open).length).toBe(56);
  });

  test('the service worker precaches the entry, the data, the walking roads and the county basemap', () => {
    const sw = text('sw.js');
    for (const f of files.filter((x) => /^(index\.html|assets\/.*\.(js|json|geojson|css))$/.test(x))) expect(sw, f).toContain(f);
  });
});
