import { describe, expect, test } from 'vitest';
import type { Resource, ResourceKind, Shelter } from '../../src/io/schemas/resource';
import type { ImportedLayer } from '../../src/queries/local/imported-layers';
import { mergeLocalData } from '../../src/queries/local/merge-local';
import type { ShelterEdit } from '../../src/queries/local/shelter-edits';

const shelter = (id: string, lng = 119.7, extra: Partial<Shelter> = {}): Shelter => ({
  id, kind: 'shelter', name: `避灾点 ${id}`, lngLat: [lng, 27.5], township: 'T01', status: 'active', updatedAt: '2024-10-07T15:20:09.000Z',
  capacity: 100, occupancy: 10, open: false, typhoonSafe: true, level: 'village', ...extra,
});
const empty = (): Record<ResourceKind, Resource[]> => ({ shelter: [], rescue_team: [], fire_station: [], depot: [], camera: [] });
const layer = (id: string, mode: 'replace' | 'beside', resources: Resource[], importedAt = `2026-12-01T0${id.length}:00:00Z`): ImportedLayer => ({
  id, kind: 'shelter', sourceFile: `${id}.csv`, importedAt, mode, resources,
});
const NO_EDITS: ReadonlyMap<string, ShelterEdit> = new Map();

describe('mergeLocalData: imported layers and shelter edits over the demo layers', () => {
  test('nothing imported or edited: every kind keeps its own array', () => {
    const demo = { ...empty(), shelter: [shelter('SH001')] };
    const { byKind, local } = mergeLocalData(demo, [], NO_EDITS);
    for (const k of Object.keys(demo) as ResourceKind[]) expect(byKind[k]).toBe(demo[k]);
    expect(local.importedFrom.size).toBe(0);
  });

  test('beside: demo rows stay, imported rows join, a row with a shown id takes its place (ids stay unique)', () => {
    const demo = { ...empty(), shelter: [shelter('SH001'), shelter('SH002')] };
    const { byKind, local } = mergeLocalData(demo, [layer('a', 'beside', [shelter('BZ001', 119.8), shelter('SH002', 119.9)])], NO_EDITS);
    expect(byKind.shelter.map((r) => [r.id, r.lngLat[0]])).toEqual([['SH001', 119.7], ['SH002', 119.9], ['BZ001', 119.8]]);
    expect(local.layersByKind.shelter).toEqual([{ layerId: 'a', sourceFile: 'a.csv', importedAt: expect.any(String), mode: 'beside', count: 2, replacedById: 1 }]);
    expect(local.importedFrom.get('SH002')?.sourceFile).toBe('a.csv');
    expect(local.importedFrom.has('SH001')).toBe(false);
    expect(byKind.rescue_team).toBe(demo.rescue_team);
  });

  test('replace: the demo rows of the kind are left out, every imported layer of it is shown', () => {
    const demo = { ...empty(), shelter: [shelter('SH001')] };
    const { byKind, local } = mergeLocalData(demo, [layer('a', 'beside', [shelter('X1')]), layer('bb', 'replace', [shelter('X2')])], NO_EDITS);
    expect(byKind.shelter.map((r) => r.id)).toEqual(['X1', 'X2']);
    expect([...local.replacedKinds]).toEqual(['shelter']);
  });

  test('edits: open and occupancy laid over demo and imported shelters by id, never above capacity; unknown ids ignored', () => {
    const demo = { ...empty(), shelter: [shelter('SH001'), shelter('SH002')] };
    const edits = new Map<string, ShelterEdit>([
      ['SH001', { id: 'SH001', open: true, occupancy: 55, editedAt: '2026-12-01T12:00:00.000Z' }],
      ['X1', { id: 'X1', open: true, occupancy: 500, editedAt: '2026-12-01T12:01:00.000Z' }],
      ['GONE', { id: 'GONE', open: true, occupancy: 1, editedAt: '2026-12-01T12:02:00.000Z' }],
    ]);
    const { byKind, local } = mergeLocalData(demo, [layer('a', 'beside', [shelter('X1')])], edits);
    const by = new Map(byKind.shelter.map((r) => [r.id, r as Shelter]));
    expect(by.get('SH001')).toMatchObject({ open: true, occupancy: 55, updatedAt: '2026-12-01T12:00:00.000Z' });
    expect(by.get('SH002')).toMatchObject({ open: false, occupancy: 10 });
    expect(by.get('X1')).toMatchObject({ open: true, occupancy: 100 });
    expect([...local.edited.keys()].sort()).toEqual(['SH001', 'X1']);
    expect(demo.shelter[0]).toMatchObject({ open: false, occupancy: 10 });
  });
});
