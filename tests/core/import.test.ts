/**
 * Road import: the hand-written fixtures tests/fixtures/roads/small-town.{osm,geojson} describe
 * the same roads in OSM XML and GeoJSON and must give the same graph; format detection; and bad
 * inputs, which must name the problem (CoreError 'invalid-input' or a listed problem) and never
 * crash, keeping the valid roads.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  buildRoadGraph, CoreError, detectRoadFormat, EMERGENCY_DEFAULT_PROFILE, parseGeoJsonRoads, parseOsmPbf, parseOsmXml,
  parseRoads, type RawRoads, type RoadGraph,
} from '../../src/core/index';
import { bfEdges } from '../helpers/brute-force';
import { FIXTURES_DIR } from '../helpers/golden';
import { ANDORRA_PBF, HAS_SHARED } from '../helpers/shared-reference';
import { edgesOf } from './support/core-access';

const enc = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES_DIR, 'roads', name)));

/** Edges keyed by their end coordinates (node ids differ between formats). */
function edgeTable(g: RoadGraph) {
  const at = (v: number) => `${g.nodeLngLat[2 * v]!.toFixed(7)},${g.nodeLngLat[2 * v + 1]!.toFixed(7)}`;
  return Array.from({ length: g.edgeCount }, (_, e) => ({
    key: `${at(g.edgeFrom[e]!)} → ${at(g.edgeTo[e]!)}`,
    meters: g.edgeLengthMeters[e]!,
    forward: g.edgeForwardSeconds[e]!,
    backward: g.edgeBackwardSeconds[e]!,
    shapePoints: g.edgeShapeOffsets[e + 1]! - g.edgeShapeOffsets[e]!,
  })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.meters - b.meters));
}

function expectCoreError(f: () => unknown, code: string, message: RegExp) {
  let caught: unknown;
  try {
    f();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(CoreError);
  expect((caught as CoreError).code).toBe(code);
  expect((caught as Error).message).toMatch(message);
}

describe('small-town: OSM XML and GeoJSON give the same graph', () => {
  const fromXml = parseRoads('small-town.osm', fixture('small-town.osm'));
  const fromGeoJson = parseRoads('small-town.geojson', fixture('small-town.geojson'));
  const gx = buildRoadGraph(fromXml), gj = buildRoadGraph(fromGeoJson);

  test('no problems reading either file', () => {
    expect(fromXml.problems).toEqual([]);
    expect(fromGeoJson.problems).toEqual([]);
  });

  test('the hand count: 10 edges between 9 vertices', () => {
    // 100: 1-2, 2-3 (split at 2) · 101: 2-5, 5-4, 4-3 · 102: 3-6-7 (6 is a shape node)
    // 104: 7-4 | cut at missing 9 | 10-11 · 105: 5-5-8 → 5-8 · 106: 11-12-13-11 loop · 103 footway: none
    expect(gx.edgeCount).toBe(10);
    expect(gx.nodeCount).toBe(9);
    expect([...gx.nodeOsmId].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 7, 8, 10, 11]);
  });

  test('same edges: ends, lengths, seconds each way, shape points', () => {
    const x = edgeTable(gx), j = edgeTable(gj);
    expect(j.map((e) => e.key)).toEqual(x.map((e) => e.key));
    x.forEach((e, i) => {
      expect(j[i]!.meters).toBeCloseTo(e.meters, 9);
      expect(j[i]!.forward).toBeCloseTo(e.forward, 9);
      expect(j[i]!.backward).toBeCloseTo(e.backward, 9);
      expect(j[i]!.shapePoints).toBe(e.shapePoints);
    });
  });

  test('the brute-force reference builds the same edges from the XML', () => {
    const brute = bfEdges(fromXml, EMERGENCY_DEFAULT_PROFILE).map((e) => `${e.from}-${e.to} ${e.meters.toFixed(4)}`).sort();
    const core = edgesOf(gx).map((e) => `${e.from}-${e.to} ${e.meters.toFixed(4)}`).sort();
    expect(core).toEqual(brute);
  });

  test('lengths and directions by hand', () => {
    const edges = edgesOf(gx);
    const edge = (from: number, to: number) => edges.find((e) => e.from === from && e.to === to)!;
    // 0.001° of longitude at 42.5° N: R·π/180·0.001·cos 42.5° = 81.98 m; 0.001° of latitude: 111.195 m
    const dLngAt = (lat: number) => 6_371_008.8 * (Math.PI / 180) * 0.001 * Math.cos((lat * Math.PI) / 180);
    const dLng = dLngAt(42.5);
    const dLat = 6_371_008.8 * (Math.PI / 180) * 0.001;
    expect(edge(1, 2).meters).toBeCloseTo(dLng, 3);
    expect(edge(1, 2).forwardSeconds).toBeCloseTo(dLng / (60 / 3.6), 3);
    expect(edge(1, 2).backwardSeconds).toBeCloseTo(dLng / (60 / 3.6), 3);
    expect(edge(2, 5).meters).toBeCloseTo(dLat, 3);
    expect(edge(2, 5).backwardSeconds).toBeNull(); // oneway=yes
    expect(edge(3, 7).forwardSeconds).toBeNull(); // oneway=-1: only 7 → 3
    expect(edge(3, 7).backwardSeconds).not.toBeNull();
    expect(edge(3, 7).shapePoints).toBe(3);
    expect(edge(5, 8).meters).toBeCloseTo(dLngAt(42.501), 3); // repeated ref collapsed: no zero-length edge
    expect(edge(5, 8).highway).toBe('service'); // access=private is still a road
    expect(edge(11, 11).backwardSeconds).toBeNull(); // roundabout
    expect(edge(10, 11).meters).toBeCloseTo(dLngAt(42.501), 3);
    expect(edges.some((e) => e.from === 4 && e.to === 10)).toBe(false); // no edge across the missing node
  });
});

