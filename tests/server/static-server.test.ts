import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM script without types
import { contentSecurityPolicy } from '../../scripts/server/csp.mjs';
// @ts-expect-error plain ESM script without types
import { serveStatic } from '../../scripts/server/serve.mjs';

/** The production server of `npm start` and the browser tests, on a tiny built folder. */
const dir = mkdtempSync(join(tmpdir(), 'onemap-dist-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
const js = 'console.log("hello");'.repeat(200);
writeFileSync(join(dir, 'assets', 'index-AbCd1234.js'), js);
writeFileSync(join(dir, 'assets', 'index-AbCd1234.js.br'), brotliCompressSync(js));
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  server = await serveStatic({ dir, port: 0 });
});
afterAll(() => server.close());

describe('static server', () => {
  test('every response carries the strict CSP, nosniff and frame protection', async () => {
    for (const path of ['', 'assets/index-AbCd1234.js', 'missing']) {
      const r = await fetch(server.url + path);
      const csp = r.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval|unsafe-inline|data:|\*/);
      expect(csp.replace("media-src 'self' blob:", '').replace("img-src 'self' blob:", '')).not.toContain('blob:'); // MSE video, in-page captures only
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  test('fingerprinted assets are immutable for a year, the page revalidates by ETag, a miss is 404', async () => {
    const asset = await fetch(`${server.url}assets/index-AbCd1234.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(server.url);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const etag = page.headers.get('etag')!;
    expect((await fetch(server.url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await fetch(`${server.url}nope.js`)).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  test('a precompressed .br file is sent when the browser accepts brotli', async () => {
    const r = await fetch(`${server.url}assets/index-AbCd1234.js`, { headers: { 'Accept-Encoding': 'br' } });
    expect(r.headers.get('content-encoding')).toBe('br');
    expect(await r.text()).toBe(js); // fetch decodes it
  });

  test('the CSP can be extended with http(s) origins only (live sources)', () => {
    expect(contentSecurityPolicy({ connectSrc: ['https://data.example.org'] })).toContain("connect-src 'self' https://data.example.org");
    expect(() => contentSecurityPolicy({ connectSrc: ["'unsafe-eval'"] })).toThrow(/not an http\(s\) origin/);
    expect(() => contentSecurityPolicy({ connectSrc: ['data:'] })).toThrow();
  });
});

test('connect-src names the origins of the sources configured in sources.json, and only those', async () => {
  const file = join(dir, 'sources.json');
  writeFileSync(file, JSON.stringify({ layers: { shelter: { type: 'ogc-api-features', url: 'http://127.0.0.1:4376/ogcapi/collections/shelters' }, x: { url: 'javascript:alert(1)' } } }));
  const s = await serveStatic({ dir, port: 0 });
  const csp = (await fetch(s.url)).headers.get('content-security-policy');
  await s.close();
  expect(csp).toContain("connect-src 'self' http://127.0.0.1:4376;");
});
