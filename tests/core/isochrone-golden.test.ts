/**
 * Golden isochrones (turf style): each tests/fixtures/isochrone/in/NAME.geojson holds roads
 * (LineStrings with highway tags), sources (Points with role "source" and an id), optional flood
 * polygons (role "barrier") and the options as a foreign member; out/NAME.geojson is what
 * computeIsochrones answered, reviewed by eye when it was written. REGEN=1 rewrites the out files.
 */
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import {
  closedEdgesFromBarriers, computeIsochrones, DEFAULT_TRAVEL_AREA_OPTIONS, EMERGENCY_DEFAULT_PROFILE, parseGeoJsonRoads,
  roadNetworkFromRaw, type TravelAreaOptions,
} from '../../src/core/index';
import { BruteForceRoads } from '../helpers/brute-force';
import { expectGolden, FIXTURES_DIR, goldenInputs, readJson } from '../helpers/golden';
import { distanceToBoundaryMeters, insideMultiPolygon, lineTouchesPolygon, rfc7946Problems } from './support/polygons';

const DIR = resolve(FIXTURES_DIR, 'isochrone');

/** An n × n grid of places over the polygons' box grown by 10 % each side. */
function gridOver(geometries: Array<{ coordinates: number[][][][] }>, n: number): Array<[number, number]> {
  let w = Infinity, s = Infinity, e = -Infinity, north = -Infinity;
  for (const g of geometries) for (const poly of g.coordinates) for (const [x, y] of poly[0]!) {
    w = Math.min(w, x!); e = Math.max(e, x!); s = Math.min(s, y!); north = Math.max(north, y!);
  }
  const dx = (e - w) * 0.1, dy = (north - s) * 0.1;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out.push([w - dx + ((e - w + 2 * dx) * (i + 0.5)) / n, s - dy + ((north - s + 2 * dy) * (j + 0.5)) / n]);
  return out;
}

describe('golden isochrones', () => {
  const names = goldenInputs(DIR);

  test('the fixtures are there', () => {
    expect(names).toEqual(['cliff-beyond-snap', 'cliff-dual-carriageway', 'cliff-pockets', 'flooded-street', 'island', 'one-way-block', 'ring-road-hole', 't-junction']);
  });

  test.each(names)('%s', (name) => {
    const input = readJson<FeatureCollection & { options?: TravelAreaOptions }>(resolve(DIR, 'in', `${name}.geojson`));
    const raw = parseGeoJsonRoads(input);
    expect(raw.problems).toEqual([]);
    const net = roadNetworkFromRaw(raw);
    const role = (f: Feature, r: string) => f.properties?.role === r;
    const sources = input.features.filter((f) => role(f, 'source')).map((f) => ({ id: String(f.properties!.id), lngLat: (f as Feature<Point>).geometry.coordinates as [number, number] }));
    const polygons = input.features.filter((f) => role(f, 'barrier')).map((f) => (f as Feature<Polygon>).geometry);
    const closedEdges = polygons.length ? closedEdgesFromBarriers(net.graph, net.index, { polygons }) : undefined;
    const answer = computeIsochrones(net, sources, { ...input.options, closedEdges });

    // Sensible before golden: valid RFC 7946, and a 40 × 40 grid of places over the areas is
    // classified like the brute-force time (closures applied by its own polygon test), ≥ 97 %
    // away from the boundary. So a REGEN cannot bless a wrong answer unnoticed.
    const bf = new BruteForceRoads(raw, EMERGENCY_DEFAULT_PROFILE);
    const open = (e: { coords: Array<readonly [number, number]> }) => !polygons.some((p) => lineTouchesPolygon(e.coords as Array<[number, number]>, p));
    const cell = input.options?.cellSizeMeters ?? DEFAULT_TRAVEL_AREA_OPTIONS.cellSizeMeters;
    const places = gridOver(answer.features.features.map((f) => f.geometry), 40);
    for (const f of answer.features.features) {
      const what = `${f.properties.sourceId} ${f.properties.minutes} min`;
      expect(rfc7946Problems(f.geometry), what).toEqual([]);
      const source = sources.find((s) => s.id === f.properties.sourceId)!;
      const times = bf.travel(source.lngLat, places, open);
      let judged = 0, agree = 0;
      places.forEach((p, i) => {
        if (distanceToBoundaryMeters(p, f.geometry) <= cell) return;
        judged++;
        if (insideMultiPolygon(p, f.geometry) === times[i]!.seconds <= f.properties.minutes * 60) agree++;
      });
      expect(agree / judged, `${what}: ${agree}/${judged}`).toBeGreaterThanOrEqual(0.97);
    }
    for (const id of answer.unreachableSourceIds) expect(bf.snap(sources.find((s) => s.id === id)!.lngLat)).toBeNull();

    expectGolden(resolve(DIR, 'out', `${name}.geojson`), { ...answer.features, unreachableSourceIds: answer.unreachableSourceIds });
  });
});
