import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../../src/ui/views/planner/state/csv';
import { floodPolygonsFromGeoJson } from '../../../../src/ui/views/planner/state/flood-file';
import { DEFAULT_PLANNER_STATE, parsePlannerParams, plannerParams } from '../../../../src/ui/views/planner/state/planner-params';
import { reportRows } from '../../../../src/ui/views/planner/state/report';
import { stormDrops, townshipCoverageRows, sortRows } from '../../../../src/ui/views/planner/state/tables';
import type { CoverageRollUp } from '../../../../src/core';

describe('planner hash params', () => {
  it('round-trips every field and writes only what differs from the defaults', () => {
    expect(plannerParams(DEFAULT_PLANNER_STATE)).toEqual({});
    const s = {
      ...DEFAULT_PLANNER_STATE, tab: 'storm' as const, kinds: ['fire_station' as const], budgetMinutes: 10, turnoutMinutes: 1, sites: [[119.71234, 27.55123] as [number, number]],
      newShelters: [{ lngLat: [119.8, 27.6] as [number, number], capacity: 300 }], share: 0.05, typhoonSafeOnly: true, p: 2, build: 'shelter' as const, gaps: false,
      flood: [{ type: 'Polygon' as const, coordinates: [[[119.7, 27.5], [119.72, 27.5], [119.72, 27.52], [119.7, 27.5]]] }],
    };
    expect(parsePlannerParams(plannerParams(s))).toEqual(s);
  });
  it('falls back field by field on garbage', () => {
    const s = parsePlannerParams({ min: '7', kinds: 'tank', sites: '1,2;x', p: '9', share: '-3', flood: '1:2,3:4', tab: 'nope', turnout: '2' });
    expect(s.budgetMinutes).toBe(15);
    expect(s.kinds).toEqual(DEFAULT_PLANNER_STATE.kinds);
    expect(s.sites).toEqual([]);
    expect(s.p).toBe(3);
    expect(s.share).toBeNull();
    expect(s.flood).toEqual([]);
    expect(s.tab).toBe('coverage');
    expect(s.turnoutMinutes).toBe(2);
  });
});

describe('CSV', () => {
  it('starts with a BOM, quotes, and neutralises formula-leading text but not numbers', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(null)).toBe('');
    expect(csvText([['乡镇', 1], ['罗阳镇', 2]])).toBe('\uFEFF乡镇,1\r\n罗阳镇,2\r\n');
  });
});

describe('flood files', () => {
  it('reads FeatureCollections, Features and bare (Multi)Polygons; names a bad feature', () => {
    const ring = [[119.7, 27.5], [119.72, 27.5], [119.72, 27.52], [119.7, 27.5]];
    expect(floodPolygonsFromGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring]] } }] })).toHaveLength(2);
    expect(floodPolygonsFromGeoJson({ type: 'Polygon', coordinates: [ring] })).toHaveLength(1);
    expect(() => floodPolygonsFromGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } }] })).toThrow(/feature 0: geometry Point/);
  });
});

const rollUp = (covered: boolean[], seconds: Array<number | null>): CoverageRollUp => ({
  budgetSeconds: 900, turnoutSeconds: 0,
  places: covered.map((c, i) => ({ id: `V${i}`, seconds: seconds[i]!, covered: c, ...(seconds[i] !== null ? { sourceId: 'S' } : {}) })),
  groups: [{ group: 'T01', population: 300, coveredPopulation: covered.filter(Boolean).length * 100, coveredShare: covered.filter(Boolean).length / 3, places: 3, uncoveredPlaceIds: covered.map((c, i) => (c ? null : `V${i}`)).filter((x): x is string => x !== null) }],
  total: { population: 300, coveredPopulation: covered.filter(Boolean).length * 100, coveredShare: covered.filter(Boolean).length / 3, places: 3, uncoveredPlaces: covered.filter((c) => !c).length },
});
const names = { village: (id: string) => ({ name: `村${id}`, township: 'T01' }), township: () => '罗阳镇' };

describe('planner tables', () => {
  it('storm drops: covered before, not after', () => {
    const before = rollUp([true, true, false], [100, 200, null]);
    const after = rollUp([true, false, false], [100, null, null]);
    const drops = stormDrops(before, after, new Map([['V0', 100], ['V1', 100], ['V2', 100]]), names);
    expect(drops.map((d) => d.id)).toEqual(['V1']);
    expect(drops[0]!.afterSeconds).toBeNull();
  });
  it('report rows: header, a row per township, the total and the 示意 note', () => {
    const r = rollUp([true, false, true], [100, 1000, 50]);
    const rows = reportRows({ coverage: r, shelters: null, names, shelterTownship: () => 'T01', villageTownship: () => 'T01', columns: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], totalLabel: '全县合计', note: '示意数据' });
    expect(rows).toHaveLength(4);
    expect(rows[1]!.slice(0, 6)).toEqual(['罗阳镇', 300, 200, 66.7, 3, 1]);
    expect(rows[3]).toEqual(['示意数据']);
    const withWhatIf = reportRows({ coverage: r, shelters: null, names, shelterTownship: () => 'T01', villageTownship: () => 'T01', columns: ['a'], totalLabel: 't', note: 'n', whatIfs: [['新建避灾场所 1', 119.712345, 27.55, 300]] });
    expect(withWhatIf[withWhatIf.length - 1]).toEqual(['新建避灾场所 1', 119.71235, 27.55, 300]);
    expect(sortRows(townshipCoverageRows(r, names), 'population', true)).toHaveLength(1);
  });
});
