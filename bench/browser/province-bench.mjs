#!/usr/bin/env node
// The province in the browser (issue 12, item 4): `npm run bench:province [-- --port 4645 --incidents 5
// --data DIR --edges N --resources N]`. Generates the seeded synthetic province if it is missing
// (npm run province:data), builds the app if dist/ is missing, serves the build with the production
// server (the province at /province/), opens `?dataset=province` in Debian's Chromium
// (playwright-core) and prints, with PASS/MISS against the goals:
//   - time to ready: road graph loaded in the compute worker, every resource loaded, clustered and
//     drawn, and joined to the network in the worker (the duty view can answer), from navigation start
//   - JS heap of the page and of each worker (CDP Runtime.getHeapUsage; ArrayBuffers are the
//     workers' backing store), and the worker's own count of the graph + index + search buffers
//   - each answer's latency: a click on empty map → the nearest lists by straight line and by
//     travel time (all four kinds), and a fire station's 15-minute rescue circle → drawn
//   - main-thread long tasks (PerformanceObserver 'longtask'), during loading and during the answers
//   - with --first-draws, what each GL program's first draw costs on its own (its pipeline compile)
// Goals: ready < 10 s, nearest list (travel time) < 300 ms, no long task > 200 ms. Wall clock on a
// shared machine: printed, never asserted (the project's rule); the figures go to bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, guardOrigin, launchBrowser } from '../../tests/e2e/harness.mjs';
import { longTasksFromTrace } from './trace-long-tasks.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opt } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.BENCH_PORT ?? '4645' },
    incidents: { type: 'string', default: '5' },
    data: { type: 'string', default: join(root, '.generated', 'province') },
    edges: { type: 'string' },
    resources: { type: 'string' },
    screenshot: { type: 'string' },
    /** a build folder other than dist/ (e.g. an unminified build for readable profiles) */
    dist: { type: 'string', default: join(root, 'dist') },
    /** write a CPU profile of the page during the second incident and print its top functions */
    profile: { type: 'string' },
    /**
     * write a Chromium trace (devtools.timeline) of the whole run and print, per long task over
     * 200 ms, its time blocked on the GPU process (SwiftShader), in GC and the rest; tracing slows
     * the page, so the headline figures come from runs without it
     */
    trace: { type: 'string' },
    /**
     * Chromium's GPU process composites (SwiftShader through ANGLE) instead of the harness's
     * --disable-gpu software compositor, which reads every WebGL frame back at each commit
     */
    'gpu-compositing': { type: 'boolean', default: false },
    /**
     * time each GL program's first draw on its own: before it the queued work is read back (a 1-px
     * readPixels, the only call that waits for the GPU process), after it again; prints what each
     * first draw cost, i.e. its pipeline's compile on this renderer. The reads slow the page: the
     * run's other figures are not comparable.
     */
    'first-draws': { type: 'boolean', default: false },
  },
});
const started = Date.now();
const log = (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const fmtMs = (ms) => (ms == null ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMB = (b) => (b == null ? '—' : `${(b / 1e6).toFixed(0)} MB`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The functions with the most self time in a CPU profile (sampled), for the log. */
function printTopSelf(profile, label, file) {
  writeFileSync(file, JSON.stringify(profile));
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  log(`CPU profile of the page ${label} → ${file}; top self time:`);
  for (const [k, ms] of [...self].sort((p, q) => q[1] - p[1]).slice(0, 30)) console.log(`    ${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

// 1. Data and build.
const dataDir = resolve(opt.data);
if (!existsSync(join(dataDir, 'manifest.json'))) {
  log(`no province at ${dataDir}: generating it (npm run province:data)`);
  const args = ['tsx', join(root, 'scripts', 'generate-province.ts'), '--out', dataDir];
  if (opt.edges) args.push('--edges', opt.edges);
  if (opt.resources) args.push('--resources', opt.resources);
  const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
const totalResources = Object.values(manifest.resources).reduce((a, r) => a + r.count, 0);
if (!existsSync(join(root, 'dist', 'index.html'))) {
  log('no production build: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
log(`province: ${manifest.roads.edgeCount.toLocaleString('en')} edges (${fmtMB(manifest.roads.graphBytes)} graph file), ${totalResources.toLocaleString('en')} resources; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

// 2. Serve.
const server = spawn(process.execPath, [join(root, 'scripts', 'server', 'serve.mjs'), '--dir', resolve(opt.dist), '--port', opt.port, '--province', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
server.stderr.on('data', (d) => (serverLog += d));
const base = `http://127.0.0.1:${opt.port}`;
for (let i = 0; ; i++) {
  if (server.exitCode !== null || i > 100) {
    console.error(`the static server did not start: ${serverLog}`);
    process.exit(1);
  }
  try {
    if ((await fetch(`${base}/province/manifest.json`)).ok) break;
  } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 200));
}

const { browser, close } = opt['gpu-compositing']
  ? await (async () => {
    const b = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu'), '--use-angle=swiftshader', '--ignore-gpu-blocklist'] });
    return { browser: b, close: () => b.close() };
  })()
  : await launchBrowser();
const stopAll = async () => {
  await close().catch(() => undefined);
  server.kill('SIGTERM');
};
const results = {};
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const offOrigin = [];
  await guardOrigin(context, base, offOrigin);
  await context.addInitScript(() => {
    window.__longTasks = [];
    window.__longFrames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
    // long animation frames: how much of a long frame was scripts (ours and libraries') and how much
    // rendering, i.e. SwiftShader's software WebGL here
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longFrames.push({
          start: Math.round(e.startTime),
          ms: Math.round(e.duration),
          scriptMs: Math.round((e.scripts ?? []).reduce((t, x) => t + x.duration, 0)),
          // from the frame's start to its rendering step: what ran before the frame could draw
          beforeRenderMs: e.renderStart ? Math.round(e.renderStart - e.startTime) : null,
          styleLayoutMs: e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : null,
          // the frame's scripts, longest first: who called (invoker), which function, from where
          scripts: [...(e.scripts ?? [])].sort((a, b) => b.duration - a.duration).slice(0, 4).map((x) => ({
            ms: Math.round(x.duration),
            invoker: x.invoker,
            fn: x.sourceFunctionName,
            at: `${(x.sourceURL ?? '').split('/').pop()}:${x.sourceCharPosition}`,
            layoutMs: Math.round(x.forcedStyleAndLayoutDuration ?? 0),
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  if (opt['first-draws']) {
    await context.addInitScript(() => {
      window.__firstDraws = [];
      const drawn = new WeakSet();
      const pixel = new Uint8Array(4);
      for (const proto of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype]) {
        for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
          const draw = proto[name];
          if (!draw) continue;
          proto[name] = function firstDrawTimed(...args) {
            const program = this.getParameter(this.CURRENT_PROGRAM);
            if (!program || drawn.has(program)) return draw.apply(this, args);
            drawn.add(program);
            const readBack = () => {
              const fb = this.getParameter(this.FRAMEBUFFER_BINDING);
              const pack = this instanceof WebGL2RenderingContext ? this.getParameter(this.PIXEL_PACK_BUFFER_BINDING) : null;
              if (pack) this.bindBuffer(this.PIXEL_PACK_BUFFER, null);
              this.bindFramebuffer(this.FRAMEBUFFER, null);
              this.readPixels(0, 0, 1, 1, this.RGBA, this.UNSIGNED_BYTE, pixel);
              this.bindFramebuffer(this.FRAMEBUFFER, fb);
              if (pack) this.bindBuffer(this.PIXEL_PACK_BUFFER, pack);
            };
            const t0 = performance.now();
            readBack();
            const t1 = performance.now();
            const out = draw.apply(this, args);
            readBack();
            const t2 = performance.now();
            const canvas = this.canvas instanceof HTMLCanvasElement ? this.canvas.id || this.canvas.className.split(' ')[0] : 'offscreen';
            window.__firstDraws.push({ atMs: Math.round(t0), queuedMs: Math.round(t1 - t0), firstDrawMs: Math.round(t2 - t1), canvas, call: name });
            return out;
          };
        }
      }
    });
  }
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));

  // 3. Open the province and wait until it is ready.
  const center = [(manifest.bbox[0] + manifest.bbox[2]) / 2, (manifest.bbox[1] + manifest.bbox[3]) / 2];
  const cdp = await context.newCDPSession(page);
  if (opt.profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  if (opt.trace) await browser.startTracing(page, { path: opt.trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'gpu', 'toplevel'] });
  log('opening ?dataset=province (duty view) ...');
  await page.goto(`${base}/?e2e&dataset=province#map=11/${center[1].toFixed(5)}/${center[0].toFixed(5)}&view=duty`);
  const readyAt = await page.waitForFunction((total) => {
    const d = window.__onemap?.dataset?.();
    const loaded = [...document.querySelectorAll('[data-testid^=count-]')].reduce((a, el) => a + Number(el.getAttribute('data-total') ?? 0), 0);
    const drawn = (window.__onemap?.drawnClusters?.().length ?? 0) + (window.__onemap?.drawnIcons?.().length ?? 0);
    // when each part first held (ms from navigation start)
    const p = (window.__phases ??= {});
    const now = performance.now();
    if (d?.network === 'ready') p.network ??= now;
    if (loaded >= total) p.resources ??= now;
    if (drawn > 0) p.drawn ??= now;
    if (d?.joined != null) p.joined ??= now;
    return d && d.network === 'ready' && d.joined !== null && loaded >= total && drawn > 0 ? { ms: now, phases: p, ...d, loaded, drawn } : false;
  }, totalResources, { timeout: 120_000, polling: 50 }).then((h) => h.jsonValue());
  results.readyMs = readyAt.ms;
  results.readyPhases = readyAt.phases;
  log(`ready in ${fmtMs(readyAt.ms)}: ${readyAt.edges.toLocaleString('en')} edges in the worker (${fmtMB(readyAt.memoryBytes)} graph + index + search buffers), ${readyAt.loaded.toLocaleString('en')} resources loaded, ${readyAt.joined.toLocaleString('en')} joined to the network, ${readyAt.drawn} clusters/icons drawn`);
  log(`  from navigation start: road network in the worker ${fmtMs(readyAt.phases.network)}, all resources loaded ${fmtMs(readyAt.phases.resources)}, clusters drawn ${fmtMs(readyAt.phases.drawn)}, resources joined in the worker ${fmtMs(readyAt.phases.joined)}`);
  results.workerNetworkBytes = readyAt.memoryBytes;
  // when the dataset's files were fetched (Resource Timing: the page's and the workers' fetches)
  results.fetches = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/province/')).map((e) => ({ file: e.name.split('/').pop(), startMs: Math.round(e.startTime), endMs: Math.round(e.responseEnd) })));
  if (results.fetches.length) log(`  fetched (ms from navigation start, start → end): ${results.fetches.map((f) => `${f.file} ${f.startMs} → ${f.endMs}`).join(', ')}`);
  if (opt.profile) printTopSelf((await cdp.send('Profiler.stop')).profile, 'while loading', opt.profile.replace(/(\.cpuprofile)?$/, '-load.cpuprofile'));
  results.loadLongTasks = await page.evaluate(() => window.__longTasks.slice());
  if (opt['first-draws']) {
    results.firstDraws = await page.evaluate(() => window.__firstDraws.slice());
    log(`each GL program's first draw while loading, timed on its own (ms from navigation start: first draw's own ms, the work queued before it in parentheses):`);
    for (const d of results.firstDraws) console.log(`    ${String(d.atMs).padStart(6)}: ${String(d.firstDrawMs).padStart(4)} ms (${d.queuedMs} ms)  ${d.canvas} ${d.call}`);
    const over = results.firstDraws.filter((d) => d.firstDrawMs > 200).length;
    log(`  ${results.firstDraws.length} programs, ${over} of them over 200 ms on their own, the longest ${Math.max(0, ...results.firstDraws.map((d) => d.firstDrawMs))} ms`);
  }

  // 4. Memory: the page's heap and every worker's (CDP).
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const heap = await cdp.send('Runtime.getHeapUsage');
  results.mainHeap = heap;
  const bcdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await bcdp.send('Target.getTargets');
  const workers = targetInfos.filter((t) => t.type === 'worker');
  results.workers = [];
  for (const w of workers) {
    const { sessionId } = await bcdp.send('Target.attachToTarget', { targetId: w.targetId, flatten: false });
    const reply = await new Promise((resolveReply) => {
      const onMessage = (e) => {
        if (e.sessionId !== sessionId) return;
        const m = JSON.parse(e.message);
        if (m.id === 1) {
          bcdp.off('Target.receivedMessageFromTarget', onMessage);
          resolveReply(m.result ?? null);
        }
      };
      bcdp.on('Target.receivedMessageFromTarget', onMessage);
      bcdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) }).catch(() => resolveReply(null));
      setTimeout(() => resolveReply(null), 5000);
    });
    await bcdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    results.workers.push({ name: w.title || w.url.split('/').pop(), heap: reply });
  }
  log(`page JS heap ${fmtMB(heap.usedSize)} used (${fmtMB(heap.totalSize)} total, ArrayBuffers ${fmtMB(heap.backingStorageSize)})`);
  for (const w of results.workers) log(`worker ${w.name}: ${w.heap ? `JS heap ${fmtMB(w.heap.usedSize)} used, ArrayBuffers ${fmtMB(w.heap.backingStorageSize)}` : 'no heap figure'}`);

  // 5. Answers: clicks on empty map → nearest lists; then a fire station's rescue circle.
  await page.evaluate((hash) => (location.hash = hash), `map=14/${center[1].toFixed(5)}/${center[0].toFixed(5)}&view=duty`);
  await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  const answerStart = await page.evaluate(() => performance.now());
  // each answering step's start (page clock), so every long task can be told by the step it fell in
  const steps = [];
  const markStep = async (label) => steps.push({ label, at: await page.evaluate(() => performance.now()) });
  const spots = await page.evaluate((n) => {
    // screen points at least 40 px from every drawn icon and cluster, spread over the map
    const hook = window.__onemap;
    const taken = [...hook.drawnIcons().map((i) => i.lngLat), ...hook.drawnClusters().map((c) => c.lngLat)].map((ll) => hook.project(ll));
    const rect = document.querySelector('[data-testid=map]').getBoundingClientRect();
    const out = [];
    for (let gy = 0.2; gy <= 0.8 && out.length < n; gy += 0.07) {
      for (let gx = 0.15; gx <= 0.6 && out.length < n; gx += 0.05) {
        const x = rect.width * gx, y = rect.height * gy;
        if (taken.every(([tx, ty]) => Math.hypot(tx - x, ty - y) > 40) && out.every(([ox, oy]) => Math.hypot(ox - x, oy - y) > 80)) out.push([rect.left + x, rect.top + y]);
      }
    }
    return out;
  }, Number(opt.incidents));
  results.nearest = [];
  for (const [spotIndex, [x, y]] of spots.entries()) {
    const profiling = opt.profile && spotIndex === 1;
    if (profiling) {
      await cdp.send('Profiler.start');
    }
    await page.evaluate(() => {
      window.__answer = { clickAt: null, straightAt: null, travelAt: null };
      document.addEventListener('pointerdown', () => (window.__answer.clickAt = performance.now()), { capture: true, once: true });
      const kinds = ['rescue_team', 'fire_station', 'depot', 'shelter'];
      const seen = () => {
        const a = window.__answer;
        if (a.clickAt === null) return;
        const lists = kinds.map((k) => document.querySelector(`[data-testid=duty-list-${k}]`));
        const rows = lists.every((l) => l && l.querySelector('.duty-row'));
        if (a.straightAt === null && rows) a.straightAt = performance.now();
        if (a.travelAt === null && rows && lists.every((l) => l.getAttribute('data-mode') === 'travel')) a.travelAt = performance.now();
      };
      window.__answerObserver?.disconnect();
      window.__answerObserver = new MutationObserver(seen);
      window.__answerObserver.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-mode'] });
    });
    const hashBefore = await page.evaluate(() => location.hash);
    await markStep(`click at (${x.toFixed(0)}, ${y.toFixed(0)})`);
    await page.mouse.click(x, y);
    const placed = await page.waitForFunction((h) => location.hash !== h && /(^|&)inc=/.test(location.hash.slice(1)), hashBefore, { timeout: 5_000 }).then(() => true, () => false);
    if (!placed) {
      log(`a click at screen (${x.toFixed(0)}, ${y.toFixed(0)}) placed no incident (it hit something drawn): skipped`);
      continue;
    }
    const a = await page.waitForFunction(() => (window.__answer.travelAt !== null ? window.__answer : false), null, { timeout: 60_000, polling: 20 }).then((h) => h.jsonValue());
    const firstRows = await page.evaluate(() => Object.fromEntries(['rescue_team', 'fire_station', 'depot', 'shelter'].map((k) => [k, document.querySelector(`[data-testid=duty-list-${k}] .duty-row`)?.getAttribute('data-testid')?.replace('duty-row-', '') ?? null])));
    if (profiling) printTopSelf((await cdp.send('Profiler.stop')).profile, 'while answering one incident', opt.profile);
    const during = await page.evaluate(([from, to]) => window.__longTasks.filter((t) => t.start + t.ms >= from && t.start <= to).map((t) => `${Math.round(t.start - from)}+${t.ms}`), [a.clickAt, a.travelAt]);
    // the parts: the compute client's User Timing measures (posted → answer received, with the
    // posting and the worker's own time), against the click and the lists in the DOM
    const parts = await page.evaluate(([from, to]) => performance.getEntriesByType('measure')
      .filter((e) => e.name.startsWith('onemap:compute ') && e.startTime >= from && e.startTime <= to)
      .map((e) => ({ name: e.name.slice('onemap:compute '.length), postedMs: e.startTime - from, receivedMs: e.startTime + e.duration - from, postMs: e.detail?.postMs ?? null, workerMs: e.detail?.workerMs ?? null })), [a.clickAt, a.travelAt]);
    const travelPart = parts.filter((q) => q.name === 'nearest').at(-1) ?? null;
    const row = { straightMs: a.straightAt - a.clickAt, travelMs: a.travelAt - a.clickAt, firstRows, longTasks: during, parts, travelPart };
    results.nearest.push(row);
    log(`incident at screen (${x.toFixed(0)}, ${y.toFixed(0)}): straight-line lists ${fmtMs(row.straightMs)}, travel-time lists (4 kinds, k=5, routes) ${fmtMs(row.travelMs)}; first fire station ${firstRows.fire_station}; long tasks meanwhile (ms after the click + length): ${during.join(', ') || 'none'}`);
    if (travelPart) log(`  its parts: click → request posted ${fmtMs(travelPart.postedMs)} (the page handling the click), posting ${travelPart.postMs?.toFixed(1)} ms, in the worker ${fmtMs(travelPart.workerMs)}, answer received at ${fmtMs(travelPart.receivedMs)} (so waiting and transfer ${fmtMs(travelPart.receivedMs - travelPart.postedMs - (travelPart.workerMs ?? 0))}), lists in the DOM ${fmtMs(row.travelMs - travelPart.receivedMs)} later (rendering)`);
  }

  // the nearest fire station of the last incident: its rescue circle
  const stationId = results.nearest.at(-1)?.firstRows.fire_station;
  if (stationId) {
    await markStep(`${stationId} selected (detail panel)`);
    await page.evaluate((id) => (location.hash = `${location.hash.slice(1)}&sel=${id}`), stationId);
    await page.getByTestId('rescue-circle-toggle').waitFor({ timeout: 10_000 });
    await page.evaluate(() => {
      window.__circle = { clickAt: null, drawnAt: null };
      document.addEventListener('pointerdown', () => (window.__circle.clickAt = performance.now()), { capture: true, once: true });
      const poll = () => {
        if ((window.__onemap.drawnBandCount?.() ?? 0) > 0 && window.__circle.clickAt !== null) window.__circle.drawnAt = performance.now();
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    await markStep('rescue circle toggled');
    await page.getByTestId('rescue-circle-toggle').click();
    const c = await page.waitForFunction(() => (window.__circle.drawnAt !== null ? window.__circle : false), null, { timeout: 60_000, polling: 20 }).then((h) => h.jsonValue());
    results.circleMs = c.drawnAt - c.clickAt;
    log(`rescue circle of ${stationId}: 5/10/15-min bands computed in the worker and handed to the map in ${fmtMs(results.circleMs)}`);
    await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: 60_000 }).catch(() => undefined);
  }
  if (opt.trace) {
    await browser.stopTracing();
    log(`trace of the whole run → ${opt.trace}`);
  }
  if (opt.screenshot) await page.screenshot({ path: opt.screenshot });
  const all = await page.evaluate(() => window.__longTasks.slice());
  results.answerLongTasks = all.filter((t) => t.start >= answerStart);
  results.answerSteps = steps;
  const stepOf = (t) => steps.filter((s) => s.at <= t.start).at(-1)?.label ?? 'before the first click';
  for (const t of results.answerLongTasks.filter((t) => t.ms > 200)) log(`long task while answering: ${t.ms} ms, in the step: ${stepOf(t)}`);
  const frames = await page.evaluate(() => window.__longFrames.slice());
  results.loadFrames = frames.filter((f) => f.start < answerStart);
  results.answerFrames = frames.filter((f) => f.start >= answerStart);
  results.offOrigin = offOrigin;
  results.pageErrors = pageErrors;
} finally {
  await stopAll();
}

// 6. Report.
const worstLoad = Math.max(0, ...results.loadLongTasks.map((t) => t.ms));
const worstAnswer = Math.max(0, ...results.answerLongTasks.map((t) => t.ms));
const nearestMedian = median(results.nearest.map((r) => r.travelMs));
const nearestWorst = Math.max(...results.nearest.map((r) => r.travelMs));
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const over = (ts) => ts.filter((t) => t.ms > 200).map((t) => t.ms).sort((a, b) => b - a);
// every long animation frame over 200 ms: its length, its scripts' share and the longest scripts in it
for (const [label, fs] of [['loading', results.loadFrames], ['answering', results.answerFrames]]) {
  const long = fs.filter((f) => f.ms > 200);
  if (long.length === 0) continue;
  console.log(`\nlong animation frames over 200 ms while ${label} (start ms: length, scripts' share; longest scripts: ms invoker → function @ file:char):`);
  for (const f of long) {
    console.log(`  ${String(f.start).padStart(6)}: ${f.ms} ms, scripts ${f.scriptMs} ms, before rendering ${f.beforeRenderMs ?? '—'} ms, style and layout ${f.styleLayoutMs ?? '—'} ms`);
    for (const x of f.scripts) console.log(`          ${String(x.ms).padStart(4)} ms  ${x.invoker} → ${x.fn || '(anon)'} @ ${x.at}${x.layoutMs ? ` (forced layout ${x.layoutMs} ms)` : ''}`);
  }
}
if (opt.trace) {
  const { tasks } = longTasksFromTrace(opt.trace, 200);
  const sum = (f) => tasks.reduce((a, t) => a + f(t), 0);
  console.log(`\nlong tasks over 200 ms in the trace (ms from the trace's start: length = blocked on the GPU process + GC + the rest):`);
  for (const t of tasks) {
    const why = Object.entries(t.waits).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
    console.log(`  ${t.startMs.toFixed(0).padStart(7)}: ${t.ms.toFixed(0)} = ${t.gpuWaitMs.toFixed(0)} GPU wait${why ? ` (${why})` : ''} + ${t.gcMs.toFixed(0)} GC + ${t.otherMs.toFixed(0)} other`);
  }
  results.traceLongTasks = { count: tasks.length, ms: sum((t) => t.ms), gpuWaitMs: sum((t) => t.gpuWaitMs), gcMs: sum((t) => t.gcMs), overNetOfGpu: tasks.filter((t) => t.ms - t.gpuWaitMs > 200).map((t) => Math.round(t.ms - t.gpuWaitMs)) };
  const r = results.traceLongTasks;
  console.log(`  in all: ${r.count} tasks, ${r.ms.toFixed(0)} ms, of which ${r.gpuWaitMs.toFixed(0)} ms (${((100 * r.gpuWaitMs) / Math.max(1, r.ms)).toFixed(0)} %) blocked on the GPU process and ${r.gcMs.toFixed(0)} ms GC; over 200 ms without the GPU wait: ${r.overNetOfGpu.join(', ') || 'none'}`);
}
console.log('\n| measure | figure | goal | result |\n| --- | --- | --- | --- |');
console.log(`| time to ready (graph in worker, ${totalResources.toLocaleString('en')} resources loaded, clustered, drawn and joined) | ${fmtMs(results.readyMs)} | < 10 s | **${verdict(results.readyMs < 10_000)}** |`);
console.log(`| nearest lists by travel time after a click (4 kinds, k = 5, routes), ${results.nearest.length} incidents | median ${fmtMs(nearestMedian)}, worst ${fmtMs(nearestWorst)} (straight line: median ${fmtMs(median(results.nearest.map((r) => r.straightMs)))}) | < 300 ms | **${verdict(nearestWorst < 300)}** |`);
const withParts = results.nearest.filter((r) => r.travelPart);
if (withParts.length) {
  const med = (f) => fmtMs(median(withParts.map(f)));
  console.log(`| of which (medians): click → request posted / in the worker / waiting and transfer / answer → lists in the DOM | ${med((r) => r.travelPart.postedMs)} / ${med((r) => r.travelPart.workerMs ?? 0)} / ${med((r) => r.travelPart.receivedMs - r.travelPart.postedMs - (r.travelPart.workerMs ?? 0))} / ${med((r) => r.travelMs - r.travelPart.receivedMs)} | — | info |`);
}
console.log(`| rescue circle (5/10/15 min) of the nearest fire station, click → bands on the map | ${fmtMs(results.circleMs)} | — | info |`);
console.log(`| main-thread long tasks while loading | ${results.loadLongTasks.length} tasks > 50 ms, longest ${fmtMs(worstLoad)}; over 200 ms: ${over(results.loadLongTasks).join(', ') || 'none'} | none > 200 ms | **${verdict(worstLoad <= 200)}** |`);
console.log(`| main-thread long tasks while answering | ${results.answerLongTasks.length} tasks > 50 ms, longest ${fmtMs(worstAnswer)}; over 200 ms: ${over(results.answerLongTasks).join(', ') || 'none'} | none > 200 ms | **${verdict(worstAnswer <= 200)}** |`);
const worstScript = (fs) => Math.max(0, ...fs.map((f) => f.scriptMs));
console.log(`| of these, the scripts' share: longest script time in one long animation frame, loading / answering | ${fmtMs(worstScript(results.loadFrames))} / ${fmtMs(worstScript(results.answerFrames))} (the rest of those frames is rendering: software WebGL here) | — | info |`);
console.log(`| page JS heap after GC | ${fmtMB(results.mainHeap.usedSize)} (ArrayBuffers ${fmtMB(results.mainHeap.backingStorageSize)}) | — | info |`);
for (const w of results.workers) console.log(`| worker ${w.name} | ${w.heap ? `JS heap ${fmtMB(w.heap.usedSize)}, ArrayBuffers ${fmtMB(w.heap.backingStorageSize)}` : '—'} | — | info |`);
console.log(`| compute worker's own count: graph + segment index + search buffers | ${fmtMB(results.workerNetworkBytes)} (${(results.workerNetworkBytes / manifest.roads.edgeCount).toFixed(0)} bytes per edge) | — | info |`);
console.log(`\nmachine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${new Date().toISOString()}`);
if (results.offOrigin.length) console.log(`requests off the origin: ${results.offOrigin.join(', ')}`);
if (results.pageErrors.length) console.log(`page errors: ${results.pageErrors.slice(0, 5).join(' | ')}`);
mkdirSync(join(root, 'bench', 'output'), { recursive: true });
writeFileSync(join(root, 'bench', 'output', 'province-bench.json'), JSON.stringify({ when: new Date().toISOString(), loadavg: loadavg(), manifest: { edges: manifest.roads.edgeCount, resources: totalResources }, ...results }, null, 2));
process.exit(results.offOrigin.length || results.pageErrors.length ? 1 : 0);
