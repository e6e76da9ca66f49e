import { describe, expect, test } from 'vitest';
import type { Resource } from '../../../../src/io/schemas/resource';
import { buildKindLists } from '../../../../src/ui/views/duty/state/lists';
import { etaMinutes } from '../../../../src/ui/views/duty/state/candidates';
import { dutyParams, parseClosures, parseDutyParams, serializeClosures, DEFAULT_DUTY_STATE, type DutyState } from '../../../../src/ui/views/duty/state/duty-params';

const team = (id: string, status = 'active') => ({ id, kind: 'rescue_team', status, name: id, lngLat: [119.7, 27.5] }) as unknown as Resource;
const byId = new Map([team('RT1'), team('RT2', 'inactive'), team('RT3')].map((r) => [r.id, r]));
const straight = { results: [{ id: 'RT2', kind: 'rescue_team', straightLineMeters: 100 }, { id: 'RT1', kind: 'rescue_team', straightLineMeters: 200 }] };

describe('duty lists', () => {
  test('straight-line rows until the travel answer arrives, then travel rows with the unreachable listed', () => {
    const before = buildKindLists(straight, undefined, byId).find((l) => l.kind === 'rescue_team')!;
    expect(before.mode).toBe('straight');
    expect(before.rows.map((r) => [r.id, r.inactive])).toEqual([['RT2', true], ['RT1', false]]);
    const travel = {
      incidentReachable: true,
      results: [{ id: 'RT1', kind: 'rescue_team', seconds: 430, meters: 5000, straightLineMeters: 200, offRoadMeters: 20, route: [] }],
      unreachable: [{ id: 'RT3', kind: 'rescue_team', reason: 'no-route' as const }],
      notReached: null,
    };
    const after = buildKindLists(straight, travel, byId).find((l) => l.kind === 'rescue_team')!;
    expect(after.mode).toBe('travel');
    expect(after.rows.map((r) => r.id)).toEqual(['RT1']);
    expect(after.unreachable.map((u) => [u.resource.id, u.reason])).toEqual([['RT3', 'no-route']]);
  });

  test('a bounded answer (a province): each kind lists the ids it did not reach within the limit', () => {
    const travel = {
      incidentReachable: true,
      results: [{ id: 'RT1', kind: 'rescue_team', seconds: 430, meters: 5000, straightLineMeters: 200, offRoadMeters: 20, route: [] }],
      unreachable: [],
      notReached: { withinSeconds: 600, idsByKind: { rescue_team: ['RT2', 'RT3'] } },
    };
    const lists = buildKindLists(straight, travel, byId);
    expect(lists.find((l) => l.kind === 'rescue_team')!.notReached).toMatchObject({ withinSeconds: 600, ids: ['RT2', 'RT3'] });
    expect(lists.find((l) => l.kind === 'shelter')!.notReached).toMatchObject({ withinSeconds: 600, ids: [] });
    expect(buildKindLists(straight, undefined, byId).every((l) => l.notReached === null)).toBe(true);
  });

  test('an incident off the network keeps the straight-line lists', () => {
    const off = buildKindLists(straight, { incidentReachable: false, results: [], unreachable: [], notReached: null }, byId);
    expect(off.every((l) => l.mode === 'straight')).toBe(true);
  });

  test('ETA in whole minutes rounded up: 7 min 10 s shows 8; exactly 7 min shows 7', () => {
    expect(etaMinutes(430)).toBe(8);
    expect(etaMinutes(420)).toBe(7);
    expect(etaMinutes(420.0000000001)).toBe(7);
    expect(etaMinutes(0.2)).toBe(1);
  });
});

describe('duty hash params', () => {
  test('round-trip every field', () => {
    const state: DutyState = {
      incident: [119.856074, 27.642417], k: 8, includeInactive: true,
      filters: { teamSpecialty: 'flood', teamMinMembers: 20, depotItem: 'pump', depotMinQuantity: 5, shelterOpen: true, shelterMinFree: 50 },
      closures: [{ type: 'line', coordinates: [[119.1, 27.1], [119.2, 27.2]] }, { type: 'area', coordinates: [[119.1, 27.1], [119.2, 27.1], [119.2, 27.2]] }, { type: 'segment', at: [119.3, 27.3] }],
      pick: 'RT030', need: { item: 'life_jacket', quantity: 500 },
    };
    expect(parseDutyParams(dutyParams(state))).toEqual(state);
    expect(dutyParams(DEFAULT_DUTY_STATE)).toEqual({});
  });

  test('a damaged closure is dropped, the others kept; garbage fields fall back', () => {
    const good = serializeClosures([{ type: 'segment', at: [119.3, 27.3] }]);
    expect(parseClosures(`Lxx,yy_1,2~${good}~A1,2_3,4`)).toEqual([{ type: 'segment', at: [119.3, 27.3] }]);
    const s = parseDutyParams({ inc: '999,999', k: '500', pick: '<script>', need: 'pump:-3', tmem: 'lots' });
    expect(s).toMatchObject({ incident: null, k: 5, pick: null, need: null });
    expect(s.filters.teamMinMembers).toBe(0);
  });
});
