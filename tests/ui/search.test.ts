import { describe, expect, it } from 'vitest';
import { searchEntries, type SearchEntry } from '../../src/ui/state/search';

const at: [number, number] = [119.7, 27.5];
const entries: SearchEntry[] = [
  { target: 'resource', id: 'SH001', name: '罗阳镇第一避灾安置点', kind: 'shelter', lngLat: at },
  { target: 'township', id: 'T01', name: '罗阳镇', nameEn: 'Luoyang', lngLat: at },
  { target: 'village', id: 'V001', name: '新北社区', lngLat: at },
  { target: 'village', id: 'V002', name: '罗阳村', lngLat: at },
  { target: 'resource', id: 'RT001', name: '泰顺县防汛抢险专业队', nameEn: 'County flood rescue team', kind: 'rescue_team', lngLat: at },
];
const ids = (q: string, limit?: number) => searchEntries(entries, q, limit).map((e) => e.id);

describe('search ranking', () => {
  it('ranks exact before prefix before substring', () => {
    expect(ids('罗阳镇')).toEqual(['T01', 'SH001']);
    expect(ids('罗阳')).toEqual(['T01', 'V002', 'SH001']); // equal length: township first
  });
  it('matches English names case-insensitively and ids', () => {
    expect(ids('luoYANG')).toEqual(['T01']);
    expect(ids('flood')).toEqual(['RT001']);
    expect(ids('v001')).toEqual(['V001']);
  });
  it('returns nothing for a blank query and honours the limit', () => {
    expect(ids('   ')).toEqual([]);
    expect(ids('罗', 1)).toHaveLength(1);
  });
  it('is deterministic', () => {
    expect(ids('社区')).toEqual(ids('社区'));
  });
});
