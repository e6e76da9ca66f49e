#!/usr/bin/env node
// `npm start`: build with Vite if dist/ is missing or older than its inputs, then serve the
// production build with scripts/server/serve.mjs (sirv: precompressed files, cache headers, strict CSP)
// on 127.0.0.1 and print the URL; the public shelter finder (dist-public/, deployed on its own static
// host in production) is served beside it on the next port.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectSrcFor } from './sources-csp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'index.html');
const distPublic = join(root, 'dist-public', 'index.html');
const inputs = ['src', 'data', 'public', 'index.html', 'public.html', 'vite.config.ts', 'package.json'];
const port = Number(process.env.PORT ?? 4173);

/** Newest modification time (ms) under a path; 0 if it does not exist. */
function newestMtimeMs(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

const builtAt = existsSync(dist) && existsSync(distPublic) ? Math.min(statSync(dist).mtimeMs, statSync(distPublic).mtimeMs) : 0;
const changedAt = Math.max(...inputs.map((p) => newestMtimeMs(join(root, p))));
if (builtAt === 0 || changedAt > builtAt) {
  console.log(builtAt === 0 ? 'onemap: no build yet, building…' : 'onemap: sources changed, rebuilding…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.log('onemap: dist/ is up to date');
}

// connect-src: 'self' and exactly the origins dist/sources.json names (serve.mjs derives the same)
const connectSrc = connectSrcFor(join(root, 'dist', 'sources.json'));
if (connectSrc !== "'self'") console.log(`onemap: live sources allowed (connect-src): ${connectSrc}`);
const { serveStatic } = await import('./server/serve.mjs');
try {
  const { url } = await serveStatic({ dir: join(root, 'dist'), port });
  const finder = await serveStatic({ dir: join(root, 'dist-public'), port: port + 1, datasets: {} });
  console.log(`\n  OneMap (应急一张图) · Taishun demo (示意数据 / synthetic) is running:\n\n    ${url}\n\n  The public shelter finder (就近避灾点查询), its own static site:\n\n    ${finder.url}\n\n  Press Ctrl+C to stop.\n`);
} catch (err) {
  console.error(`onemap: cannot serve on 127.0.0.1:${err.port ?? port}: ${err.code === 'EADDRINUSE' ? 'the port is in use (PORT=… npm start to pick another; the finder takes PORT+1)' : err.code ?? err.message}`);
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
