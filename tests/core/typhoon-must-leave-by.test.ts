import { describe, expect, test } from 'vitest';
import { leaveByRows, mustLeaveByMs, roadNetworkFromRaw, shelterTravelTimes, WALKING_PROFILE, EMERGENCY_DEFAULT_PROFILE } from '../../src/core';
import { asciiGraph } from '../helpers/ascii-graph';

// 150 m per character; walking is 4.5 km/h = 1.25 m/s on every class drawn here.
const g = asciiGraph(`
  A-----B-----C
        |
        D
`, [{ nodes: 'ABC', tags: { highway: 'residential', oneway: 'yes' } }, 'BD'], { gridMeters: 150 });
const walk = roadNetworkFromRaw(g.raw, WALKING_PROFILE);
const hhmm = (ms: number | null) => (ms === null ? null : new Date(Math.round(ms / 1000) * 1000).toISOString().slice(11, 16));
const T = (hhmm: string) => Date.parse(`2024-07-25T${hhmm}:00Z`);
const villages = [
  { id: 'V1', lngLat: g.at('A') },
  { id: 'V2', lngLat: g.at('C') },
  { id: 'V3', lngLat: g.at('D') },
  { id: 'V4', lngLat: g.offset('A', 0, 2000) }, // 2 km from any road: no route
];
const shelters = [{ id: 'S1', lngLat: g.at('B') }, { id: 'S2', lngLat: g.at('C') }];

describe('must leave by = first hour inside − travel to the shelter − margin (hand-computed)', () => {
  test('walking to the nearest open shelter: A→B 900 m = 720 s, C is its own shelter, D→B 300 m = 240 s', () => {
    const choices = shelterTravelTimes(walk, villages, shelters);
    expect(choices.map((c) => [c.villageId, c.shelterId, c.travelSeconds === null ? null : Math.round(c.travelSeconds * 1e3) / 1e3, c.how])).toEqual([
      ['V1', 'S1', 720, 'nearest'], ['V2', 'S2', 0, 'nearest'], ['V3', 'S1', 240, 'nearest'], ['V4', null, null, 'nearest'],
    ]);
  });

  test('rows sorted by urgency; past the deadline (or no route) is late', () => {
    const choices = shelterTravelTimes(walk, villages, shelters);
    const first = [
      { id: 'V1', firstInsideMs: T('06:00') }, { id: 'V2', firstInsideMs: T('05:00') },
      { id: 'V3', firstInsideMs: T('08:00') }, { id: 'V4', firstInsideMs: T('09:00') }, { id: 'V5', firstInsideMs: null },
    ];
    const rows = leaveByRows(first, choices, T('04:30'), 60);
    expect(rows.map((r) => [r.villageId, r.mustLeaveByMs === null ? null : hhmm(r.mustLeaveByMs), r.late])).toEqual([
      ['V4', null, true],      // no route: needs a person, first
      ['V2', '04:00', true],   // 05:00 − 0 − 60 min
      ['V1', '04:48', false],  // 06:00 − 12 min − 60 min
      ['V3', '06:56', false],  // 08:00 − 4 min − 60 min
    ]);
    expect(mustLeaveByMs(T('06:00'), 720, 30)).toBe(T('05:18'));
  });

  test("the planner's assignment wins over the nearest shelter: D→B→C = 1200 m = 960 s", () => {
    const choices = shelterTravelTimes(walk, villages, shelters, { assignments: new Map([['V3', 'S2']]) });
    expect(choices[2]).toMatchObject({ villageId: 'V3', shelterId: 'S2', how: 'assigned' });
    expect(choices[2]!.travelSeconds).toBeCloseTo(960, 4);
    const rows = leaveByRows([{ id: 'V3', firstInsideMs: T('08:00') }], choices, T('00:00'));
    expect(hhmm(rows[0]!.mustLeaveByMs)).toBe('06:44');
  });

  test('a village without an assignment goes only to shelters it may be sent to; an assigned one may lie outside them', () => {
    const choices = shelterTravelTimes(walk, villages.slice(0, 3), shelters, { assignments: new Map([['V2', 'S1']]), nearestAmong: new Set(['S2']) });
    expect(choices.map((c) => [c.villageId, c.shelterId, c.how])).toEqual([['V1', 'S2', 'nearest'], ['V2', 'S1', 'assigned'], ['V3', 'S2', 'nearest']]);
    expect(choices[0]!.travelSeconds).toBeCloseTo(1440, 4); // A→C 1800 m
    expect(choices[1]!.travelSeconds).toBeCloseTo(720, 4); // C→B 900 m
  });

  test('driving follows one-way streets: C cannot drive to B against A→B→C, A can', () => {
    const drive = roadNetworkFromRaw(g.raw, EMERGENCY_DEFAULT_PROFILE);
    const c = shelterTravelTimes(drive, [{ id: 'V2', lngLat: g.at('C') }], [{ id: 'S1', lngLat: g.at('B') }]);
    expect(c[0]!.travelSeconds).toBeNull(); // C → B only against the one-way, and D is a dead end
    const a = shelterTravelTimes(drive, [{ id: 'V1', lngLat: g.at('A') }], [{ id: 'S1', lngLat: g.at('B') }]);
    expect(a[0]!.travelSeconds).toBeCloseTo(900 / (EMERGENCY_DEFAULT_PROFILE.speedsKmh.residential! / 3.6), 6);
  });
});
