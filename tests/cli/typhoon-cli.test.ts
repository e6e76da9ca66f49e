import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/onemap';
import { REPO_ROOT } from '../helpers/shared-reference';

const tmp = mkdtempSync(join(tmpdir(), 'onemap-typhoon-'));
const GAEMI = resolve(REPO_ROOT, 'data/typhoon/gaemi-2024-ibtracs.csv');
const SEATS = resolve(REPO_ROOT, 'data/taishun/township-seats.geojson');

function run(...argv: string[]) {
  let stdout = '', stderr = '';
  const code = main(argv, { write: (s: string) => (stdout += s) }, { write: (s: string) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('onemap typhoon', () => {
  test("Gaemi 2024 (IBTrACS): Taishun's county seat (罗阳镇) is first inside the 34-kt circle at 2024-07-25T06:00:00Z", () => {
    const seats = JSON.parse(readFileSync(SEATS, 'utf8'));
    const seat = seats.features.findIndex((f: { properties: { name: string } }) => f.properties.name === '罗阳镇');
    expect(seats.features[seat].properties.id).toBe('T01');
    const out = join(tmp, 'gaemi.json');
    const r = run('typhoon', '--track', GAEMI, '--places', SEATS, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.storm).toEqual({ name: 'GAEMI', id: '2024201N12133', source: 'IBTrACS v04r01 (NOAA NCEI), JTWC radii (WP052024)' });
    expect(json.thresholdsKt).toEqual(['34', '50', '64']);
    expect(json.places.map((p: { id: string }) => p.id)).toEqual(seats.features.map((f: { properties: { id: string } }) => f.properties.id));
    // Hand check at 06:00Z: centre 119.7E 25.2N, the seat 262 km away on a bearing of 0.3° (NE),
    // NE radius 145 nm = 268.5 km. At 05:00Z the centre is east of the seat: NW quadrant, 83 nm.
    expect(json.places[seat]).toEqual({
      id: 'T01',
      firstInside: { 34: '2024-07-25T06:00:00Z', 50: null, 64: null },
      lastInside: { 34: '2024-07-25T07:00:00Z', 50: null, 64: null },
    });
  });

  test('bad lines are warnings naming the line; the rest is answered', () => {
    const lines = readFileSync(GAEMI, 'utf8').split('\n');
    lines[40] = lines[40]!.replace(/,(\d+\.\d),(\d+\.\d),/, ',north,$2,');
    const track = join(tmp, 'broken.csv');
    writeFileSync(track, lines.join('\n'));
    const out = join(tmp, 'broken.json');
    const r = run('typhoon', '--track', track, '--places', SEATS, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^onemap: warning: --track: line 41, field "LAT" = "north"/);
    expect(JSON.parse(readFileSync(out, 'utf8')).places[0].firstInside['34']).toBe('2024-07-25T06:00:00Z');
  });

  test('a file that is no track exits 2 with one line and writes nothing', () => {
    const out = join(tmp, 'none.json');
    const r = run('typhoon', '--track', SEATS, '--places', SEATS, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not a known track format/);
    expect(existsSync(out)).toBe(false);
  });

  test('the Chinese feed names its force-7 circle "30"', () => {
    const out = join(tmp, 'zj.json');
    const r = run('typhoon', '--track', resolve(REPO_ROOT, 'tests/fixtures/typhoon/zhejiang-gaemi.json'), '--places', SEATS, '--out', out);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.thresholdsKt).toEqual(['30', '50', '64']);
    expect(Object.keys(json.places[0].firstInside)).toEqual(['30', '50', '64']);
  });
});
