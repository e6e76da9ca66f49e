/**
 * An in-process OGC API – Features server (node:http on a free loopback port) for the client's
 * tests. Serves `/collections/<id>/items` from a list of features, with switches for the ways real
 * servers differ or fail: next links that drop the bbox (MapServer 8.0.0), no next links, 400 past
 * the end, and answers of 500, HTML, truncated JSON or a stalled body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
}

export type Fault = '500' | 'html' | 'truncated' | 'stall';

export interface FakeServerOptions {
  features: FakeFeature[];
  /** Largest page the server sends, whatever limit is asked. */
  maxLimit?: number;
  /** 'keep': next links carry every query parameter; 'drop-bbox': only f/limit/offset; 'none': no next links. */
  nextLinks?: 'keep' | 'drop-bbox' | 'none';
  /** 400 for an offset past the end (MapServer) instead of an empty page. */
  offsetPastEnd400?: boolean;
  /** Send numberMatched. */
  numberMatched?: boolean;
  /** A next link on every full page, even the last (MapServer does not know there is no more). */
  nextWhenFull?: boolean;
}

export interface FakeServer {
  baseUrl: string;
  collectionUrl: (id: string) => string;
  /** Every request's path and query, in order. */
  requests: string[];
  /** Faults for the next requests, consumed one per request (null: answer normally). */
  faults: (Fault | null)[];
  close(): Promise<void>;
}

function inBbox(f: FakeFeature, bbox: number[] | null): boolean {
  if (!bbox || !f.geometry) return true;
  const [x, y] = f.geometry.coordinates;
  return x >= bbox[0]! && x <= bbox[2]! && y >= bbox[1]! && y <= bbox[3]!;
}

export async function startFakeOgcServer(opts: FakeServerOptions): Promise<FakeServer> {
  const requests: string[] = [];
  const faults: (Fault | null)[] = [];
  const maxLimit = opts.maxLimit ?? 1000;
  const stalled: ServerResponse[] = [];
  let base = '';
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    requests.push(url.pathname + url.search);
    const fault = faults.shift();
    if (fault === '500') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    if (fault === 'html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>MapServer Message</body></html>');
    if (fault === 'stall') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"type":"FeatureCollection","features":[');
      stalled.push(res);
      return;
    }
    const m = /^\/collections\/([^/]+)\/items$/.exec(url.pathname);
    if (!m) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"NotFound"}');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 10) || 10, maxLimit);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const bboxText = url.searchParams.get('bbox');
    const bbox = bboxText ? bboxText.split(',').map(Number) : null;
    const matched = opts.features.filter((f) => inBbox(f, bbox));
    if (offset > 0 && offset >= matched.length && opts.offsetPastEnd400)
      return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"code":"InvalidParameterValue","description":"Offset out of range."}');
    const page = matched.slice(offset, offset + limit);
    const links: Record<string, unknown>[] = [{ rel: 'self', type: 'application/geo+json', href: url.toString() }];
    const more = offset + page.length < matched.length || (opts.nextWhenFull === true && page.length === limit);
    if (more && (opts.nextLinks ?? 'keep') !== 'none') {
      const next = new URL(url.toString());
      next.searchParams.set('offset', String(offset + page.length));
      if (opts.nextLinks === 'drop-bbox') next.searchParams.delete('bbox');
      links.push({ rel: 'next', type: 'text/html', href: next.toString().replace('f=json', 'f=html') });
      links.push({ rel: 'next', type: 'application/geo+json', href: next.toString() });
    }
    const body = JSON.stringify({
      type: 'FeatureCollection',
      features: page,
      numberReturned: page.length,
      ...(opts.numberMatched ? { numberMatched: matched.length } : {}),
      links,
    });
    if (fault === 'truncated') return void res.writeHead(200, { 'content-type': 'application/json' }).end(body.slice(0, Math.floor(body.length / 2)));
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    baseUrl: base,
    collectionUrl: (id) => `${base}/collections/${id}`,
    requests,
    faults,
    close: async () => {
      for (const r of stalled) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A valid shelter feature in MapServer's shape (snake_case updated_at, id also top-level). */
export function shelterFeature(i: number, lngLat: [number, number] = [119.7 + i * 0.001, 27.5]): FakeFeature {
  const id = `SH${String(i).padStart(3, '0')}`;
  return {
    type: 'Feature',
    id,
    properties: {
      id,
      name: `避灾点${i}`,
      township: 'T01',
      status: 'active',
      updated_at: `2026-12-01T0${i % 10}:00:00Z`,
      capacity: 100,
      occupancy: i % 100,
      open: i % 2 === 0,
      typhoonSafe: true,
      level: 'village',
    },
    geometry: { type: 'Point', coordinates: lngLat },
  };
}
