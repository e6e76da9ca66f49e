/**
 * The synthetic province generator (npm run province:data) and the app's reading of it: seeded and
 * repeatable, every resource valid per the app's schemas and marked synthetic, the graph file the
 * worker loads, only major roads for the basemap, a manifest that validates; and `?dataset=`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateProvince, gridForEdges } from '../../scripts/province/generate-province';
import { deserializeRoadGraph } from '../../src/core/index';
import { resourcesFromGeoJson } from '../../src/io/load-resources';
import { parseDatasetManifest } from '../../src/io/schemas/dataset-manifest';
import { RESOURCE_KINDS } from '../../src/io/schemas/resource';
import { datasetFromSearch } from '../../src/queries/dataset';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'onemap-province-'));
  dirs.push(d);
  return join(d, 'province');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('generateProvince', () => {
  const a = generateProvince({ outDir: tmp(), edges: 4000, resources: 1000, seed: 5 });
  const read = (name: string) => readFileSync(join(a.outDir, name));

  test('the manifest validates and its counts are the files\' counts', () => {
    const parsed = parseDatasetManifest(JSON.parse(read('manifest.json').toString()));
    expect('manifest' in parsed).toBe(true);
    const m = a.manifest;
    expect(m.synthetic).toBe(true);
    expect(Object.values(m.resources).reduce((s, r) => s + r.count, 0)).toBe(1000);
    for (const kind of RESOURCE_KINDS) {
      const json = JSON.parse(read(m.resources[kind].file).toString());
      const { resources, issues } = resourcesFromGeoJson(json, kind);
      expect(issues, kind).toEqual([]);
      expect(resources.length, kind).toBe(m.resources[kind].count);
      expect(resources.length, kind).toBeGreaterThan(0);
      expect(resources.every((r) => r.synthetic === true && r.kind === kind)).toBe(true);
      const [w, s, e, n] = m.bbox;
      expect(resources.every((r) => r.lngLat[0] >= w && r.lngLat[0] <= e && r.lngLat[1] >= s && r.lngLat[1] <= n)).toBe(true);
    }
  });

  test('the graph file is the worker\'s binary graph with the manifest\'s counts; the basemap gets only major roads', () => {
    const bytes = read(a.manifest.roads.graph);
    const g = deserializeRoadGraph(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(g.edgeCount).toBe(a.manifest.roads.edgeCount);
    expect(g.nodeCount).toBe(a.manifest.roads.nodeCount);
    expect(Math.abs(g.edgeCount - 4000) / 4000).toBeLessThan(0.1);
    const drawn = JSON.parse(read(a.manifest.roads.drawn).toString());
    expect(new Set(drawn.features.map((f: { properties: { highway: string } }) => f.properties.highway))).toEqual(new Set(['trunk', 'primary']));
    expect(a.manifest.roads.drawnEdgeCount).toBeGreaterThan(0);
    expect(a.manifest.roads.drawnEdgeCount).toBeLessThan(g.edgeCount / 3);
  });

  test('seeded: the same seed writes the same files, another seed other resources', () => {
    const b = generateProvince({ outDir: tmp(), edges: 4000, resources: 1000, seed: 5 });
    const c = generateProvince({ outDir: tmp(), edges: 4000, resources: 1000, seed: 6 });
    for (const name of ['shelters.geojson', 'cameras.geojson', 'roads.graph.bin', 'major-roads.geojson']) {
      expect(readFileSync(join(b.outDir, name)).equals(read(name)), name).toBe(true);
    }
    expect(readFileSync(join(c.outDir, 'shelters.geojson')).equals(read('shelters.geojson'))).toBe(false);
  });

  test('about 1 M edges by default: the grid for 1,000,000 edges is the bench grid\'s shape', () => {
    const { rows, cols } = gridForEdges(1_000_000);
    expect(rows * cols * 2).toBeGreaterThan(990_000);
    expect(rows * cols * 2).toBeLessThan(1_010_000);
    expect(() => generateProvince({ outDir: tmp(), edges: 10 })).toThrow(/--edges/);
  });
});

describe('the dataset option', () => {
  test('?dataset=province opens the province, nothing or taishun the demo, anything else is named as unknown', () => {
    expect(datasetFromSearch('')).toEqual({ id: 'taishun' });
    expect(datasetFromSearch('?e2e&dataset=taishun')).toEqual({ id: 'taishun' });
    expect(datasetFromSearch('?dataset=province')).toEqual({ id: 'province', manifestUrl: 'province/manifest.json' });
    expect(datasetFromSearch('?dataset=../etc')).toEqual({ id: 'unknown', requested: '../etc' });
  });

  test('a manifest pointing outside its folder or at another origin is refused, naming the field', () => {
    const good = JSON.parse(readFileSync(join(dirs[0]!, 'province', 'manifest.json'), 'utf8'));
    for (const [field, value] of [['graph', 'https://example.com/x.bin'], ['graph', '../secret.bin'], ['drawn', '/abs.geojson']] as const) {
      const bad = { ...good, roads: { ...good.roads, [field]: value } };
      const r = parseDatasetManifest(bad);
      expect('problems' in r && r.problems.join()).toMatch(new RegExp(`roads\\.${field}`));
    }
    expect('problems' in parseDatasetManifest({ ...good, synthetic: false })).toBe(true);
  });
});
