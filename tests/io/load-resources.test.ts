import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RESOURCE_FILE_NAMES,
  RESOURCE_KINDS,
  ResourceSchema,
  placesFromGeoJson,
  resourcesFromGeoJson,
  townshipSeatsFromGeoJson,
  type IoIssue,
  type Shelter,
} from '../../src/io';

const DEMO = join(__dirname, '..', '..', 'data', 'taishun');
const readJson = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const fixture = () => readJson(join(__dirname, 'fixtures', 'broken-shelters.geojson'));

describe('committed demo resources validate', () => {
  const expected = { shelter: 201, rescue_team: 111, fire_station: 20, depot: 20, camera: 2_071 };
  for (const kind of RESOURCE_KINDS) {
    it(`${RESOURCE_FILE_NAMES[kind]}: ${expected[kind]} ${kind} with 0 issues`, () => {
      const { resources, issues } = resourcesFromGeoJson(readJson(join(DEMO, 'resources', RESOURCE_FILE_NAMES[kind])), kind);
      expect(issues).toEqual([]);
      expect(resources).toHaveLength(expected[kind]);
      for (const r of resources) expect(r.kind).toBe(kind);
    });
  }
  it('villages, townships and seats validate with 0 issues', () => {
    const v = placesFromGeoJson(readJson(join(DEMO, 'villages.geojson')), 'village');
    expect(v.issues).toEqual([]);
    expect(v.places).toHaveLength(290);
    const t = placesFromGeoJson(readJson(join(DEMO, 'townships.geojson')), 'township');
    expect(t.issues).toEqual([]);
    expect(t.places).toHaveLength(20);
    expect(t.places[0]!.geometry.type).toBe('Polygon');
    const s = townshipSeatsFromGeoJson(readJson(join(DEMO, 'township-seats.geojson')));
    expect(s.issues).toEqual([]);
    expect(s.places).toHaveLength(20);
  });
  it('every resource township id is a real township', () => {
    const ids = new Set(placesFromGeoJson(readJson(join(DEMO, 'townships.geojson')), 'township').places.map((t) => t.id));
    for (const kind of RESOURCE_KINDS)
      for (const r of resourcesFromGeoJson(readJson(join(DEMO, 'resources', RESOURCE_FILE_NAMES[kind]))).resources)
        expect(ids.has(r.township), `${r.id} → ${r.township}`).toBe(true);
  });
});

describe('resourcesFromGeoJson on a broken file', () => {
  const { resources, issues } = resourcesFromGeoJson(fixture(), 'shelter');
  const ids = resources.map((r) => r.id);
  const issueFor = (id: string): IoIssue[] => issues.filter((i) => i.id === id);

  it('keeps every valid row, including the one after each bad row', () => {
    expect(ids).toEqual(['OK-00', 'OK-02', 'OK-04', 'OK-06', 'OK-08', 'OK-10', 'OK-12', 'PROTO-key', 'HTML-name', 'OK-15']);
  });

  it('null geometry → "no location" at row 1', () => {
    const [i] = issueFor('BAD-null-geometry');
    expect(i).toMatchObject({ row: 1, field: 'geometry', severity: 'error', value: null });
    expect(i!.message).toContain('no location');
    expect(i!.message).toContain('row 1');
  });

  it('NaN coordinate → lngLat issue naming the value', () => {
    const [i] = issueFor('BAD-nan');
    expect(i).toMatchObject({ row: 3, field: 'lngLat', severity: 'error' });
    expect(i!.message).toMatch(/NaN/);
  });

  it('latitude 91 → lngLat issue', () => {
    const [i] = issueFor('BAD-lat91');
    expect(i).toMatchObject({ row: 5, field: 'lngLat', severity: 'error' });
    expect(i!.message).toContain('91');
  });

  it('missing capacity → capacity issue with value undefined', () => {
    const [i] = issueFor('BAD-no-capacity');
    expect(i).toMatchObject({ row: 7, field: 'capacity', severity: 'error' });
    expect(i!.value).toBeUndefined();
    expect(i!.message).toContain('"capacity"');
    expect(i!.message).toContain('missing');
  });

  it('occupancy > capacity → occupancy issue', () => {
    const [i] = issueFor('BAD-occupancy');
    expect(i).toMatchObject({ row: 9, field: 'occupancy', value: 80, severity: 'error' });
    expect(i!.message).toContain('exceeds capacity 50');
  });

  it('duplicate id → warning, the first row is kept', () => {
    const dup = issues.filter((i) => i.field === 'id' && i.id === 'OK-00');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ row: 11, severity: 'warning' });
    expect(resources.find((r) => r.id === 'OK-00')!.name).toBe('测试避灾点OK-00');
  });

  it('__proto__ / constructor keys never reach an object prototype', () => {
    const r = resources.find((x) => x.id === 'PROTO-key')!;
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect((r as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const warnings = issueFor('PROTO-key');
    expect(warnings.map((w) => w.field).sort()).toEqual(['properties.__proto__', 'properties.stream.constructor']);
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
  });

  it('HTML in a name is kept as a plain string', () => {
    const r = resources.find((x) => x.id === 'HTML-name')!;
    expect(r.name).toBe('<img src=x onerror=alert(1)>罗阳<b>避灾点</b>');
    expect(issueFor('HTML-name')).toEqual([]);
  });

  it('reports exactly the bad rows as errors', () => {
    const errorRows = issues.filter((i) => i.severity === 'error').map((i) => i.row);
    expect([...new Set(errorRows)].sort((a, b) => a - b)).toEqual([1, 3, 5, 7, 9]);
  });
});

