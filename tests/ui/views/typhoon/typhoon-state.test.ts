import { describe, expect, test } from 'vitest';
import { formatHourParam, hourIndexOf, parseHourParam, parseTyphoonParams, typhoonParams } from '../../../../src/ui/views/typhoon/state/typhoon-params';
import { beijingShort, durationText, telHref } from '../../../../src/ui/views/typhoon/state/format';
import { thresholdLabel } from '../../../../src/ui/views/typhoon/state/thresholds';

describe('typhoon view hash fields', () => {
  test('round trip; defaults are left out of the hash', () => {
    const s = { demoTrack: 'gaemi-ibtracs' as const, timeMs: Date.UTC(2024, 6, 25, 6), mode: 'drive' as const, marginMinutes: 30 };
    expect(typhoonParams(s)).toEqual({ track: 'gaemi-ibtracs', t: '2024-07-25T06', mode: 'drive', margin: '30' });
    expect(parseTyphoonParams(typhoonParams(s))).toEqual(s);
    expect(typhoonParams({ demoTrack: null, timeMs: null, mode: 'walk', marginMinutes: 60 })).toEqual({});
  });
  test('garbage falls back field by field', () => {
    expect(parseTyphoonParams({ track: '../etc', t: '2024-13-40T99', mode: 'fly', margin: '-5' })).toEqual({ demoTrack: null, timeMs: null, mode: 'walk', marginMinutes: 60 });
    expect(parseHourParam('2024-07-25T06Z')).toBe(Date.UTC(2024, 6, 25, 6));
    expect(formatHourParam(Date.UTC(2024, 6, 25, 6))).toBe('2024-07-25T06');
  });
  test('the nearest hourly step', () => {
    const h = [0, 1, 2, 3].map((i) => Date.UTC(2024, 6, 25, i));
    expect(hourIndexOf(h, null)).toBe(0);
    expect(hourIndexOf(h, Date.UTC(2024, 6, 25, 2))).toBe(2);
    expect(hourIndexOf(h, Date.UTC(2024, 6, 26))).toBe(3);
  });
});

describe('typhoon view formatting', () => {
  test('Beijing time whatever the machine zone', () => expect(beijingShort(Date.UTC(2024, 6, 25, 6))).toBe('07-25 14:00'));
  test('durations', () => {
    expect(durationText(45 * 60, { h: 'h', min: 'min' })).toBe('45 min');
    expect(durationText(65 * 60, { h: 'h', min: 'min' })).toBe('1 h 05 min');
  });
  test('tel: links carry digits only', () => {
    expect(telHref('0577-00249634')).toBe('tel:057700249634');
    expect(telHref('javascript:alert(1)')).toBeNull();
    expect(telHref('')).toBeNull();
  });
  test('thresholds are named as the source names them', () => {
    expect(thresholdLabel('30', true)).toEqual({ key: 'typhoon.circle.force', values: { force: 7, kt: '30' } });
    expect(thresholdLabel('34', false)).toEqual({ key: 'typhoon.circle.knots', values: { kt: '34' } });
  });
});
