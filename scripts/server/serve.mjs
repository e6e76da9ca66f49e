#!/usr/bin/env node
/**
 * The production static server of a built folder (dist/ by default), on sirv (a maintained static
 * file server; `vite preview` says it is not for production): precompressed .br/.gz files sent
 * when the browser accepts them, fingerprinted files under assets/ cached for a year (immutable),
 * everything else revalidated by ETag (no-cache), and the security headers of csp.mjs on every
 * response. `node scripts/server/serve.mjs [--dir dist] [--port 4173] [--host 127.0.0.1] [--province DIR]`
 * (DIR: a generated province folder served at /province/, default .generated/province).
 */
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { sourceOriginsFromFile } from '../sources-csp.mjs';
import { securityHeaders } from './csp.mjs';

/**
 * Generated datasets, served beside the build when present (they are not part of it and not
 * committed): URL prefix → folder. The synthetic province of `npm run province:data` is opened
 * with `?dataset=province`. Read from disk on each request (sirv's dev lookup), so data generated
 * while the server runs is served without a restart.
 */
export const DEFAULT_DATASETS = { '/province/': join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.generated', 'province') };

/** Fingerprinted by Vite: name-<8+ char hash>.ext under assets/. */
const FINGERPRINTED = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * @param {{ dir: string, port: number, host?: string, csp?: import('./csp.mjs').CspExtensions, datasets?: Record<string, string> }} o
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveStatic({ dir, port, host = '127.0.0.1', csp, datasets = DEFAULT_DATASETS }) {
  // connect-src: 'self' plus the origins of the online sources configured in the folder's sources.json
  const headers = securityHeaders(csp ?? { connectSrc: sourceOriginsFromFile(join(dir, 'sources.json')) });
  const files = sirv(resolve(dir), {
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    extensions: ['html'],
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', FINGERPRINTED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (/\.geojson$/.test(pathname)) res.setHeader('Content-Type', 'application/geo+json');
      if (/\.webmanifest$/.test(pathname)) res.setHeader('Content-Type', 'application/manifest+json');
    },
    onNoMatch(_req, res) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.end('404 Not Found\n');
    },
  });
  const mounts = Object.entries(datasets).map(([prefix, folder]) => ({
    prefix,
    files: sirv(resolve(folder), {
      dev: true, // looked up per request: the folder may be (re)generated while the server runs
      etag: true,
      setHeaders(res, pathname) {
        res.setHeader('Cache-Control', 'no-cache');
        if (/\.geojson$/.test(pathname)) res.setHeader('Content-Type', 'application/geo+json');
      },
      onNoMatch(req, res) {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(`404 Not Found: ${req.url} (generate the dataset first, e.g. npm run province:data)\n`);
      },
    }),
  }));
  const server = createServer((req, res) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    const mount = mounts.find((m) => req.url?.startsWith(m.prefix));
    if (mount) {
      req.url = `/${req.url.slice(mount.prefix.length)}`;
      mount.files(req, res);
      return;
    }
    files(req, res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
      ok({ url: `http://${host}:${actual}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: process.env.PORT ?? '4173' }, host: { type: 'string', default: '127.0.0.1' }, province: { type: 'string' } } });
  const datasets = values.province ? { '/province/': resolve(values.province) } : DEFAULT_DATASETS;
  serveStatic({ dir: values.dir, port: Number(values.port), host: values.host, datasets }).then(
    ({ url }) => console.log(`serving ${values.dir} on ${url}`),
    (err) => {
      console.error(`onemap: cannot serve on ${values.host}:${values.port}: ${err.code ?? err.message}`);
      process.exit(1);
    },
  );
}