describe('resourcesFromGeoJson edge cases', () => {
  const shelter = (over: Record<string, unknown> = {}, coords: unknown = [119.7, 27.5]) => ({
    type: 'Feature',
    properties: {
      id: 'S1', name: '点', township: 'T01', status: 'active', updatedAt: '2024-10-01T08:00:00+08:00',
      capacity: 5, occupancy: 0, open: false, typhoonSafe: true, level: 'village', ...over,
    },
    geometry: { type: 'Point', coordinates: coords },
  });
  const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

  it('a non-FeatureCollection gives one issue and never throws', () => {
    for (const input of [null, undefined, 42, 'text', [], { type: 'Feature' }, { type: 'FeatureCollection' }]) {
      const out = resourcesFromGeoJson(input);
      expect(out.resources).toEqual([]);
      expect(out.issues).toHaveLength(1);
      expect(out.issues[0]).toMatchObject({ row: -1, severity: 'error' });
    }
  });

  it('real NaN and Infinity coordinates (from JS, not JSON) are reported', () => {
    const out = resourcesFromGeoJson(fc(shelter({ id: 'a' }, [NaN, 27]), shelter({ id: 'b' }, [119, Infinity]), shelter({ id: 'c' })), 'shelter');
    expect(out.resources.map((r) => r.id)).toEqual(['c']);
    expect(out.issues.map((i) => [i.id, i.field])).toEqual([['a', 'lngLat'], ['b', 'lngLat']]);
  });

  it('kind is filled from expectedKind, and a different kind is rejected', () => {
    const out = resourcesFromGeoJson(fc(shelter(), shelter({ id: 'S2', kind: 'camera' })), 'shelter');
    expect(out.resources).toHaveLength(1);
    expect((out.resources[0] as Shelter).capacity).toBe(5);
    expect(out.issues[0]).toMatchObject({ row: 1, field: 'kind', value: 'camera' });
  });

  it('without expectedKind, an unknown kind is reported on field "kind"', () => {
    const out = resourcesFromGeoJson(fc(shelter({ kind: 'spaceship' })));
    expect(out.resources).toEqual([]);
    expect(out.issues[0]).toMatchObject({ row: 0, field: 'kind' });
  });

  it('non-Point geometry, non-Feature rows and long values are reported, values truncated', () => {
    const long = 'x'.repeat(500);
    const out = resourcesFromGeoJson(
      fc({ type: 'Feature', properties: { id: 'L' }, geometry: { type: 'LineString', coordinates: [] } }, 'junk', shelter({ name: 7, status: long })),
      'shelter',
    );
    expect(out.issues.map((i) => [i.row, i.field])).toEqual([[0, 'geometry.type'], [1, 'type'], [2, 'name'], [2, 'status']]);
    const status = out.issues.find((i) => i.field === 'status')!;
    expect(typeof status.value === 'string' && status.value.length).toBeLessThan(130);
    expect(status.message.length).toBeLessThan(400);
  });

  it('nested paths are named (depot stock quantity)', () => {
    const depot = {
      type: 'Feature',
      properties: {
        id: 'D1', kind: 'depot', name: '库', township: 'T01', status: 'active', updatedAt: '2024-10-01T00:00:00Z', level: 'county',
        stock: [{ item: 'pump', name: '泵', nameEn: 'Pump', category: 'machine', quantity: -1, unit: '台' }],
      },
      geometry: { type: 'Point', coordinates: [119.7, 27.5] },
    };
    const out = resourcesFromGeoJson(fc(depot));
    expect(out.issues[0]).toMatchObject({ field: 'stock.0.quantity', value: -1 });
  });

  it('ResourceSchema rejects a bad updatedAt and accepts an offset', () => {
    const base = shelter().properties;
    expect(ResourceSchema.safeParse({ ...base, kind: 'shelter', lngLat: [119, 27], updatedAt: 'yesterday' }).success).toBe(false);
    expect(ResourceSchema.safeParse({ ...base, kind: 'shelter', lngLat: [119, 27] }).success).toBe(true);
  });
});
