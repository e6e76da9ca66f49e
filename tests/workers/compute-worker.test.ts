import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { AbortError, CoreError, ringSignedArea } from '../../src/core';
import { createComputeHandlers } from '../../src/workers/compute-handlers';
import type { ComputeHandlers } from '../../src/workers/compute-host';
import { packResources, unpackResources } from '../../src/workers/protocol';
import { connectInProcess } from '../helpers/fake-worker';
import { REPO_ROOT } from '../helpers/shared-reference';

const demo = (p: string) => resolve(REPO_ROOT, 'data/taishun', p);
const stations = JSON.parse(readFileSync(demo('resources/fire-stations.geojson'), 'utf8')).features as Array<{ properties: { id: string; kind: string }; geometry: { coordinates: [number, number] } }>;

describe('compute worker on the Taishun demo, over a MessageChannel', () => {
  const { client, close } = connectInProcess(createComputeHandlers());
  afterAll(close);

  test('requests before loadRoads fail with a coded CoreError', async () => {
    const err = await client.request('isochrone', { sourceId: 'x', lngLat: [119.7, 27.5], bandsMinutes: [15] }).catch((e) => e);
    expect(err).toBeInstanceOf(CoreError);
    expect(err.code).toBe('invalid-argument');
    expect(err.message).toMatch(/loadRoads first/);
  });

  test('loadRoads takes the bytes by transfer and builds the graph', async () => {
    const bytes = readFileSync(demo('roads.geojson'));
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const r = await client.request('loadRoads', { fileName: 'roads.geojson', bytes: buffer }, { transfer: [buffer] });
    expect(buffer.byteLength).toBe(0); // moved, not copied
    expect(r.edgeCount).toBeGreaterThan(100);
    expect(r.problems).toEqual([]);
  });

  test('setResources joins every demo station to the network', async () => {
    const r = await client.request('setResources', { resources: stations.map((f) => ({ id: f.properties.id, kind: f.properties.kind, lngLat: f.geometry.coordinates })) });
    expect(r.count).toBe(stations.length);
    expect(r.offRoadIds).toEqual([]);
  });

  test('setResources takes the same resources packed as columns (typed arrays moved), with the same answers', async () => {
    const plain = stations.map((f) => ({ id: f.properties.id, kind: f.properties.kind, lngLat: f.geometry.coordinates }));
    const incident: [number, number] = [119.86, 27.64];
    const before = await client.request('nearest', { incident, k: 3, perKind: false, withRoutes: true });
    const { packed, transfer } = packResources(plain);
    expect(unpackResources(packed)).toEqual(plain);
    const r = await client.request('setResources', { packed }, { transfer });
    expect(packed.lngLat.byteLength).toBe(0); // moved, not copied
    expect(r.count).toBe(stations.length);
    expect(await client.request('nearest', { incident, k: 3, perKind: false, withRoutes: true })).toEqual(before);
  });

  test('candidate ids narrow each request by their values (a request with other ids is never answered from the last ones)', async () => {
    const incident: [number, number] = [119.86, 27.64];
    const all = await client.request('nearest', { incident, k: 50, perKind: false });
    const [a, b, c] = all.results.map((r) => r.id);
    const ask = async (ids: string[]) => (await client.request('nearest', { incident, k: 50, perKind: false, ids })).results.map((r) => r.id);
    expect(await ask([a!, b!])).toEqual([a, b]);
    expect(await ask([a!, b!])).toEqual([a, b]); // the same values: reused
    expect(await ask([a!])).toEqual([a]);
    expect(await ask([a!, c!])).toEqual([a, c]); // same length, other values
    const straight = await client.request('nearestStraightLine', { incident, k: 50, ids: [c!] });
    expect(straight.results.map((r) => r.id)).toEqual([c]);
    expect(await ask([b!, c!])).toEqual([b, c]);
  });

  test('a station’s 5/10/15-minute bands are nested, valid polygons', async () => {
    const id = stations[0]!.properties.id;
    const { bands, unreachable } = await client.request('isochrone', { sourceId: id, bandsMinutes: [5, 10, 15] });
    expect(unreachable).toBe(false);
    expect(bands.features.map((f) => f.properties.minutes)).toEqual([5, 10, 15]);
    const area = (i: number) => bands.features[i]!.geometry.coordinates.reduce((s, poly) => s + ringSignedArea(poly[0]!) + poly.slice(1).reduce((h, r) => h + ringSignedArea(r), 0), 0);
    expect(area(0)).toBeGreaterThan(0);
    expect(area(1)).toBeGreaterThan(area(0));
    expect(area(2)).toBeGreaterThan(area(1));
  });

  test('the instant straight-line answer agrees with a linear scan', async () => {
    const at: [number, number] = [119.75, 27.55];
    const r = await client.request('nearestStraightLine', { incident: at, k: 3 });
    const d = (f: (typeof stations)[number]) => Math.hypot((f.geometry.coordinates[0] - at[0]) * Math.cos((at[1] * Math.PI) / 180), f.geometry.coordinates[1] - at[1]);
    const scan = [...stations].sort((a, b) => d(a) - d(b)).slice(0, 3).map((f) => f.properties.id);
    expect(r.results.map((x) => x.id)).toEqual(scan);
    expect(r.results[0]!.straightLineMeters).toBeLessThan(r.results[1]!.straightLineMeters);
  });

  test('nearest ranks stations by time to the incident, ascending', async () => {
    const at = stations[3]!.geometry.coordinates;
    const r = await client.request('nearest', { incident: [at[0] + 0.001, at[1]], k: 5, perKind: false });
    expect(r.incidentReachable).toBe(true);
    expect(r.results[0]!.id).toBe(stations[3]!.properties.id);
    for (let i = 1; i < r.results.length; i++) expect(r.results[i]!.seconds).toBeGreaterThanOrEqual(r.results[i - 1]!.seconds);
  });
});

