import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readTyphoonTrack, detectTrackFormat, trackToOnemapGeoJson, beijingTimeToUtcMs, zhejiangRadii } from '../../src/io';
import type { TyphoonTrack } from '../../src/core';
import { REPO_ROOT } from '../helpers/shared-reference';

const fixture = (name: string) => readFileSync(resolve(REPO_ROOT, 'tests/fixtures/typhoon', name), 'utf8');
const utc = (iso: string) => Date.parse(iso);
const km = (x: number) => x * 1000;
const nm = (x: number) => x * 1852;
const fixAt = (t: TyphoonTrack, iso: string) => t.fixes.find((f) => f.timeMs === utc(iso));

describe('time: Chinese feeds give Beijing time without an offset', () => {
  test.each([
    ['2021/9/25 14:00:00', '2021-09-25T06:00:00Z'],
    ['2026-07-07 08:00:00', '2026-07-07T00:00:00Z'],
    ['2019-08-10T01:00:00', '2019-08-09T17:00:00Z'],
    ['2024-07-25T06:00:00Z', '2024-07-25T06:00:00Z'],
    ['2024-07-25T14:00:00+08:00', '2024-07-25T06:00:00Z'],
  ])('%s → %s', (text, iso) => expect(beijingTimeToUtcMs(text)).toBe(utc(iso)));
  test.each(['2024-02-31 08:00:00', '25/07/2024 08:00', '', 'now'])('%j is not a time', (text) => expect(beijingTimeToUtcMs(text)).toBeNull());
});

describe('Zhejiang typhoon site JSON (浙江台风网)', () => {
  const r = readTyphoonTrack(fixture('zhejiang-gaemi.json'));
  const t = r.track!;

  test('is detected and read; the storm keeps its Chinese name', () => {
    expect(r.format).toBe('zhejiang');
    expect(t.storm).toMatchObject({ id: '202403', name: 'GAEMI', nameZh: '格美' });
    expect(t.thresholdsKt).toEqual(['30', '50', '64']);
  });

  test('the radius string is NE | SE | NW | SW (not clockwise), in km', () => {
    expect(zhejiangRadii('300|250|200|150', 'radius7', { row: 0 }, [])).toEqual({ ne: km(300), se: km(250), nw: km(200), sw: km(150) });
    expect(fixAt(t, '2024-07-25T06:00:00Z')!.radiiMeters['30']).toEqual({ ne: km(300), se: km(250), sw: km(150), nw: km(200) });
  });

  test('Beijing time without an offset becomes UTC (14:00 Beijing = 06:00Z), in both date styles', () => {
    expect(t.fixes.map((f) => new Date(f.timeMs).toISOString())).toEqual([
      '2024-07-25T00:00:00.000Z', '2024-07-25T06:00:00.000Z', '2024-07-25T09:00:00.000Z', '2024-07-25T15:00:00.000Z',
    ]);
  });

  test('"" is not issued, "0|0|0|0" is no such winds, an empty quadrant is null', () => {
    expect(fixAt(t, '2024-07-25T00:00:00Z')!.radiiMeters).toEqual({});
    expect(fixAt(t, '2024-07-25T06:00:00Z')!.radiiMeters['64']).toEqual({ ne: 0, se: 0, sw: 0, nw: 0 });
    expect(fixAt(t, '2024-07-25T09:00:00Z')!.radiiMeters['50']).toEqual({ ne: km(90), se: km(80), sw: km(60), nw: null });
    expect(fixAt(t, '2024-07-25T09:00:00Z')!.radiiMeters['64']).toBeUndefined();
  });

  test('a bad point is a problem naming the point, the field and the value; the rest is kept', () => {
    const bad = r.issues.filter((i) => i.severity === 'error');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ row: 3, field: 'lng', value: 'abc' });
    expect(bad[0]!.message).toMatch(/point 3, field "lng" = "abc"/);
    expect(r.issues.some((i) => i.severity === 'warning' && i.field === 'radius7' && /single radius/.test(i.message))).toBe(true);
  });

  test('"0" pressure is missing; a pressure out of range is ignored with a warning; category from the 2-min wind', () => {
    expect(fixAt(t, '2024-07-25T09:00:00Z')!.pressureHpa).toBeNull();
    expect(fixAt(t, '2024-07-25T06:00:00Z')).toMatchObject({ pressureHpa: 970, maxWindMetersPerSecond: 35, windAveragingMinutes: 2, category: 'TY', categoryText: '台风' });
    expect(r.issues.some((i) => /forecastpoints\.2\.pressure/.test(i.field) && /850–1100/.test(i.message))).toBe(true);
  });

  test('forecasts per agency with their issue time; both landfall shapes', () => {
    expect(t.forecasts.map((f) => [f.agency, f.points.length, new Date(f.issuedMs).toISOString()])).toEqual([
      ['中国', 3, '2024-07-25T09:00:00.000Z'],
      ['日本', 1, '2024-07-25T09:00:00.000Z'],
    ]);
    expect(t.forecasts[0]!.points[1]).toMatchObject({ timeMs: utc('2024-07-25T21:00:00Z'), lngLat: [118.2, 26.4], category: 'TS' });
    expect(t.landfalls).toEqual([
      { timeMs: utc('2024-07-25T11:50:00Z'), lngLat: [119.3, 25.3], place: '福建省莆田市秀屿区沿海' },
      { timeMs: utc('2024-07-24T16:00:00Z'), lngLat: [121.8, 24.2], place: null },
    ]);
  });

  test('radii all 0 after landfall while the storm is still strong: a warning, and 0 stays "no such winds"', () => {
    const storm = JSON.parse(fixture('zhejiang-gaemi.json'));
    storm.points.push({ time: '2024-07-26 02:00:00', lng: '118.8', lat: '25.7', strong: '强热带风暴', speed: '28', pressure: '980', radius7: '0|0|0|0', radius10: '0|0|0|0', radius12: '0|0|0|0' });
    const zero = readTyphoonTrack(JSON.stringify(storm));
    const w = zero.issues.filter((i) => i.severity === 'warning' && /after landfall/.test(i.message));
    expect(w).toHaveLength(1);
    expect(fixAt(zero.track!, '2024-07-25T18:00:00Z')!.radiiMeters['30']).toEqual({ ne: 0, se: 0, sw: 0, nw: 0 });
  });

  test('JSONP-wrapped, it reads the same', () => {
    const wrapped = readTyphoonTrack(`jQuery1234(${fixture('zhejiang-gaemi.json')});`);
    expect(wrapped.track!.fixes).toEqual(t.fixes);
  });
});

