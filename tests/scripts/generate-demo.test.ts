import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/generate';

const DEMO_DIR = join(__dirname, '..', '..', 'data', 'taishun');
const SOURCES_DIR = join(DEMO_DIR, 'sources');
/**
 * Files in data/taishun written by other seeded scripts (each checked by its own test), keyed by id
 * so they never rewrite the generator's files: village-contacts.json by scripts/generate-typhoon-demo.ts
 * (tests/scripts/typhoon-demo.test.ts); resources/shelter-contacts.json by scripts/demo/shelter-contacts.ts
 * (tests/public/finder-logic.test.ts).
 */
const WRITTEN_BY_OTHER_SCRIPTS = ['village-contacts.json', join('resources', 'shelter-contacts.json'), 'village-evacuation.json'];

function listFiles(dir: string, skip = new Set<string>()): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (skip.has(relative(dir, p))) continue;
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

describe('scripts/generate-demo (stage generate)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'onemap-demo-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes byte-identical files on two runs, equal to the committed data/taishun', () => {
    const a = join(tmp, 'a');
    const b = join(tmp, 'b');
    const runA = generateDemo({ sourcesDir: SOURCES_DIR, outDir: a });
    const runB = generateDemo({ sourcesDir: SOURCES_DIR, outDir: b });
    expect(runA.files).toEqual(runB.files);
    const committed = listFiles(DEMO_DIR, new Set(['sources', ...WRITTEN_BY_OTHER_SCRIPTS]));
    expect(listFiles(a)).toEqual(committed);
    for (const file of committed) {
      const bytesA = readFileSync(join(a, file));
      const bytesB = readFileSync(join(b, file));
      const bytesCommitted = readFileSync(join(DEMO_DIR, file));
      expect(bytesA.equals(bytesB), `${file}: run 1 vs run 2`).toBe(true);
      expect(bytesA.equals(bytesCommitted), `${file}: generated vs committed (run npm run demo:data)`).toBe(true);
    }
  });

  it('gives different data for a different seed (the seed is really used)', () => {
    const c = join(tmp, 'c');
    generateDemo({ sourcesDir: SOURCES_DIR, outDir: c, seed: 7 });
    const other = readFileSync(join(c, 'villages.geojson'), 'utf8');
    expect(other).not.toEqual(readFileSync(join(DEMO_DIR, 'villages.geojson'), 'utf8'));
    // Counts and report totals do not depend on the seed.
    const meta = JSON.parse(readFileSync(join(c, 'meta.json'), 'utf8'));
    expect(meta.totals.shelterCapacity).toBe(11_200);
    expect(meta.counts.cameras).toBe(2_071);
  });

  it('uses no clock or Math.random in the generator', () => {
    const dir = join(__dirname, '..', '..', 'scripts');
    for (const f of listFiles(dir)) {
      if (!f.endsWith('.ts') || !(f.startsWith('demo') || f === 'generate-demo.ts')) continue;
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/Math\.random|Date\.now|new Date\(\)/);
    }
  });
});
