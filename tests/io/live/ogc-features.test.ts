import { afterEach, describe, expect, it } from 'vitest';
import { geoJsonUrlSource, ogcFeaturesSource, SourceError, type Bbox } from '../../../src/io';
import { shelterFeature, startFakeOgcServer, type FakeServer } from './fake-ogc-server';

const COUNTY: Bbox = [119.5, 27.3, 120.1, 27.8];
const MAPPING = { updatedAt: 'updated_at' };
let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const load = (opts: Partial<Parameters<typeof ogcFeaturesSource>[0]> = {}, signal = new AbortController().signal) =>
  ogcFeaturesSource({ kind: 'shelter', collectionUrl: server!.collectionUrl('shelters'), properties: MAPPING, ...opts }).load(signal);

describe('OGC API – Features client', () => {
  it('follows next links page by page and validates every row', async () => {
    server = await startFakeOgcServer({ features: range(23).map((i) => shelterFeature(i)), maxLimit: 10 });
    const result = await load({ pageLimit: 10, bbox: COUNTY });
    expect(result.issues).toEqual([]);
    expect(result.resources.map((r) => r.id)).toEqual(range(23).map((i) => `SH${String(i).padStart(3, '0')}`));
    expect(result.pageCount).toBe(3);
    expect(server.requests).toHaveLength(3);
    for (const r of server.requests) expect(r).toContain('bbox=119.5%2C27.3%2C120.1%2C27.8');
    expect(server.requests[1]).toContain('offset=10');
    // the property mapping renamed updated_at → updatedAt before validation
    expect(result.resources[0]!.updatedAt).toBe('2026-12-01T01:00:00Z');
  });

  it('a server capping the page size below the asked limit still gives every row', async () => {
    server = await startFakeOgcServer({ features: range(25).map((i) => shelterFeature(i)), maxLimit: 7 });
    const result = await load({ pageLimit: 500 });
    expect(result.resources).toHaveLength(25);
    expect(result.pageCount).toBe(4);
  });

  it('next links that drop the bbox are not followed: it pages by limit/offset with its own bbox', async () => {
    // 10 inside the county, 10 far outside; an unfiltered next page would bring outsiders in.
    const inside = range(10).map((i) => shelterFeature(i));
    const outside = range(10).map((i) => shelterFeature(100 + i, [100 + i * 0.01, 10]));
    server = await startFakeOgcServer({ features: [...inside.slice(0, 5), ...outside, ...inside.slice(5)], maxLimit: 4, nextLinks: 'drop-bbox', offsetPastEnd400: true });
    const result = await load({ pageLimit: 4, bbox: COUNTY });
    expect(result.resources.map((r) => r.id).sort()).toEqual(inside.map((f) => f.properties['id']).sort());
    for (const r of server.requests) expect(r).toContain('bbox=');
    expect(server.requests.some((r) => r.includes('offset=4'))).toBe(true);
  });

  it('an offset past the end answering 400 (MapServer) is the end, not an error', async () => {
    // 8 rows, pages of 4, next links without bbox → offset 4, then offset 8 → 400.
    server = await startFakeOgcServer({ features: range(8).map((i) => shelterFeature(i)), maxLimit: 4, nextLinks: 'drop-bbox', offsetPastEnd400: true, nextWhenFull: true });
    const result = await load({ pageLimit: 4, bbox: COUNTY });
    expect(result.resources).toHaveLength(8);
    expect(server.requests.at(-1)).toContain('offset=8');
  });

  it('without next links it pages by offset while numberMatched says more rows match', async () => {
    server = await startFakeOgcServer({ features: range(9).map((i) => shelterFeature(i)), maxLimit: 4, nextLinks: 'none', numberMatched: true });
    const result = await load({ pageLimit: 4 });
    expect(result.resources).toHaveLength(9);
    expect(server.requests).toHaveLength(3);
  });

  it('bad rows are reported with row, field and value, and every valid row is kept', async () => {
    const features = range(6).map((i) => shelterFeature(i));
    features[1]!.properties['capacity'] = -3;
    features[3]!.geometry = null;
    features[4]!.properties['occupancy'] = 500; // exceeds capacity 100
    server = await startFakeOgcServer({ features, maxLimit: 4 });
    const result = await load({ pageLimit: 4 });
    expect(result.resources.map((r) => r.id)).toEqual(['SH001', 'SH003', 'SH006']);
    expect(result.rowCount).toBe(6);
    const messages = result.issues.map((i) => i.message);
    expect(messages.some((m) => m.includes('row 1') && m.includes('"capacity" = -3'))).toBe(true);
    expect(messages.some((m) => m.includes('row 3') && m.includes('geometry'))).toBe(true);
    expect(messages.some((m) => m.includes('row 4') && m.includes('occupancy'))).toBe(true);
  });

  it('rows all invalid: no resources, one issue per row, no throw', async () => {
    const features = range(3).map((i) => ({ ...shelterFeature(i), properties: { id: `X${i}`, name: 'x' } }));
    server = await startFakeOgcServer({ features });
    const result = await load();
    expect(result.resources).toEqual([]);
    expect(result.rowCount).toBe(3);
    expect(new Set(result.issues.map((i) => i.row))).toEqual(new Set([0, 1, 2]));
  });

  it('AbortSignal cancels a request in flight with an AbortError, not a SourceError', async () => {
    server = await startFakeOgcServer({ features: range(3).map((i) => shelterFeature(i)) });
    server.faults.push('stall');
    const controller = new AbortController();
    const pending = load({}, controller.signal);
    setTimeout(() => controller.abort(), 50);
    const err = await pending.then(() => null, (e: unknown) => e as Error);
    expect(err?.name).toBe('AbortError');
    expect(err).not.toBeInstanceOf(SourceError);
  });

  it('an already aborted signal makes no request succeed', async () => {
    server = await startFakeOgcServer({ features: range(3).map((i) => shelterFeature(i)) });
    const controller = new AbortController();
    controller.abort();
    await expect(load({}, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  describe('a failing server rejects with a plain SourceError naming the source', () => {
    const cases = [
      ['500', 'http', /answered HTTP 500/],
      ['html', 'html', /web page \(HTML\)/],
      ['truncated', 'json', /cut off or malformed/],
    ] as const;
    for (const [fault, reason, text] of cases)
      it(`${fault} on the first page`, async () => {
        server = await startFakeOgcServer({ features: range(3).map((i) => shelterFeature(i)) });
        server.faults.push(fault);
        const err = (await load().catch((e: unknown) => e)) as SourceError;
        expect(err).toBeInstanceOf(SourceError);
        expect(err.reason).toBe(reason);
        expect(err.message).toMatch(text);
        expect(err.message.startsWith(server.collectionUrl('shelters'))).toBe(true);
      });

    it('a fault on a later page fails the whole load (no half layer)', async () => {
      server = await startFakeOgcServer({ features: range(10).map((i) => shelterFeature(i)), maxLimit: 4 });
      server.faults.push(null, 'truncated'); // first page fine, second cut off
      await expect(load({ pageLimit: 4 })).rejects.toMatchObject({ reason: 'json' });
      expect(server.requests).toHaveLength(2);
    });

    it('a server that cannot be reached', async () => {
      server = await startFakeOgcServer({ features: [] });
      const url = server.collectionUrl('shelters');
      await server.close();
      server = null;
      const err = (await ogcFeaturesSource({ kind: 'shelter', collectionUrl: url }).load(new AbortController().signal).catch((e: unknown) => e)) as SourceError;
      expect(err).toBeInstanceOf(SourceError);
      expect(err.reason).toBe('network');
      expect(err.message).toContain(url);
    });

    it('a next link looping back to a page already read stops with an error', async () => {
      server = await startFakeOgcServer({ features: range(3).map((i) => shelterFeature(i)) });
      const looping = async (url: string, init: { signal: AbortSignal }) => {
        const r = await fetch(url, init);
        const page = (await r.json()) as Record<string, unknown>;
        page['links'] = [{ rel: 'next', type: 'application/geo+json', href: url }];
        return new Response(JSON.stringify(page), { headers: { 'content-type': 'application/json' } });
      };
      await expect(load({ fetch: looping })).rejects.toMatchObject({ reason: 'paging' });
    });
  });
});

describe('GeoJSON URL source', () => {
  it('loads, maps properties and validates', async () => {
    server = await startFakeOgcServer({ features: range(4).map((i) => shelterFeature(i)) });
    const src = geoJsonUrlSource({ kind: 'shelter', url: `${server.collectionUrl('shelters')}/items?limit=100`, properties: MAPPING });
    const result = await src.load(new AbortController().signal);
    expect(result.resources).toHaveLength(4);
    expect(result.issues).toEqual([]);
  });
});
