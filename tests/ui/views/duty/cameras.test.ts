import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkStreamUrl, withRefreshToken } from '../../../../src/ui/views/duty/cameras/state/stream-url';
import { nearestCameras, straightLineMeters } from '../../../../src/ui/views/duty/cameras/state/nearest-cameras';
import { MAX_OPEN_PLAYERS, closePlayer, openPlayer } from '../../../../src/ui/views/duty/cameras/state/open-players';

const PAGE = 'http://127.0.0.1:4173/index.html?e2e#view=duty';

describe('checkStreamUrl: only http(s) is ever loaded', () => {
  it('accepts http and https, and resolves same-origin relative paths against the page', () => {
    expect(checkStreamUrl('https://cam.example.org/live/index.m3u8', PAGE)).toEqual({ ok: true, url: 'https://cam.example.org/live/index.m3u8' });
    expect(checkStreamUrl('HTTP://cam.example.org/a.jpg', PAGE)).toEqual({ ok: true, url: 'http://cam.example.org/a.jpg' });
    expect(checkStreamUrl('demo-cameras/hls/clip-1/index.m3u8', PAGE)).toEqual({ ok: true, url: 'http://127.0.0.1:4173/demo-cameras/hls/clip-1/index.m3u8' });
    expect(checkStreamUrl('  /demo-cameras/snapshot-1.jpg ', PAGE)).toEqual({ ok: true, url: 'http://127.0.0.1:4173/demo-cameras/snapshot-1.jpg' });
  });

  it.each([
    ['rtsp://cam0001.taishun.invalid/live', 'rtsp'],
    ['javascript:alert(1)', 'javascript'],
    [' JavaScript:alert(1)', 'javascript'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['file:///etc/passwd', 'file'],
    ['blob:http://127.0.0.1:4173/abc', 'blob'],
    ['ftp://example.org/x.jpg', 'ftp'],
    ['ws://example.org/stream', 'ws'],
  ])('refuses %s (scheme %s)', (url, scheme) => {
    expect(checkStreamUrl(url, PAGE)).toEqual({ ok: false, reason: 'scheme', scheme });
  });

  it('refuses empty and unparsable URLs', () => {
    expect(checkStreamUrl('   ', PAGE)).toEqual({ ok: false, reason: 'empty' });
    expect(checkStreamUrl('http://[::1', PAGE)).toEqual({ ok: false, reason: 'unparsable' });
  });

  it('a relative path on a non-http page is refused too (never loaded as file: or data:)', () => {
    expect(checkStreamUrl('demo-cameras/snapshot-1.jpg', 'file:///home/user/index.html')).toMatchObject({ ok: false, scheme: 'file' });
  });

  it('whatever the input, an accepted URL is http(s)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = checkStreamUrl(s, PAGE);
        return !r.ok || /^https?:\/\//.test(r.url);
      }),
      { seed: 6, numRuns: 2000 },
    );
  });

  it('a refresh token changes only the query', () => {
    expect(withRefreshToken('http://127.0.0.1:4173/demo-cameras/snapshot-1.jpg', 3)).toBe('http://127.0.0.1:4173/demo-cameras/snapshot-1.jpg?_t=3');
    expect(withRefreshToken('https://x.org/s.jpg?cam=1', 4)).toBe('https://x.org/s.jpg?cam=1&_t=4');
  });
});

describe('nearestCameras: straight-line ranking', () => {
  const incident: [number, number] = [119.713, 27.56];

  it('haversine distance: 0.01° of latitude ≈ 1,112 m', () => {
    expect(straightLineMeters([119.7, 27.5], [119.7, 27.51])).toBeCloseTo(1111.95, 1);
  });

  it('agrees with sorting every camera by distance (brute force), ties by id', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dx: fc.integer({ min: -50, max: 50 }), dy: fc.integer({ min: -50, max: 50 }) }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 12 }),
        (offsets, k) => {
          // Integer grid offsets make exact ties common.
          const cams = offsets.map((o, i) => ({ id: `CAM${String(i).padStart(3, '0')}`, lngLat: [incident[0] + o.dx * 1e-4, incident[1] + o.dy * 1e-4] as const }));
          const brute = cams
            .map((c) => ({ id: c.id, m: straightLineMeters(incident, c.lngLat) }))
            .sort((a, b) => a.m - b.m || (a.id < b.id ? -1 : 1))
            .slice(0, k)
            .map((x) => x.id);
          expect(nearestCameras(cams, incident, k).map((r) => r.camera.id)).toEqual(brute);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('returns distances with each camera and nothing for k = 0', () => {
    const r = nearestCameras([{ id: 'A', lngLat: [119.713, 27.57] }], incident, 3);
    expect(r[0]!.straightLineMeters).toBeCloseTo(1111.95, 0);
    expect(nearestCameras([{ id: 'A', lngLat: incident }], incident, 0)).toEqual([]);
  });
});

describe('open players: at most four at once', () => {
  it('opens up to four, refuses a fifth without changing the open ones, and reopening is a no-op', () => {
    let open: readonly string[] = [];
    for (const id of ['A', 'B', 'C', 'D']) {
      const r = openPlayer(open, id);
      expect(r.ok).toBe(true);
      open = r.open;
    }
    expect(MAX_OPEN_PLAYERS).toBe(4);
    expect(open).toEqual(['A', 'B', 'C', 'D']);
    expect(openPlayer(open, 'E')).toEqual({ ok: false, open, reason: 'full' });
    expect(openPlayer(open, 'B')).toEqual({ ok: true, open });
    open = closePlayer(open, 'B');
    expect(open).toEqual(['A', 'C', 'D']);
    expect(openPlayer(open, 'E')).toEqual({ ok: true, open: ['A', 'C', 'D', 'E'] });
    expect(closePlayer(open, 'Z')).toBe(open);
  });

  it('never holds more than the limit, whatever the sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ open: fc.boolean(), id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F') }), { maxLength: 40 }), (ops) => {
        let open: readonly string[] = [];
        for (const op of ops) open = op.open ? openPlayer(open, op.id).open : closePlayer(open, op.id);
        return open.length <= MAX_OPEN_PLAYERS && new Set(open).size === open.length;
      }),
      { seed: 8, numRuns: 500 },
    );
  });
});