describe('Wenzhou typhoon site JSON (温州台风网)', () => {
  const r = readTyphoonTrack(fixture('wenzhou-gaemi.json'));
  const t = r.track!;
  test('named quadrants agree with the Zhejiang string read NE|SE|NW|SW', () => {
    expect(r.format).toBe('wenzhou');
    const zj = readTyphoonTrack(fixture('zhejiang-gaemi.json')).track!;
    for (const iso of ['2024-07-25T06:00:00Z', '2024-07-25T09:00:00Z']) {
      expect(fixAt(t, iso)!.radiiMeters).toEqual(fixAt(zj, iso)!.radiiMeters);
    }
  });
  test('null quadrant values are not issued; a bad time is reported by point', () => {
    expect(fixAt(t, '2024-07-25T09:00:00Z')!.radiiMeters['50']!.nw).toBeNull();
    expect(t.fixes).toHaveLength(2);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.field, i.value])).toEqual([[2, 'time', 'not a time']]);
    expect(t.landfalls[0]).toMatchObject({ timeMs: utc('2024-07-25T11:50:00Z'), place: '福建省莆田市秀屿区沿海' });
    expect(t.forecasts).toHaveLength(1);
    expect(fixAt(t, '2024-07-25T06:00:00Z')!.category).toBe('TY');
  });
});

describe('JTWC ATCF deck', () => {
  const r = readTyphoonTrack(fixture('gaemi-atcf.dat'));
  const t = r.track!;
  test('three lines per time (34/50/64 kt) merge into one fix per time, NEQ radii in nm', () => {
    expect(r.format).toBe('atcf');
    expect(t.storm).toMatchObject({ name: 'GAEMI', id: 'WP052024' });
    expect(t.fixes.map((f) => new Date(f.timeMs).toISOString())).toEqual(['2024-07-25T00:00:00.000Z', '2024-07-25T06:00:00.000Z', '2024-07-25T12:00:00.000Z']);
    const f = fixAt(t, '2024-07-25T06:00:00Z')!;
    expect(f.lngLat).toEqual([119.7, 25.2]);
    expect(f.radiiMeters).toEqual({
      34: { ne: nm(145), se: nm(150), sw: nm(90), nw: nm(80) },
      50: { ne: nm(30), se: nm(30), sw: nm(30), nw: nm(30) },
      64: { ne: 0, se: 0, sw: 0, nw: 0 },
    });
    expect(f).toMatchObject({ windAveragingMinutes: 1, pressureHpa: 963 });
    expect(f.maxWindMetersPerSecond).toBeCloseTo(60 * 1852 / 3600, 9);
  });
  test('AAA is a full circle; RAD 0 carries no radii', () => {
    expect(fixAt(t, '2024-07-25T12:00:00Z')!.radiiMeters).toEqual({ 34: { ne: nm(100), se: nm(100), sw: nm(100), nw: nm(100) } });
  });
  test('a bad line is reported by its line number and skipped', () => {
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.field, i.value])).toEqual([[7, 'Lat', '25XN']]);
    expect(r.issues[0]!.message).toMatch(/^line 7, field "Lat" = "25XN"/);
  });
  test('a-deck lines are forecasts per technique, merged by TAU; CARQ is not a forecast', () => {
    expect(t.forecasts.map((f) => [f.agency, new Date(f.issuedMs).toISOString(), f.points.map((p) => new Date(p.timeMs).toISOString())])).toEqual([
      ['JTWC', '2024-07-25T06:00:00.000Z', ['2024-07-25T06:00:00.000Z', '2024-07-25T18:00:00.000Z', '2024-07-26T06:00:00.000Z']],
    ]);
  });
});