describe('compute host: ordering and cancellation', () => {
  const ran: string[] = [];
  const slow = async (name: string, ctx: { checkpoint(): Promise<void> }) => {
    ran.push(`start ${name}`);
    for (let i = 0; i < 5; i++) await ctx.checkpoint();
    ran.push(`end ${name}`);
  };
  const handlers = {
    warmUp: async (_: unknown, ctx: { checkpoint(): Promise<void> }) => { await slow('warmUp', ctx); return { result: { cells: 1 } }; },
    loadRoads: () => { ran.push('loadRoads'); return { result: { nodeCount: 0, edgeCount: 0, problems: [] } }; },
  } as unknown as ComputeHandlers;
  const { client, close } = connectInProcess(handlers);
  afterAll(close);

  test('a job cancelled while queued never runs; a running one stops at its next checkpoint', async () => {
    const running = new AbortController(), queued = new AbortController();
    const a = client.request('warmUp', {}, { signal: running.signal });
    const b = client.request('loadRoads', { fileName: 'x', bytes: new ArrayBuffer(0) }, { signal: queued.signal });
    queued.abort();
    await expect(b).rejects.toBeInstanceOf(AbortError);
    for (let i = 0; i < 200 && !ran.includes('start warmUp'); i++) await new Promise((r) => setTimeout(r, 1));
    running.abort();
    await expect(a).rejects.toBeInstanceOf(AbortError);
    const after = await client.request('loadRoads', { fileName: 'x', bytes: new ArrayBuffer(0) });
    expect(after.edgeCount).toBe(0);
    expect(ran).toContain('start warmUp');
    expect(ran).not.toContain('end warmUp');
    expect(ran.filter((x) => x === 'loadRoads')).toHaveLength(1);
  });

  test('a request sent during a background warm-up is answered before the warm-up ends', async () => {
    ran.length = 0;
    const warm = client.request('warmUp', {});
    for (let i = 0; i < 200 && !ran.includes('start warmUp'); i++) await new Promise((r) => setTimeout(r, 1));
    await client.request('loadRoads', { fileName: 'x', bytes: new ArrayBuffer(0) });
    expect(ran).toEqual(['start warmUp', 'loadRoads']);
    await warm;
    expect(ran).toEqual(['start warmUp', 'loadRoads', 'end warmUp']);
  });

  test('an already-aborted signal rejects without sending', async () => {
    const c = new AbortController();
    c.abort();
    await expect(client.request('warmUp', {}, { signal: c.signal })).rejects.toBeInstanceOf(AbortError);
  });
});
