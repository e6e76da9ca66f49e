import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseOsmPbf } from '../../src/core/import/parse-osm-pbf';
import { roadNetworkFromRaw } from '../../src/core/routing/road-network';
import { computeIsochrones } from '../../src/core/isochrone/compute-isochrone';
import { ANDORRA_PBF, HAS_SHARED, SKIP_REASON, readSharedJson } from '../helpers/shared-reference';
import { polygonUnionTester, probesOf, scoreProbes } from '../helpers/score';

describe.skipIf(!HAS_SHARED)(`15-minute isochrones vs the Andorra reference (${HAS_SHARED ? 'shared present' : SKIP_REASON})`, () => {
  test('misclassification <= 3 % for every station, overall probe IoU >= 0.99 (issue 12)', () => {
    const net = roadNetworkFromRaw(parseOsmPbf(readFileSync(ANDORRA_PBF)));
    const stations = readSharedJson<GeoJSON.FeatureCollection<GeoJSON.Point>>('reference/andorra/stations.geojson');
    const sources = stations.features.map((f) => ({ id: String(f.properties!.id), lngLat: f.geometry.coordinates as [number, number] }));
    const t0 = performance.now();
    const { features } = computeIsochrones(net, sources, { bandsMinutes: [15] });
    console.log('6 isochrones ms', (performance.now() - t0).toFixed(0));
    const probes = probesOf(readSharedJson('reference/andorra/iso-probes.geojson'), 'station');
    let over = 0, under = 0, tIn = 0, pIn = 0;
    for (const s of sources) {
      const inside = polygonUnionTester(features.features.filter((f) => f.properties.sourceId === s.id));
      const r = scoreProbes(probes.filter((p) => p.group === s.id), inside, 900);
      console.log(s.id, JSON.stringify(r));
      expect(r.misclassificationPct).toBeLessThanOrEqual(3);
      over += r.overCount; under += r.underCount; tIn += r.truthInside; pIn += r.predInside;
    }
    const both = tIn - under, iou = both / (both + over + under);
    console.log('overall iou', iou.toFixed(4));
    expect(iou).toBeGreaterThanOrEqual(0.99);
  });
});
