#!/usr/bin/env node
// Hover and click over the province (issue 6 item 8, issue 12 item 4): `node bench/browser/hover-bench.mjs
// --dist DIR [--dist DIR2] [--rounds 2] [--port 4661] [--hovers 30]`. Serves each build with the
// production server and the generated province (npm run province:data), opens `?dataset=province` at
// zoom 14, waits until it is ready, then moves the pointer onto drawn resources and clusters (where the
// map's canvas is the topmost element) one after another (each time from a spot off the map's objects) and clicks the last one. Builds alternate
// round by round in one run. Prints per build: the pointer move → tooltip shown (wall clock, CDP round
// trip included), the WebGL readPixels calls during the hovers and clicks and the time spent in them
// (deck.gl's GPU picking is a picking render plus a synchronous readPixels; a CPU hit-test makes none),
// and the main thread's long tasks meanwhile. Wall clock on a shared machine: printed, never asserted.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { guardOrigin, launchBrowser } from '../../tests/e2e/harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opt } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.BENCH_PORT ?? '4661' },
    dist: { type: 'string', multiple: true, default: [join(root, 'dist')] },
    rounds: { type: 'string', default: '1' },
    hovers: { type: 'string', default: '30' },
    data: { type: 'string', default: join(root, '.generated', 'province') },
  },
});
const dataDir = resolve(opt.data);
if (!existsSync(join(dataDir, 'manifest.json'))) {
  console.error(`no province at ${dataDir}: run npm run province:data first`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
const totalResources = Object.values(manifest.resources ?? {}).reduce((a, r) => a + (r.count ?? 0), 0);
const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : NaN);
const p90 = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))] : NaN);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

async function runBuild(dist) {
  const server = spawn(process.execPath, [join(root, 'scripts', 'server', 'serve.mjs'), '--dir', resolve(dist), '--port', opt.port, '--province', dataDir], { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
  const base = `http://127.0.0.1:${opt.port}`;
  for (let i = 0; ; i++) {
    if (server.exitCode !== null || i > 100) throw new Error('the static server did not start');
    try {
      if ((await fetch(`${base}/province/manifest.json`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  const { browser, close } = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await guardOrigin(context, base, []);
    await context.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      // every WebGL read-back of the page's scripts, with the time it held the thread
      window.__readPixels = { calls: 0, ms: 0 };
      for (const C of [WebGLRenderingContext, WebGL2RenderingContext]) {
        const original = C.prototype.readPixels;
        C.prototype.readPixels = function (...args) {
          const t0 = performance.now();
          try {
            return original.apply(this, args);
          } finally {
            window.__readPixels.calls++;
            window.__readPixels.ms += performance.now() - t0;
          }
        };
      }
    });
    const page = await context.newPage();
    const center = [(manifest.bbox[0] + manifest.bbox[2]) / 2, (manifest.bbox[1] + manifest.bbox[3]) / 2];
    await page.goto(`${base}/?e2e&dataset=province#map=14/${center[1].toFixed(5)}/${center[0].toFixed(5)}&view=duty`);
    await page.waitForFunction((total) => {
      const d = window.__onemap?.dataset?.();
      const loaded = [...document.querySelectorAll('[data-testid^=count-]')].reduce((a, el) => a + Number(el.getAttribute('data-total') ?? 0), 0);
      const drawn = (window.__onemap?.drawnClusters?.().length ?? 0) + (window.__onemap?.drawnIcons?.().length ?? 0);
      return d && d.network === 'ready' && loaded >= total && drawn > 0;
    }, totalResources, { timeout: 180_000, polling: 100 });
    await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: 60_000 });
    await page.waitForTimeout(1500);
    const box = await page.getByTestId('map').boundingBox();
    // drawn objects on screen, away from the edges, where the map's canvas is the topmost element
    // (not under the view's panel or a control)
    const targets = await page.evaluate(({ w, h, left, top }) => {
      const hook = window.__onemap;
      const all = [...hook.drawnIcons().map((i) => i.lngLat), ...hook.drawnClusters().map((c) => c.lngLat)].map((ll) => hook.project(ll));
      return all.filter(([x, y]) => x > 80 && x < w - 80 && y > 80 && y < h - 80 && document.elementFromPoint(left + x, top + y)?.classList.contains('maplibregl-canvas'));
    }, { w: box.width, h: box.height, left: box.x, top: box.y });
    const n = Math.min(Number(opt.hovers), targets.length);
    const step = Math.max(1, Math.floor(targets.length / n));
    const chosen = Array.from({ length: n }, (_, i) => targets[i * step]);
    const before = await page.evaluate(() => ({ readPixels: { ...window.__readPixels }, at: performance.now() }));
    const showMs = [];
    let shown = 0;
    for (const [x, y] of chosen) {
      await page.mouse.move(box.x + 2, box.y + 2); // the map's corner: off the objects
      await page.waitForSelector('[role=tooltip]', { state: 'detached', timeout: 3000 }).catch(() => undefined);
      const t0 = Date.now();
      await page.mouse.move(box.x + x, box.y + y);
      const ok = await page.waitForSelector('[role=tooltip]', { timeout: 5000 }).then(() => true, () => false);
      if (ok) {
        shown++;
        showMs.push(Date.now() - t0);
      }
    }
    const [cx, cy] = chosen.at(-1);
    await page.mouse.click(box.x + cx, box.y + cy);
    await page.waitForTimeout(1500);
    const after = await page.evaluate((since) => ({ readPixels: { ...window.__readPixels }, longTasks: window.__longTasks.filter((t) => t.start >= since).map((t) => Math.round(t.ms)) }), before.at);
    return {
      targets: targets.length,
      hovers: n,
      shown,
      showMedianMs: median(showMs),
      showP90Ms: p90(showMs),
      showMaxMs: Math.max(...showMs),
      readPixelsCalls: after.readPixels.calls - before.readPixels.calls,
      readPixelsMs: after.readPixels.ms - before.readPixels.ms,
      longTasks: after.longTasks,
    };
  } finally {
    await close().catch(() => undefined);
    server.kill('SIGTERM');
  }
}

const rows = [];
for (let round = 0; round < Number(opt.rounds); round++) {
  for (const dist of opt.dist) {
    const startLoad = load();
    const r = await runBuild(dist);
    rows.push({ dist, startLoad, ...r });
    console.log(`${new Date().toISOString().slice(11, 19)} ${dist} (load ${startLoad}): ${r.shown}/${r.hovers} tooltips shown, move → tooltip median ${r.showMedianMs} ms, p90 ${r.showP90Ms} ms, max ${r.showMaxMs} ms; readPixels ${r.readPixelsCalls} calls, ${r.readPixelsMs.toFixed(0)} ms; long tasks ${r.longTasks.length} > 50 ms, over 200 ms: ${r.longTasks.filter((m) => m > 200).join(', ') || 'none'}`);
  }
}
console.log('\n| build | load at start | tooltips | move → tooltip median / p90 / max | readPixels calls, ms | long tasks > 50 ms (over 200 ms) |\n| --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.dist} | ${r.startLoad.split(' ')[0]} | ${r.shown}/${r.hovers} | ${r.showMedianMs} / ${r.showP90Ms} / ${r.showMaxMs} ms | ${r.readPixelsCalls}, ${r.readPixelsMs.toFixed(0)} ms | ${r.longTasks.length} (${r.longTasks.filter((m) => m > 200).join(', ') || 'none'}) |`);
}
console.log(`\nload average at the end ${load()}`);
