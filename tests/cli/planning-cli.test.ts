import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/onemap';
import { ANDORRA_PBF, HAS_SHARED, REPO_ROOT, SKIP_REASON, sharedPath } from '../helpers/shared-reference';

const dir = mkdtempSync(join(tmpdir(), 'onemap-planning-'));
const DEMO = join(REPO_ROOT, 'data/taishun');

async function run(...argv: string[]) {
  let stdout = '', stderr = '';
  const code = await main(argv, { write: (s: string) => (stdout += s) }, { write: (s: string) => (stderr += s) });
  return { code, stdout, stderr };
}
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

describe.skipIf(!HAS_SHARED)(`coverage-report on the Andorra reference (${HAS_SHARED ? 'shared present' : SKIP_REASON})`, () => {
  test('every coverage probe as a place: classified as the reference does (100 %), times within the snap foot (0.05 s)', async () => {
    const out = join(dir, 'andorra-report.json');
    const r = await run('coverage-report', '--roads', ANDORRA_PBF, '--resources', sharedPath('reference/andorra/stations.geojson'),
      '--places', sharedPath('reference/andorra/coverage-probes.geojson'), '--minutes', '15', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const report = readJson(out);
    const probes = readJson(sharedPath('reference/andorra/coverage-probes.geojson')).features as Array<{ properties: { truthSeconds: number | null; bestStation: string | null } }>;
    expect(report.places).toHaveLength(probes.length);
    let agree = 0, sameStation = 0, timed = 0, worst = 0;
    probes.forEach((f, i) => {
      const mine = report.places[i];
      const truth = f.properties.truthSeconds;
      if ((truth !== null && truth <= 900) === mine.covered) agree++;
      if (truth === null) expect(mine.seconds).toBeNull();
      else {
        timed++;
        // see tests/core/brute-force-properties.test.ts: the foot of the perpendicular may move ~0.07 m
        worst = Math.max(worst, Math.abs(mine.seconds - truth));
        expect(Math.abs(mine.seconds - truth)).toBeLessThan(0.05);
        if (mine.sourceId === f.properties.bestStation) sameStation++;
      }
    });
    console.log('coverage-report probes', agree, '/', probes.length, 'same fastest station', sameStation, '/', timed, 'worst |Δt| s', worst);
    expect(agree).toBe(probes.length);
    expect(report.total.population).toBe(0); // the probes carry no population
    expect(r.stderr).toContain('count 0 people');
  });
});

describe('coverage-report and site-suggest on the demo', () => {
  const common = ['--roads', join(DEMO, 'roads.geojson'), '--resources', join(DEMO, 'resources/fire-stations.geojson'), '--places', join(DEMO, 'villages.geojson'), '--minutes', '15'];

  test('coverage-report: the contract, places aligned with the input, groups summing to the total', async () => {
    const out = join(dir, 'report.json');
    const r = await run('coverage-report', ...common, '--turnout-minutes', '1', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const rep = readJson(out);
    const villages = readJson(join(DEMO, 'villages.geojson')).features;
    expect(Object.keys(rep)).toEqual(['minutes', 'places', 'groups', 'total']);
    expect(rep.minutes).toBe(15);
    expect(rep.places.map((p: { id: string }) => p.id)).toEqual(villages.map((v: { properties: { id: string } }) => v.properties.id));
    for (const p of rep.places) {
      expect(p.covered).toBe(p.seconds !== null && p.seconds <= 900);
      if (p.seconds !== null) expect(p.seconds).toBeGreaterThanOrEqual(60); // the turnout minute
    }
    expect(rep.groups.reduce((s: number, g: { population: number }) => s + g.population, 0)).toBe(rep.total.population);
    expect(rep.groups.reduce((s: number, g: { coveredPopulation: number }) => s + g.coveredPopulation, 0)).toBe(rep.total.coveredPopulation);
    const coveredPop = rep.places.reduce((s: number, p: { covered: boolean }, i: number) => s + (p.covered ? villages[i].properties.population : 0), 0);
    expect(rep.total.coveredPopulation).toBe(coveredPop);
  });

  test('site-suggest: exact ≥ greedy, marginal populations add up to coveredPopulation', async () => {
    const base = readJson((await run('coverage-report', ...common, '--out', join(dir, 'b.json')), join(dir, 'b.json'))).total.coveredPopulation;
    const answers: Record<string, { chosen: Array<{ id: string; marginalPopulation: number }>; coveredPopulation: number; method: string }> = {};
    for (const method of ['greedy', 'exact']) {
      const out = join(dir, `${method}.json`);
      const r = await run('site-suggest', ...common, '--candidates', join(DEMO, 'villages.geojson'), '--p', '2', '--method', method, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      answers[method] = readJson(out);
      expect(Object.keys(answers[method]!)).toEqual(['chosen', 'coveredPopulation', 'method']);
      expect(answers[method]!.method).toBe(method);
      expect(answers[method]!.chosen.length).toBeLessThanOrEqual(2);
      expect(base + answers[method]!.chosen.reduce((s, c) => s + c.marginalPopulation, 0)).toBe(answers[method]!.coveredPopulation);
    }
    expect(answers.exact!.coveredPopulation).toBeGreaterThanOrEqual(answers.greedy!.coveredPopulation);
  });

  test('bad input: one line naming the feature, field and value; exit code 2, nothing written', async () => {
    const bad = join(dir, 'bad-places.geojson');
    writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { id: 'a', population: 5 }, geometry: { type: 'Point', coordinates: [119.7, 27.5] } },
      { type: 'Feature', properties: { id: 'b', population: 'many' }, geometry: { type: 'Point', coordinates: [119.7, 27.5] } },
    ] }));
    const out = join(dir, 'never.json');
    const r = await run('coverage-report', ...common.slice(0, 4), '--places', bad, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/feature 1 \(id b\): field "population" must be a number ≥ 0, got "many"/);
    expect(() => readFileSync(out)).toThrow();
    const m = await run('site-suggest', ...common, '--candidates', join(DEMO, 'villages.geojson'), '--method', 'best', '--out', out);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('--method must be greedy or exact, got "best"');
    const p = await run('site-suggest', ...common, '--candidates', join(DEMO, 'villages.geojson'), '--p', '9', '--out', out);
    expect(p.stderr).toContain('--p must be 1 to 5');
  });
});