describe('format detection', () => {
  test.each([
    ['andorra.osm.pbf', 'osm-pbf'], ['roads.PBF', 'osm-pbf'], ['roads.osm', 'osm-xml'], ['roads.xml', 'osm-xml'],
    ['roads.geojson', 'geojson'], ['roads.json', 'geojson'],
  ])('by name: %s → %s', (name, format) => {
    expect(detectRoadFormat(name, new Uint8Array(0))).toBe(format);
  });

  test('by content when the name says nothing', () => {
    expect(detectRoadFormat('upload', enc('  <?xml version="1.0"?><osm/>'))).toBe('osm-xml');
    expect(detectRoadFormat('upload', enc('\n{"type":"FeatureCollection","features":[]}'))).toBe('geojson');
    // A PBF file starts with a BlobHeader whose type string is "OSMHeader".
    const pbfHead = new Uint8Array([0, 0, 0, 13, 0x0a, 9, ...enc('OSMHeader'), 0x18, 0x40]);
    expect(detectRoadFormat('upload', pbfHead)).toBe('osm-pbf');
  });

  test.skipIf(!HAS_SHARED)('the real Andorra PBF is recognised by its content', () => {
    expect(detectRoadFormat('download', new Uint8Array(readFileSync(ANDORRA_PBF)).subarray(0, 256))).toBe('osm-pbf');
  });

  test('unknown content is a CoreError naming the file', () => {
    expectCoreError(() => parseRoads('roads.txt', enc('hello')), 'invalid-input', /"roads\.txt"/);
  });
});

