import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseOsmPbf } from '../../src/core/import/parse-osm-pbf';
import { roadNetworkFromRaw } from '../../src/core/routing/road-network';
import { findNearestByTravelTime, snapResources } from '../../src/core/routing/find-nearest-by-travel-time';
import { ANDORRA_PBF, HAS_SHARED, SKIP_REASON, readSharedJson } from '../helpers/shared-reference';
import { scoreNearest, type NearestCase } from '../helpers/score';

describe.skipIf(!HAS_SHARED)(`nearest resources vs the Andorra reference (${HAS_SHARED ? 'shared present' : SKIP_REASON})`, () => {
  test('top-1 agreement 100 % and p95 relative error <= 0.5 %', () => {
    const net = roadNetworkFromRaw(parseOsmPbf(readFileSync(ANDORRA_PBF)));
    const stations = readSharedJson<GeoJSON.FeatureCollection<GeoJSON.Point>>('reference/andorra/stations.geojson');
    const snapped = snapResources(net, stations.features.map((f) => ({ id: String(f.properties!.id), kind: 'fire_station', lngLat: f.geometry.coordinates as [number, number] })));
    const { cases } = readSharedJson<{ cases: NearestCase[] }>('reference/andorra/nearest-cases.json');
    const pred = cases.map((c) => findNearestByTravelTime(net, c.incident, snapped, { k: 10 }));
    const score = scoreNearest(cases, pred);
    console.log('nearest score', JSON.stringify(score));
    expect(score.failedTop1).toEqual([]);
    expect(score.top1AgreementPct).toBe(100);
    expect(score.p95AbsRelErr!).toBeLessThanOrEqual(0.005);
    expect(score.pairsExtraInPred).toBe(0);
    expect(score.pairsMissingInPred).toBe(0);
  });
});
