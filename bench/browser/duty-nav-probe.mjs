// Where a map navigation's long tasks go in the duty view (issue 6): opens the production build
// with an incident and its first team's route picked at zoom 14, then traces (CDP Tracing) the
// duty suite's two navigations — the jump to zoom 15 onto the route and the fly-to of a search
// hit — and prints every main-thread task over 50 ms with its largest parts (MapLibre's render,
// deck.gl's, the compositor's commit / readback, scripts by function from the CPU profile); between
// them it opens the print view (its map image) and traces that too.
//   npm run build && E2E_PORT=4610 node bench/browser/duty-nav-probe.mjs [runs]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';
import { ensureDir, guardOrigin, launchBrowser, recordLongTasks, requireBuild, startPreview } from '../../tests/e2e/harness.mjs';
import { demoResources, emptyRoadPoint, metersBetween, routeThird, setMapInHash } from '../../tests/e2e/duty-incident.mjs';
import { changedFraction, decodePng } from '../../tests/e2e/png.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = ensureDir(join(root, 'tests', 'output'));
const port = Number(process.env.E2E_PORT ?? 4610);
const runs = Number(process.argv[2] ?? 1);
const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const allResources = demoResources(root);

async function mapShot(page) {
  return decodePng(await page.locator('[data-testid=map]').screenshot());
}
async function waitForStableMap(page) {
  await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: 30_000 });
  let prev = await mapShot(page);
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(350);
    const next = await mapShot(page);
    if (changedFraction(prev, next, 8) < 0.0005) return;
    prev = next;
  }
}

/** Main-thread tasks over 50 ms in a trace, each with its largest descendants by name. */
function longTasksOfTrace(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const runs = onMain.filter((e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.dur > 50_000);
  // the outermost only (a RunTask nests another)
  const tasks = runs.filter((t) => !runs.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur >= t.ts + t.dur && o.dur > t.dur));
  return tasks.map((t) => {
    const inner = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 3_000);
    const byName = new Map();
    for (const e of inner) {
      const key = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${e.args?.data?.functionName ?? ''} ${String(e.args?.data?.url ?? '').split('/').pop()}:${e.args?.data?.lineNumber ?? ''}` : e.name;
      byName.set(key, Math.max(byName.get(key) ?? 0, e.dur));
    }
    const parts = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 9).map(([k, d]) => `${(d / 1000).toFixed(0)} ms ${k}`);
    return { ms: Math.round(t.dur / 1000), ts: t.ts, parts };
  });
}

/** Self time per function over the CPU profile's samples between two timestamps (µs, profile clock). */
function selfTimes(profile, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${(us / 1000).toFixed(0)} ms ${k}`);
}

/** CPU seconds so far of the browser's processes by type (CDP SystemInfo.getProcessInfo): GPU process, renderers. */
async function processCpu(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const byType = {};
  for (const p of processInfo) byType[p.type] = (byType[p.type] ?? 0) + p.cpuTime;
  return byType;
}

let browserCdp = null;

async function traced(page, cdp, name, fn) {
  const cpu0 = await processCpu(browserCdp);
  const frames0 = await page.evaluate(() => window.__onemap.frameCounts());
  const t0 = await page.evaluate(() => performance.now());
  const events = [];
  const onData = (d) => events.push(...d.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['gpu.angle', 'disabled-by-default-gpu.angle', 'gpu.service', 'disabled-by-default-gpu.service', 'gpu.decoder', 'disabled-by-default-gpu.decoder', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink', 'cc', 'gpu', 'v8.execute', 'disabled-by-default-devtools.timeline.frame'] },
  });
  await fn();
  const cpu1 = await processCpu(browserCdp);
  const frames1 = await page.evaluate(() => window.__onemap.frameCounts());
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const { profile } = await cdp.send('Profiler.stop');
  cdp.off('Tracing.dataCollected', onData);
  const t1 = await page.evaluate(() => performance.now());
  const tasks = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= t0 && t.start < t1);
  const frames = (await page.evaluate(() => window.__longFrames)).filter((f) => f.start >= t0 && f.start < t1);
  console.log(`\n== ${name} (load ${execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ')})`);
  console.log(`   longtask entries: ${tasks.map((t) => t.ms).join(', ') || 'none'}`);
  console.log(`   frames drawn: basemap (MapLibre) ${frames1.basemap - frames0.basemap}, overlay (deck.gl) ${frames1.overlay - frames0.overlay}`);
  console.log(`   CPU during the step (ms): ${Object.keys(cpu1).map((k) => `${k} ${Math.round(((cpu1[k] ?? 0) - (cpu0[k] ?? 0)) * 1000)}`).join(', ')}`);
  console.log(`   summary: longest ${Math.max(0, ...tasks.map((t) => t.ms))} ms, over 200 ms ${tasks.filter((t) => t.ms > 200).length}, long-task time ${tasks.reduce((a, t) => a + t.ms, 0)} ms in ${tasks.length}`);
  for (const f of frames) console.log(`   LoAF ${f.ms} ms: script ${f.scriptMs}, render ${f.renderMs}, style+layout ${f.layoutMs} ${f.scripts.map((s) => `[${s.what} ${s.ms}]`).join(' ')}`);
  for (const t of longTasksOfTrace(events)) {
    console.log(`   trace task ${t.ms} ms:`);
    for (const p of t.parts) console.log(`      ${p}`);
  }
  console.log('   JS self time (whole window):');
  for (const s of selfTimes(profile)) console.log(`      ${s}`);
  writeFileSync(join(outDir, `duty-nav-trace-${name.replace(/\W+/g, '-')}.json`), JSON.stringify(events));
}

