import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/onemap';
import { ANDORRA_PBF, HAS_SHARED, REPO_ROOT, SKIP_REASON, sharedPath } from '../helpers/shared-reference';

const tmp = mkdtempSync(join(tmpdir(), 'onemap-cli-'));
const STATIONS = sharedPath('reference/andorra/stations.geojson');

/** Runs the CLI in-process, capturing its output. */
function run(...argv: string[]) {
  let stdout = '', stderr = '';
  const code = main(argv, { write: (s: string) => (stdout += s) }, { write: (s: string) => (stderr += s) });
  return { code, stdout, stderr };
}

/** Debian's python3 with shapely runs ../shared/reference/score.py itself; null when it is missing. */
function scorePy(mode: string, ...args: string[]): Record<string, any> | null {
  const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import shapely']).status === 0);
  if (!python) {
    if (process.env.CI) throw new Error('CI must have python3 with shapely to run score.py');
    return null;
  }
  const out = execFileSync(python, ['score.py', mode, ...args], { cwd: sharedPath('reference'), encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!.replace(/^RESULT /, ''));
}

describe('onemap CLI: bad arguments exit 2 with one line naming the problem', () => {
  test.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['isochrone', '--out', 'x'], /--roads is required/],
    [['isochrone', '--roads', 'a.pbf', '--sources', 's.geojson', '--out', 'o', '--bogus'], /Unknown option '--bogus'/],
    [['isochrone', '--roads', 'missing.pbf', '--sources', join(REPO_ROOT, 'package.json'), '--out', 'o'], /must be a GeoJSON FeatureCollection/],
    [['nearest', '--roads', 'a', '--resources', 'b', '--incident', '119.7,abc', '--out', 'o'], /--incident must be LNG,LAT/],
    [['nearest', '--roads', 'a', '--resources', 'b', '--out', 'o'], /exactly one of --incident/],
    [['coverage', '--roads', 'a', '--resources', 'b', '--minutes=-5', '--out', 'o'], /--minutes must be minutes/],
    [['isochrone', '--roads', 'a', '--sources', 'b', '--minutes', '15', '--bands', '5,10', '--out', 'o'], /--minutes or --bands, not both/],
  ])('%j', (argv, message) => {
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  test('a road file that is not roads is named', () => {
    const bad = join(tmp, 'bad.geojson');
    writeFileSync(bad, '{"type":"FeatureCollection","features":[]}');
    const pts = join(tmp, 'pts.geojson');
    writeFileSync(pts, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'a' }, geometry: { type: 'Point', coordinates: [1, 2] } }] }));
    const r = run('isochrone', '--roads', bad, '--sources', pts, '--out', join(tmp, 'o.geojson'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--roads ".*bad.geojson": no road ways/);
  });
});

describe.skipIf(!HAS_SHARED)(`onemap CLI on Andorra, scored by score.py (${HAS_SHARED ? 'shared present' : SKIP_REASON})`, () => {
  test('isochrone --minutes 15: IoU >= 0.85, every station <= 3 % misclassified', () => {
    const out = join(tmp, 'iso.geojson');
    expect(run('isochrone', '--roads', ANDORRA_PBF, '--sources', STATIONS, '--minutes', '15', '--out', out).code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.features.map((f: any) => f.properties)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6'].map((sourceId) => ({ sourceId, minutes: 15 })));
    const r = scorePy('isochrone', '--probes', 'andorra/iso-probes.geojson', '--pred', out);
    if (!r) return;
    expect(r.overall.iou).toBeGreaterThanOrEqual(0.85);
    for (const s of Object.values<any>(r.perStation)) expect(s.misclassificationPct).toBeLessThanOrEqual(3);
  });

  test('isochrone --bands 5,10,15 gives one feature per source and band', () => {
    const out = join(tmp, 'bands.geojson');
    expect(run('isochrone', '--roads', ANDORRA_PBF, '--sources', STATIONS, '--bands', '5,10,15', '--out', out).code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.features).toHaveLength(18);
    expect(fc.features.map((f: any) => f.properties.minutes)).toEqual(Array(6).fill([5, 10, 15]).flat());
    // Each band is the whole area within its time: the 10-minute features alone score at 10 minutes.
    const ten = join(tmp, 'ten.geojson');
    writeFileSync(ten, JSON.stringify({ type: 'FeatureCollection', features: fc.features.filter((f: any) => f.properties.minutes === 10) }));
    const r = scorePy('isochrone', '--probes', 'andorra/iso-probes.geojson', '--pred', ten, '--minutes', '10');
    if (r) expect(r.overall.iou).toBeGreaterThanOrEqual(0.85);
  });

  test('coverage --minutes 15: probe IoU >= 0.85', () => {
    const out = join(tmp, 'cov.geojson');
    expect(run('coverage', '--roads', ANDORRA_PBF, '--resources', STATIONS, '--minutes', '15', '--out', out).code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.features.every((f: any) => f.properties.minutes === 15 && /Polygon$/.test(f.geometry.type))).toBe(true);
    const r = scorePy('coverage', '--probes', 'andorra/coverage-probes.geojson', '--pred', out);
    if (r) expect(r.overall.iou).toBeGreaterThanOrEqual(0.85);
  });

  test('nearest --incidents: top-1 100 %, p95 relative error <= 0.5 %, unreachable answered as unreachable', () => {
    const cases = JSON.parse(readFileSync(sharedPath('reference/andorra/nearest-cases.json'), 'utf8')).cases as Array<{ incident: number[] }>;
    const inc = join(tmp, 'incidents.geojson');
    writeFileSync(inc, JSON.stringify({ type: 'FeatureCollection', features: cases.map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c.incident } })) }));
    const out = join(tmp, 'near.json');
    expect(run('nearest', '--roads', ANDORRA_PBF, '--resources', STATIONS, '--incidents', inc, '--k', '10', '--out', out).code).toBe(0);
    const answers = JSON.parse(readFileSync(out, 'utf8'));
    expect(answers).toHaveLength(60);
    for (const a of answers) for (let i = 1; i < a.results.length; i++) expect(a.results[i].seconds).toBeGreaterThanOrEqual(a.results[i - 1].seconds);
    const r = scorePy('nearest', '--cases', 'andorra/nearest-cases.json', '--pred', out);
    if (!r) return;
    expect(r.overall.top1AgreementPct).toBe(100);
    expect(r.overall.p95AbsRelErr).toBeLessThanOrEqual(0.005);
    expect(r.overall.pairsExtraInPred).toBe(0);
  });

  test('nearest --incident writes one object with incident and results', () => {
    const out = join(tmp, 'one.json');
    expect(run('nearest', '--roads', ANDORRA_PBF, '--resources', STATIONS, '--incident', '1.5215,42.5078', '--k', '3', '--out', out).code).toBe(0);
    const a = JSON.parse(readFileSync(out, 'utf8'));
    expect(a.incident).toEqual([1.5215, 42.5078]);
    expect(a.results).toHaveLength(3);
    expect(Object.keys(a.results[0])).toEqual(expect.arrayContaining(['id', 'seconds', 'meters']));
  });

  test('npm run onemap works as documented (a real process)', () => {
    const out = join(tmp, 'proc.json');
    const r = spawnSync('npm', ['run', '--silent', 'onemap', '--', 'nearest', '--roads', ANDORRA_PBF, '--resources', STATIONS, '--incident', '1.5215,42.5078', '--k', '2', '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).results).toHaveLength(2);
    const bad = spawnSync('npm', ['run', '--silent', 'onemap', '--', 'nearest', '--roads', 'nope.pbf'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });
});
