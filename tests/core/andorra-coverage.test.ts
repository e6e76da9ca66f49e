import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseOsmPbf } from '../../src/core/import/parse-osm-pbf';
import { roadNetworkFromRaw } from '../../src/core/routing/road-network';
import { projectX, projectY } from '../../src/core/geo/local-projection';
import { computeCoverage } from '../../src/core/coverage/compute-coverage';
import { ANDORRA_PBF, HAS_SHARED, SKIP_REASON, readSharedJson } from '../helpers/shared-reference';
import { polygonUnionTester, probesOf, scoreProbes } from '../helpers/score';

describe.skipIf(!HAS_SHARED)(`15-minute coverage vs the Andorra reference (${HAS_SHARED ? 'shared present' : SKIP_REASON})`, () => {
  // Loaded in beforeAll: a skipped describe still runs its body while collecting tests.
  let sources: Array<{ id: string; lngLat: [number, number] }>;
  let probes: ReturnType<typeof probesOf>;
  let answer: ReturnType<typeof computeCoverage>;
  beforeAll(() => {
    const net = roadNetworkFromRaw(parseOsmPbf(readFileSync(ANDORRA_PBF)));
    const stations = readSharedJson<GeoJSON.FeatureCollection<GeoJSON.Point>>('reference/andorra/stations.geojson');
    sources = stations.features.map((f) => ({ id: String(f.properties!.id), lngLat: f.geometry.coordinates as [number, number] }));
    probes = probesOf(readSharedJson('reference/andorra/coverage-probes.geojson'), null);
    answer = computeCoverage(net, sources, { bandsMinutes: [15] });
  });

  test('covered area: probe IoU >= 0.99 (issue 12)', () => {
    const r = scoreProbes(probes, polygonUnionTester(answer.covered.features), 900);
    console.log('coverage', JSON.stringify(r));
    expect(r.iou!).toBeGreaterThanOrEqual(0.99);
  });

  test('catchments: each covered probe lies in the catchment of its truly fastest station', () => {
    const truth = readSharedJson<GeoJSON.FeatureCollection<GeoJSON.Point>>('reference/andorra/coverage-probes.geojson').features
      .filter((f) => f.properties!.truthSeconds !== null && f.properties!.truthSeconds <= 900);
    const testers = new Map(sources.map((s) => [s.id, polygonUnionTester(answer.catchments.features.filter((f) => f.properties.sourceId === s.id))]));
    const agree = truth.filter((f) => testers.get(String(f.properties!.bestStation))!(f.geometry.coordinates)).length;
    console.log('catchment agreement', agree, '/', truth.length);
    expect(agree / truth.length).toBeGreaterThanOrEqual(0.95);
  });

  test('the raster of best time classifies probes as the truth does (cell-centre sampling)', () => {
    const g = answer.grid!;
    const { frame } = g;
    expect(g.seconds.length).toBe(frame.width * frame.height);
    let agree = 0;
    for (const p of probes) {
      const col = Math.floor(projectX(frame.projection, p.lngLat[0]!) / frame.cellSizeMeters) - frame.colOffset;
      const row = Math.floor(projectY(frame.projection, p.lngLat[1]!) / frame.cellSizeMeters) - frame.rowOffset;
      const inGrid = col >= 0 && row >= 0 && col < frame.width && row < frame.height;
      const t = inGrid ? g.seconds[row * frame.width + col]! : Infinity;
      if ((t <= 900) === (p.truthSeconds !== null && p.truthSeconds <= 900)) agree++;
    }
    console.log('raster agreement', agree, '/', probes.length);
    expect(agree / probes.length).toBeGreaterThanOrEqual(0.98);
    expect(answer.unreachableSourceIds).toEqual([]);
  });
});
