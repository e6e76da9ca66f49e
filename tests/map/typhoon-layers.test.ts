import { describe, expect, test } from 'vitest';
import { haversineMeters, stormStates, type TyphoonTrack } from '../../src/core';
import { buildTyphoonLayers, dashedPaths, latestForecasts, pastTrack } from '../../src/map/layers/typhoon-layers';

const H = 3_600_000, T0 = Date.UTC(2024, 6, 25);
const track: TyphoonTrack = {
  storm: { name: 'TEST', id: 'T', source: 'test' }, format: 'onemap-geojson', thresholdsKt: ['34', '50'],
  fixes: [
    { timeMs: T0, lngLat: [121, 25], maxWindMetersPerSecond: 40, windAveragingMinutes: 2, pressureHpa: 960, category: 'TY', radiiMeters: { 34: { ne: 200e3, se: 150e3, sw: 100e3, nw: 80e3 } } },
    { timeMs: T0 + 6 * H, lngLat: [120, 26], maxWindMetersPerSecond: 30, windAveragingMinutes: 2, pressureHpa: 970, category: 'STS', radiiMeters: { 34: { ne: 180e3, se: 140e3, sw: 90e3, nw: 70e3 } } },
  ],
  forecasts: [
    { agency: '中国', issuedMs: T0, points: [{ timeMs: T0, lngLat: [121, 25], maxWindMetersPerSecond: null, pressureHpa: null, category: null }, { timeMs: T0 + 24 * H, lngLat: [118, 28], maxWindMetersPerSecond: null, pressureHpa: null, category: null }] },
    { agency: '中国', issuedMs: T0 + 6 * H, points: [] },
    { agency: '日本', issuedMs: T0 + 12 * H, points: [] },
  ],
  landfalls: [{ timeMs: T0 + 3 * H, lngLat: [120.5, 25.5], place: 'x' }],
};

describe('typhoon layer descriptors', () => {
  const states = stormStates(track);
  test('circles only where issued; the track, forecasts, fixes, landfall and centre above the icons', () => {
    const { below, above } = buildTyphoonLayers({ track, state: states[3]!, agencies: ['中国', '日本'] });
    expect(below.map((d) => d.id)).toEqual(['typhoon-circle-34', 'typhoon-circle-50']);
    const c34 = below[0]!, c50 = below[1]!;
    expect(c34.type === 'shapes' && c34.features.features).toHaveLength(1);
    expect(c50.type === 'shapes' && c50.features.features).toHaveLength(0);
    expect(above.map((d) => d.id)).toContain('typhoon-landfall');
    expect(above.find((d) => d.id === 'typhoon-centre')).toMatchObject({ type: 'highlight', lngLat: states[3]!.centre });
  });
  test('the static parts are the same objects from hour to hour (deck.gl keeps their buffers)', () => {
    const a = buildTyphoonLayers({ track, state: states[1]!, agencies: [] }).above;
    const b = buildTyphoonLayers({ track, state: states[5]!, agencies: [] }).above;
    expect(a.find((d) => d.id === 'typhoon-track')).toBe(b.find((d) => d.id === 'typhoon-track'));
  });
  test('the past track ends at the centre of the chosen hour', () => {
    expect(pastTrack(track, states[0]!)).toEqual([]);
    const p = pastTrack(track, states[3]!);
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toEqual([[121, 25], states[3]!.centre]);
    expect(pastTrack(track, states[6]!)[0]!.path).toEqual([[121, 25], [120, 26]]);
  });
  test('the latest forecast per agency issued by the chosen hour', () => {
    expect(latestForecasts(track.forecasts, T0 + 7 * H).map((f) => [f.agency, f.issuedMs])).toEqual([['中国', T0 + 6 * H]]);
    expect(latestForecasts(track.forecasts, T0 + 12 * H).map((f) => f.agency).sort()).toEqual(['中国', '日本']);
  });
  test('dashes: 12 km on, 8 km off along the line', () => {
    const line: [number, number][] = [[120, 25], [120, 25.85]]; // ~94.5 km north: 5 dashes, ending in a gap
    const dashes = dashedPaths('d', line, [0, 0, 0, 255], 2);
    expect(dashes.length).toBe(5);
    for (const d of dashes.slice(0, -1)) {
      const [a, b] = [d.path[0]!, d.path[d.path.length - 1]!];
      expect(haversineMeters(a[0], a[1], b[0], b[1])).toBeCloseTo(12_000, -1);
    }
  });
});