describe('IBTrACS CSV', () => {
  const r = readTyphoonTrack(fixture('gaemi-ibtracs-excerpt.csv'));
  const t = r.track!;
  test('skips the units row, reads ISO_TIME as UTC and USA_R34/50/64 in nm (blank = not issued)', () => {
    expect(r.format).toBe('ibtracs');
    expect(t.storm).toMatchObject({ name: 'GAEMI', id: '2024201N12133' });
    expect(t.fixes).toHaveLength(5);
    const f = fixAt(t, '2024-07-25T06:00:00Z')!;
    expect(f.radiiMeters).toEqual({ 34: { ne: nm(145), se: nm(150), sw: nm(90), nw: nm(80) }, 50: { ne: nm(30), se: nm(30), sw: nm(30), nw: nm(30) } });
    expect(f.windAveragingMinutes).toBe(2); // CMA's 2-min wind for China's scale
    expect(f.maxWindMetersPerSecond).toBeCloseTo(68 * 1852 / 3600, 9);
    expect(f.category).toBe('TY');
    expect(fixAt(t, '2024-07-25T03:00:00Z')!.interpolated).toBe(true);
    expect(fixAt(t, '2024-07-25T06:00:00Z')!.interpolated).toBe(false);
  });
  test('a broken row is reported by its line number (header 1, units 2)', () => {
    expect(r.issues.map((i) => [i.line, i.field, i.value, i.severity])).toEqual([[6, 'LAT', 'north', 'error']]);
  });
});

describe("the app's own GeoJSON", () => {
  test('reads fixes, forecasts and landfalls; a bare time is refused, an offset is honoured', () => {
    const r = readTyphoonTrack(fixture('onemap-track.geojson'));
    expect(r.format).toBe('onemap-geojson');
    const t = r.track!;
    expect(t.fixes.map((f) => new Date(f.timeMs).toISOString())).toEqual(['2024-07-25T00:00:00.000Z', '2024-07-25T06:00:00.000Z']);
    expect(t.fixes[0]!.radiiMeters).toEqual({ 34: { ne: km(300), se: km(250), sw: km(200), nw: null }, 50: { ne: 0, se: 0, sw: 0, nw: 0 } });
    expect(r.issues.map((i) => [i.row, i.field])).toEqual([[2, 'properties.time']]);
    expect(t.forecasts[0]).toMatchObject({ agency: '中国', issuedMs: utc('2024-07-25T06:00:00Z') });
    expect(t.landfalls[0]).toMatchObject({ place: '示意', lngLat: [119.3, 25.3] });
  });
  test('any track written in it reads back the same', () => {
    for (const name of ['zhejiang-gaemi.json', 'gaemi-atcf.dat', 'gaemi-ibtracs-excerpt.csv']) {
      const t = readTyphoonTrack(fixture(name)).track!;
      const back = readTyphoonTrack(JSON.stringify(trackToOnemapGeoJson(t)));
      expect(back.issues).toEqual([]);
      expect(back.track!.fixes).toEqual(t.fixes.map((f) => { const { interpolated, ...rest } = f; return { ...rest, ...(interpolated ? { interpolated } : {}) }; }));
      expect(back.track!.forecasts.length).toBe(t.forecasts.length);
    }
  });
});

describe('detection', () => {
  test('unknown content is one problem, not an exception', () => {
    expect(detectTrackFormat('hello')).toBeNull();
    const r = readTyphoonTrack('hello,world\n1,2');
    expect(r.track).toBeNull();
    expect(r.issues[0]!.message).toMatch(/not a known track format/);
    expect(readTyphoonTrack('{"points": 3').track).toBeNull();
  });
});
