import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { Resource } from '../../../../src/io/schemas/resource';
import { toCsv } from '../../../../src/ui/views/duty/state/dispatch-csv';
import { dispatchCsvRows, sheetRows, type DispatchInput } from '../../../../src/ui/views/duty/state/dispatch-sheet';
import { buildKindLists } from '../../../../src/ui/views/duty/state/lists';

const team = (id: string, status = 'active') => ({ id, kind: 'rescue_team', status, name: `队${id}`, phone: '0577-1', members: 12, lngLat: [119.7, 27.5] }) as unknown as Resource;
// a stand-in translation that shows the key and its options, so the rows say which text they use
const t = (key: string, o?: Record<string, unknown>) => (o ? `${key}${JSON.stringify(o)}` : key);

function input(notReachedIds: string[], extra: Resource[] = []): DispatchInput {
  const all = [team('RT1'), team('RT9'), ...notReachedIds.map((id, i) => team(id, i === 1 ? 'inactive' : 'active')), ...extra];
  const byId = new Map(all.map((r) => [r.id, r]));
  const lists = buildKindLists(undefined, {
    incidentReachable: true,
    results: [{ id: 'RT1', kind: 'rescue_team', seconds: 430, meters: 5000, straightLineMeters: 200, offRoadMeters: 20, route: [] }],
    unreachable: [{ id: 'RT9', kind: 'rescue_team', reason: 'off-network' }],
    notReached: { withinSeconds: 600, idsByKind: { rescue_team: notReachedIds } },
  }, byId);
  return {
    incident: [119.7, 27.5], closures: [], segmentCounts: [], lists, plan: null,
    nameOf: (id) => byId.get(id)?.name ?? id, kindLabel: (k) => `kind:${k}`, generatedAt: '2026-12-02 13:00', t,
  };
}

describe('dispatch sheet rows', () => {
  test('a bounded search (a province): every candidate not reached within the limit is a row of the CSV, after the ranked and unreachable ones', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `RT${100 + i}`);
    const rows = sheetRows(input(ids));
    expect(rows.map((r) => r[2])).toEqual(['RT1', 'RT9', ...ids]);
    const first = rows[2]!;
    expect(first).toEqual(['kind:rescue_team', '队RT100', 'RT100', 'status.active', 'dataset.notReached.row{"minutes":10}', '', '', '', '', '', 'duty.list.byRoad']);
    expect(rows[3]![3]).toBe('status.inactive');
    // and the CSV text holds them all, parseable
    const parsed = Papa.parse<string[]>(toCsv(dispatchCsvRows(input(ids))).slice(1), { skipEmptyLines: true }).data;
    for (const id of ids) expect(parsed.some((r) => r[2] === id), id).toBe(true);
  });

  test('the print view lists the first N per kind and one row saying how many more (all in the CSV)', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `RT${100 + i}`);
    const rows = sheetRows(input(ids), { notReachedLimit: 20 });
    expect(rows.map((r) => r[2])).toEqual(['RT1', 'RT9', ...ids.slice(0, 20), '']);
    expect(rows.at(-1)![1]).toBe('dataset.notReached.sheetMore{"n":10,"total":30,"minutes":10}');
    // no more than the limit: no summary row
    expect(sheetRows(input(ids.slice(0, 20)), { notReachedLimit: 20 }).map((r) => r[2])).toEqual(['RT1', 'RT9', ...ids.slice(0, 20)]);
  });

  test('an unbounded answer (the demo) adds nothing', () => {
    const lists = buildKindLists(undefined, { incidentReachable: true, results: [], unreachable: [], notReached: null }, new Map());
    expect(sheetRows({ ...input([]), lists })).toEqual([]);
  });

  test('a province-sized list (50,000 not reached) becomes CSV text with every row (its time printed)', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `RT${100_000 + i}`);
    const big = input(ids);
    const t0 = performance.now();
    const csv = toCsv(dispatchCsvRows(big));
    const ms = performance.now() - t0;
    // printed, not asserted (wall clock on a shared machine); the row count is asserted
    console.log(`dispatch CSV of ${ids.length.toLocaleString('en')} not-reached rows: ${(csv.length / 1e6).toFixed(1)} M chars in ${ms.toFixed(0)} ms`);
    expect(csv.split('\r\n').filter((l) => l.includes('dataset.notReached.row')).length).toBe(50_000);
  });
});
