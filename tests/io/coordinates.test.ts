import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { areaTest, parseCoordinateInput, toWgs84 } from '../../src/io/coordinates';
import { REPO_ROOT } from '../helpers/shared-reference';

const county = JSON.parse(readFileSync(resolve(REPO_ROOT, 'data/taishun/county.geojson'), 'utf8'));
const inTaishun = areaTest(county);
// A point in Taishun: the county seat, Luoyang (罗阳镇), about 119.72 E 27.56 N.
const SEAT: [number, number] = [119.7178, 27.5569];

function ok(text: string, crs: 'wgs84' | 'gcj02' | 'bd09' = 'wgs84') {
  const r = parseCoordinateInput(text, crs, inTaishun);
  if (!r.ok) throw new Error(`${text}: ${r.error}`);
  return r;
}

describe('typed coordinates', () => {
  test('the seat is in the county (precondition)', () => {
    expect(inTaishun(SEAT)).toBe(true);
    expect(inTaishun([SEAT[1], SEAT[0]])).toBe(false);
  });

  test.each([
    ['119.7178,27.5569'],
    ['119.7178, 27.5569'],
    ['119.7178 27.5569'],
    ['119.7178；27.5569'],
    ['１１９.７１７８，２７.５５６９'],
  ])('lng,lat as typed: %j', (text) => {
    const r = ok(text);
    expect(r.lngLat).toEqual(SEAT);
    expect(r.swapped).toBe(false);
    expect(r.outsideArea).toBe(false);
  });

  test('lat,lng is detected when only the swapped reading falls in the county', () => {
    const r = ok('27.5569, 119.7178');
    expect(r.lngLat).toEqual(SEAT);
    expect(r.swapped).toBe(true);
  });

  test('both orders valid on the globe but only one in the county: the county one wins', () => {
    // 27.5569,80.5 is a valid lng,lat (in India) and a valid lat,lng; neither is in Taishun → as typed, flagged
    const far = ok('27.5569,80.5');
    expect(far.lngLat).toEqual([27.5569, 80.5]);
    expect(far.outsideArea).toBe(true);
  });

  test.each([
    [`27°33'24.84"N 119°43'4.08"E`, true],
    [`N27°33'24.84" E119°43'4.08"`, true],
    [`119°43'4.08"E, 27°33'24.84"N`, false],
    ['北纬27°33′24.84″，东经119°43′4.08″', true],
    ['东经119度43分4.08秒 北纬27度33分24.84秒', false],
    [`27°33'24.84" 119°43'4.08"`, true],
  ])('度分秒 %j', (text, swapped) => {
    const r = ok(text);
    expect(r.lngLat[0]).toBeCloseTo(119 + 43 / 60 + 4.08 / 3600, 9);
    expect(r.lngLat[1]).toBeCloseTo(27 + 33 / 60 + 24.84 / 3600, 9);
    expect(r.swapped).toBe(swapped);
  });

  test('degrees and decimal minutes', () => {
    const r = ok(`119°43.068' 27°33.414'`);
    expect(r.lngLat[0]).toBeCloseTo(119 + 43.068 / 60, 9);
    expect(r.lngLat[1]).toBeCloseTo(27 + 33.414 / 60, 9);
  });

  test('southern and western hemispheres and minus signs', () => {
    const none = () => true;
    expect(parseCoordinateInput('33°52\'S 151°12\'E', 'wgs84', none)).toMatchObject({ ok: true, lngLat: [151.2, -(33 + 52 / 60)] });
    expect(parseCoordinateInput('-70.5,-33.4', 'wgs84', none)).toMatchObject({ ok: true, lngLat: [-70.5, -33.4] });
    expect(parseCoordinateInput('W70.5 S33.4', 'wgs84', none)).toMatchObject({ ok: true, lngLat: [-70.5, -33.4] });
  });

  test.each([
    ['', 'not-two-values'],
    ['119.7', 'not-two-values'],
    ['119.7,27.5,3', 'not-two-values'],
    ['abc,def', 'not-two-values'],
    ['119.7,27.5<script>', 'not-two-values'],
    [`27°61'N 119°E`, 'bad-dms'],
    [`27°30'75"N 119°E`, 'bad-dms'],
    [`27.5°30'N 119°E`, 'bad-dms'],
    [`30' 119°`, 'bad-dms'],
    ['N27.5 N119.7', 'bad-hemispheres'],
    ['200,100', 'out-of-range'],
    ['N95 E119', 'out-of-range'],
  ])('refuses %j (%s)', (text, error) => {
    expect(parseCoordinateInput(text, 'wgs84', inTaishun)).toEqual({ ok: false, error });
  });
});

describe('CRS conversion with gcoord', () => {
  // gcoord's own test values (test/unit/crs/GCJ02.spec.ts and BD09.spec.ts): [123, 45] in each CRS.
  test('GCJ-02 → WGS-84 matches gcoord’s known value', () => {
    const [lng, lat] = toWgs84([123, 45], 'gcj02');
    expect(lng).toBeCloseTo(122.99395597, 5);
    expect(lat).toBeCloseTo(44.99804071, 5);
  });

  test('BD-09 → WGS-84 matches gcoord’s known value', () => {
    const [lng, lat] = toWgs84([123, 45], 'bd09');
    expect(lng).toBeCloseTo(122.9876221, 5);
    expect(lat).toBeCloseTo(44.9917154, 5);
  });

  test('WGS-84 passes through unchanged', () => {
    expect(toWgs84([123, 45], 'wgs84')).toEqual([123, 45]);
  });

  test('a typed GCJ-02 / BD-09 point in the county lands a few hundred metres from the same digits read as WGS-84', () => {
    const wgs = ok('119.7178,27.5569').lngLat;
    const gcj = ok('119.7178,27.5569', 'gcj02').lngLat;
    const bd = ok('27.5569,119.7178', 'bd09');
    expect(gcj).toEqual(toWgs84(SEAT, 'gcj02'));
    expect(bd.lngLat).toEqual(toWgs84(SEAT, 'bd09'));
    expect(bd.swapped).toBe(true);
    // GCJ-02 offsets in Zhejiang are ~ -0.0045° lng, +0.0025° lat from WGS-84 (hundreds of metres)
    expect(Math.abs(gcj[0] - wgs[0])).toBeGreaterThan(0.002);
    expect(Math.abs(gcj[0] - wgs[0])).toBeLessThan(0.01);
  });
});