describe('bad inputs: a clear error or a listed problem, never a crash', () => {
  test('GeoJSON that is not JSON, or not a FeatureCollection', () => {
    expectCoreError(() => parseRoads('roads.geojson', enc('{"type":')), 'invalid-input', /"roads\.geojson" is not valid JSON/);
    expectCoreError(() => parseRoads('roads.geojson', new Uint8Array(0)), 'invalid-input', /not valid JSON/);
    expectCoreError(() => parseRoads('roads.geojson', enc('{"type":"Feature","geometry":null}')), 'invalid-input', /FeatureCollection/);
    expectCoreError(() => parseGeoJsonRoads({ type: 'FeatureCollection', features: {} }), 'invalid-input', /FeatureCollection/);
    expectCoreError(() => parseGeoJsonRoads(null), 'invalid-input', /FeatureCollection/);
  });

  test('OSM XML without an <osm> root, or cut off', () => {
    expectCoreError(() => parseRoads('roads.osm', new Uint8Array(0)), 'invalid-input', /no <osm> root/);
    expectCoreError(() => parseRoads('roads.osm', enc('<gpx><trk/></gpx>')), 'invalid-input', /no <osm> root/);
    expectCoreError(() => parseRoads('roads.osm', enc('<osm><node id="1" lat="1" lon="2"/><way id="5"><nd ref="1"/')), 'invalid-input', /OSM XML/);
  });

  test('bytes that are not a PBF', () => {
    expectCoreError(() => parseOsmPbf(enc('this is not a protobuf file at all')), 'invalid-input', /^not an OSM PBF file: its first 4 bytes declare a \d+-byte block header/);
    expectCoreError(() => parseRoads('roads.osm.pbf', new Uint8Array(0)), 'invalid-input', /^the OSM PBF file is empty$/);
  });

  const good = { type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: [[1.5, 42.5], [1.501, 42.5]] } };
  const road = (coordinates: unknown, type = 'LineString') => ({ type: 'Feature', properties: { highway: 'primary' }, geometry: { type, coordinates } });

  /** Parses, checks each expected problem is listed and the good road survived into a graph. */
  function expectProblems(features: unknown[], problems: RegExp[]): RawRoads {
    const raw = parseGeoJsonRoads({ type: 'FeatureCollection', features: [good, ...features] });
    for (const p of problems) expect(raw.problems.some((x) => p.test(x)), `${p} in ${JSON.stringify(raw.problems)}`).toBe(true);
    const g = buildRoadGraph(raw);
    expect(edgesOf(g).some((e) => e.highway === 'residential' && Math.abs(e.meters - 81.98) < 0.01)).toBe(true);
    return raw;
  }

  test('a road feature with null geometry is listed, by feature index, and skipped', () => {
    expectProblems([{ type: 'Feature', properties: { highway: 'primary' }, geometry: null }], [/feature 1\b.*null/]);
  });

  test('a road feature with a Point or Polygon geometry is listed and skipped', () => {
    expectProblems([road([1.5, 42.5], 'Point'), road([[[1.5, 42.5], [1.6, 42.5], [1.6, 42.6], [1.5, 42.5]]], 'Polygon')], [/feature 1\b.*Point/, /feature 2\b.*Polygon/]);
  });

  test('NaN, Infinity, strings and out-of-range coordinates are listed; the way is cut there', () => {
    const raw = expectProblems([
      road([[1.5, 42.5], [NaN, 42.5], [1.502, 42.5]]),
      road([[1.5, 42.5], [Infinity, 42.5]]),
      road([[1.5, 42.5], ['abc', 42.5]]),
      road([[1.5, 42.5], [1.5, 95]]),
      road([[200, 42.5], [1.5, 42.5]]),
    ], [/feature 1\b.*not a \[lng, lat\]/, /feature 2\b/, /feature 3\b/, /feature 4\b/, /feature 5\b/]);
    // Feature 1 is cut at its bad middle position: no edge joins its two good ends (200 m apart).
    const g = buildRoadGraph(raw);
    expect(edgesOf(g).some((e) => e.highway === 'primary' && e.meters > 100)).toBe(false);
  });

  test('a null position inside a LineString is listed, not a TypeError', () => {
    expectProblems([road([[1.5, 42.5], null, [1.502, 42.5]])], [/feature 1\b.*null/]);
  });

  test('coordinates that are not an array (LineString or a MultiLineString part) are listed, not silently dropped', () => {
    expectProblems([road('abc'), road(null, 'MultiLineString'), road([null, [[1.5, 42.5], [1.5, 42.501]]], 'MultiLineString')], [/feature 1\b/, /feature 2\b/, /feature 3\b/]);
  });

  test('features that are not roads (no highway) are ignored without complaint, null features too', () => {
    const raw = parseGeoJsonRoads({ type: 'FeatureCollection', features: [good, null, { type: 'Feature', properties: null, geometry: null }, { type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Point', coordinates: [1, 1] } }] });
    expect(raw.ways).toHaveLength(1);
  });

  test('OSM XML: a node without a position is listed and the ways using it are cut there', () => {
    const raw = parseOsmXml(`<osm>
      <node id="1" lat="42.5" lon="1.5"/><node id="2" lat="abc" lon="1.501"/><node id="3"/><node id="4" lat="42.5" lon="1.503"/>
      <node id="5" lat="42.5" lon="1.504"/>
      <way id="7"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="5"/><tag k="highway" v="primary"/></way>
    </osm>`);
    expect(raw.problems).toHaveLength(2);
    expect(raw.problems[0]).toMatch(/node id="2".*lat="abc"/);
    expect(raw.problems[1]).toMatch(/node id="3"/);
    const g = buildRoadGraph(raw);
    expect(edgesOf(g).map((e) => `${e.from}-${e.to}`)).toEqual(['4-5']);
  });

  test('a file with no roads at all is CoreError network-empty when building the graph', () => {
    const raw = parseRoads('roads.geojson', enc('{"type":"FeatureCollection","features":[]}'));
    expectCoreError(() => buildRoadGraph(raw), 'network-empty', /no road ways/);
  });
});