requireBuild(root);
const server = await startPreview(root, port);
const { browser, close } = await launchBrowser();
browserCdp = await browser.newBrowserCDPSession();
try {
  const incidentAt = emptyRoadPoint(root, allResources);
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await guardOrigin(context, server.base, []);
    await recordLongTasks(context);
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log(`console: ${m.text()}`));
    const inc = `${incidentAt[0].toFixed(6)},${incidentAt[1].toFixed(6)}`;
    await page.goto(`${server.base}/?e2e#map=14/${incidentAt[1]}/${incidentAt[0]}&view=duty&inc=${inc}`);
    await page.waitForFunction(() => {
      const ls = window.__onemap?.views?.duty?.lists?.();
      return ls && ls.length === 4 && ls.every((l) => l.mode === 'travel');
    }, null, { timeout: 60_000 });
    const team0 = (await page.evaluate(() => window.__onemap.views.duty.lists())).find((l) => l.kind === 'rescue_team').rows[0];
    await page.getByTestId(`duty-pick-${team0.id}`).click();
    await waitForStableMap(page);
    const cdp = await context.newCDPSession(page);
    const team1 = (await page.evaluate(() => window.__onemap.views.duty.lists())).find((l) => l.kind === 'rescue_team').rows[1];
    await traced(page, cdp, `hover a list row run ${run + 1}`, async () => {
      await page.getByTestId(`duty-row-${team1.id}`).hover();
      await page.waitForFunction(() => window.__onemap.drawnHighlights().some((h) => h.id === 'duty-hover'));
      await waitForStableMap(page);
    });
    await page.mouse.move(5, 400);
    await waitForStableMap(page);
    const { mid } = routeThird(team0.route);
    await traced(page, cdp, `zoom 14 to 15 run ${run + 1}`, async () => {
      await setMapInHash(page, mid, 15);
      await waitForStableMap(page);
    });
    await traced(page, cdp, `print view run ${run + 1}`, async () => {
      await page.getByTestId('dispatch-print').click();
      await page.getByTestId('print-map-image').waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => document.querySelector('[data-testid=print-map-image]')?.complete === true);
      await page.waitForTimeout(500);
    });
    await page.getByTestId('print-close').click();
    await waitForStableMap(page);
    // the duty suite's search hit, then a second one elsewhere: is the first move's cost the new place or a first draw?
    const stations = readJson('data/taishun/resources/fire-stations.geojson').features.filter((f) => f.properties.status === 'active');
    for (const [i, station] of [stations[1], stations[stations.length - 1]].entries()) {
      await page.getByTestId('search-input').fill(station.properties.id);
      await page.getByTestId(`search-result-${station.properties.id}`).waitFor();
      await traced(page, cdp, `search fly-to ${i === 0 ? '' : '(a second hit) '}run ${run + 1}`, async () => {
        await page.getByTestId(`search-result-${station.properties.id}`).click();
        await page.getByTestId('make-incident').waitFor();
        await waitForStableMap(page);
      });
    }
    await context.close();
  }
} finally {
  await close();
  server.stop();
}
