import { describe, expect, it } from 'vitest';
import { importResources } from '../../../src/io/import/import-resources';
import { mappingOverrides, MAPPABLE_FIELDS, shownField } from '../../../src/ui/views/import/state/column-mapping';

const csv = (text: string) => new TextEncoder().encode(text);
const FILE = '站点编号,站点名称,X值,Y值,床位,电话\nS1,一号点,119.70,27.55,120,0577-1\nS2,二号点,119.71,27.56,80,\n';

describe('the import dialog\'s column mapping', () => {
  it('offers every schema field the importer knows, and shows a column by its guess', () => {
    for (const f of ['id', 'name', 'lng', 'lat', 'capacity', 'occupancy', 'phone', 'open']) expect(MAPPABLE_FIELDS).toContain(f);
    expect(shownField({ header: '电话', field: 'phone' })).toBe('phone');
    expect(shownField({ header: 'X值', field: 'X值' })).toBe('');
  });

  it('unguessable headers: nothing valid as guessed; with the chosen mapping every row lands', () => {
    const first = importResources({ fileName: 's.csv', bytes: csv(FILE), kind: 'shelter', now: '2026-12-01T00:00:00Z' });
    expect(first.resources).toHaveLength(0);
    const chosen = { 站点编号: 'id', 站点名称: 'name', X值: 'lng', Y值: 'lat', 床位: 'capacity' };
    const columns = mappingOverrides(first.summary.columns, chosen);
    expect(columns).toEqual({ id: '站点编号', name: '站点名称', lng: 'X值', lat: 'Y值', capacity: '床位' });
    const again = importResources({ fileName: 's.csv', bytes: csv(FILE), kind: 'shelter', now: '2026-12-01T00:00:00Z', columns });
    expect(again.resources.map((r) => [r.id, r.name, r.lngLat, (r as { capacity: number }).capacity])).toEqual([
      ['S1', '一号点', [119.7, 27.55], 120], ['S2', '二号点', [119.71, 27.56], 80],
    ]);
  });

  it('a column set to "not used" fills no field; a guess left alone is no override', () => {
    const file = csv('id,name,lng,lat,capacity,地址\nA,a,119.7,27.55,10,东门路1号\n');
    const r = importResources({ fileName: 's.csv', bytes: file, kind: 'shelter', now: '2026-12-01T00:00:00Z' });
    expect((r.resources[0] as { address?: string }).address).toBe('东门路1号');
    const columns = mappingOverrides(r.summary.columns, { 地址: '', name: 'name' });
    expect(columns).toEqual({ '(unused) 地址': '地址' });
    const again = importResources({ fileName: 's.csv', bytes: file, kind: 'shelter', now: '2026-12-01T00:00:00Z', columns });
    expect(again.resources).toHaveLength(1);
    expect((again.resources[0] as { address?: string }).address).toBeUndefined();
    expect(mappingOverrides(r.summary.columns, { 电话: '' })).toEqual({});
  });
});
