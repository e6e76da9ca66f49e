import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createComputeHandlers } from '../../src/workers/compute-handlers';
import { connectInProcess } from '../helpers/fake-worker';
import { asciiGraph } from '../helpers/ascii-graph';
import { REPO_ROOT } from '../helpers/shared-reference';

const g = asciiGraph(`
  A-----B-----C
`, ['ABC'], { gridMeters: 150 });

describe('typhoon requests in the compute worker, over a MessageChannel', () => {
  const { client, close } = connectInProcess(createComputeHandlers());
  afterAll(close);

  test('typhoonTrack reads any format and returns hourly membership aligned with the places', async () => {
    const text = readFileSync(resolve(REPO_ROOT, 'data/typhoon/gaemi-2024-ibtracs.csv'), 'utf8');
    const seat = { id: 'T01', lngLat: [119.713, 27.5601] as const };
    const far = { id: 'far', lngLat: [100, 40] as const };
    const a = await client.request('typhoonTrack', { text, places: [seat, far] });
    expect(a.format).toBe('ibtracs');
    expect(a.windTimes[0]!.firstInsideMs['34']).toBe(Date.parse('2024-07-25T06:00:00Z'));
    expect(a.windTimes[1]!.firstInsideMs['34']).toBeNull();
    const H = a.states.length;
    const h6 = a.states.findIndex((s) => s.timeMs === Date.parse('2024-07-25T06:00:00Z'));
    expect(a.insideByThreshold['34']!.length).toBe(2 * H);
    expect(a.insideByThreshold['34']![0 * H + h6]).toBe(1);
    expect(a.insideByThreshold['34']![0 * H + h6 - 1]).toBe(0);
    expect(a.insideByThreshold['34']!.slice(H).every((x) => x === 0)).toBe(true);
  });

  test('an unreadable track is an answer with its problem, not an error', async () => {
    const a = await client.request('typhoonTrack', { text: 'nothing here', places: [] });
    expect(a.track).toBeNull();
    expect(a.issues[0]!.message).toMatch(/not a known track format/);
  });

  test('typhoonLeaveBy walks (or drives) villages to the nearest shelter and sorts by deadline', async () => {
    const geo = new TextEncoder().encode(JSON.stringify(g.toGeoJson()));
    await client.request('loadRoads', { fileName: 'roads.geojson', bytes: geo.buffer as ArrayBuffer });
    const first = Date.parse('2024-07-25T06:00:00Z');
    const r = await client.request('typhoonLeaveBy', {
      villages: [{ id: 'VA', lngLat: g.at('A'), firstInsideMs: first }, { id: 'VC', lngLat: g.at('C'), firstInsideMs: first }, { id: 'VX', lngLat: g.at('B'), firstInsideMs: null }],
      shelters: [{ id: 'SB', lngLat: g.at('B') }], profile: 'walking', marginMinutes: 60,
    });
    // 900 m at 4.5 km/h = 720 s from both ends; VX is never inside: no row
    expect(r.rows.map((x) => x.villageId).sort()).toEqual(['VA', 'VC']);
    for (const row of r.rows) expect(row.mustLeaveByMs! - (first - 720_000 - 3_600_000)).toBeCloseTo(0, -1);
    const d = await client.request('typhoonLeaveBy', {
      villages: [{ id: 'VA', lngLat: g.at('A'), firstInsideMs: first }], shelters: [{ id: 'SB', lngLat: g.at('B') }], profile: 'emergency-default', marginMinutes: 0,
    });
    expect(d.rows[0]!.travelSeconds!).toBeLessThan(720);
  });
});
