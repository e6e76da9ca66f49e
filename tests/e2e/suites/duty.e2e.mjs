// The duty officer's view (issue 6) on the production build: views in the hash, placing the
// incident, who gets there first, closures, dispatch sheet. Prints `E2E: N passed, M failed`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, createRunner, ensureDir, guardOrigin, launchBrowser, startPreview } from '../harness.mjs';
import { changedFraction, decodePng } from '../png.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = ensureDir(join(root, 'tests', 'output'));
const port = Number(process.env.E2E_PORT ?? 4188);
const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const shot = (name) => join(outDir, `duty-${name}.png`);

const RESOURCE_FILES = ['shelters', 'rescue-teams', 'fire-stations', 'depots', 'cameras'];
const allResources = RESOURCE_FILES.flatMap((f) => readJson(`data/taishun/resources/${f}.geojson`).features);

function metersBetween([lng1, lat1], [lng2, lat2]) {
  const r = 6371008.8, rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

/**
 * A point on a road (so it is on the network) far from every resource (so a click there hits
 * empty map), nearest the county seat's fire station: a realistic incident near town.
 */
function emptyRoadPoint(minClearMeters = 700) {
  const seat = readJson('data/taishun/resources/fire-stations.geojson').features[0].geometry.coordinates;
  const roads = readJson('data/taishun/roads.geojson').features;
  let best = null;
  for (const f of roads) {
    if (!['primary', 'secondary', 'trunk'].includes(f.properties.highway)) continue;
    for (const c of f.geometry.coordinates) {
      const d = metersBetween(c, seat);
      if (d < 2500 || (best && d >= best.d)) continue;
      if (allResources.every((r) => metersBetween(r.geometry.coordinates, c) >= minClearMeters)) best = { d, lngLat: c };
    }
  }
  if (!best) throw new Error('no empty road point found');
  return best.lngLat;
}

async function mapShot(page, file) {
  return decodePng(await page.locator('[data-testid=map]').screenshot({ path: file }));
}

async function waitForStableMap(page, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: timeoutMs });
  let prev = await mapShot(page);
  while (Date.now() < deadline) {
    await page.waitForTimeout(350);
    const next = await mapShot(page);
    if (changedFraction(prev, next, 8) < 0.0005) return next;
    prev = next;
  }
  throw new Error('map did not settle');
}

async function waitForData(page) {
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=count-rescue_team]')?.getAttribute('data-total')) > 0, null, { timeout: 30_000 });
}

/** Screen position (page coordinates) of a [lng, lat]. */
async function screenOf(page, lngLat) {
  const [x, y] = await page.evaluate((ll) => window.__onemap.project(ll), lngLat);
  const box = await page.getByTestId('map').boundingBox();
  return [box.x + x, box.y + y];
}

const incidentParam = (url) => new URLSearchParams(new URL(url).hash.slice(1)).get('inc');

if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.log('  ✗ no production build: run `npm run build` first');
  console.log('E2E: 0 passed, 1 failed');
  process.exit(1);
}

const { check, results } = createRunner();
const started = Date.now();
const server = await startPreview(root, port);
const offOrigin = [];
const pageErrors = [];
let close = async () => {};
try {
  const launched = await launchBrowser();
  close = launched.close;
  const context = await launched.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await guardOrigin(context, server.base, offOrigin);
  // Long tasks (> 50 ms by definition) are recorded from the first script on; we report those > 200 ms.
  await context.addInitScript(() => {
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
      }).observe({ type: 'longtask', buffered: true });
    } catch { /* no longtask support */ }
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
  const app = `${server.base}/?e2e`;
  const incidentAt = emptyRoadPoint();

  await check('the duty view is the default and lives in the hash (#view=duty); an unknown view falls back to it', async () => {
    await page.goto(`${app}#view=nonsense&inc=1,2`);
    await waitForData(page);
    await page.getByTestId('view-duty').waitFor();
    await page.waitForFunction(() => location.hash.includes('view=duty'));
    assert(!page.url().includes('inc='), `an unknown view's params were kept: ${page.url()}`);
  });

  /** Long tasks recorded since `since` (ms on the page clock), over 200 ms. */
  const longTasksOver200 = async (since) => (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= since && t.ms > 200);
  let stepsStart = 0;

  await check(`a click on empty map places the incident and the hash gets inc= (${incidentAt.join(',')})`, async () => {
    await page.goto(`${app}#map=14/${incidentAt[1]}/${incidentAt[0]}&view=duty`);
    await waitForData(page);
    await waitForStableMap(page);
    stepsStart = await page.evaluate(() => performance.now());
    const [x, y] = await screenOf(page, incidentAt);
    await page.mouse.click(x, y);
    await page.getByTestId('marker-incident').waitFor({ timeout: 5000 });
    await page.waitForFunction(() => /(^|&)inc=/.test(location.hash.slice(1)));
    const inc = incidentParam(page.url()).split(',').map(Number);
    assert(metersBetween(inc, incidentAt) < 20, `incident ${inc} is not where we clicked ${incidentAt}`);
    assert(/^\d+\.\d{6},\d+\.\d{6}$/.test(incidentParam(page.url())), `inc= not 6 decimals: ${incidentParam(page.url())}`);
    assert((await page.getByTestId('detail-panel').count()) === 0, 'a click on empty map opened a detail panel');
    await waitForStableMap(page);
    await page.screenshot({ path: shot('01-incident') });
  });

  await check('right-click moves the incident; dragging the marker moves it again', async () => {
    const before = incidentParam(page.url());
    const [x, y] = await screenOf(page, incidentAt);
    await page.mouse.click(x + 80, y + 40, { button: 'right' });
    await page.waitForFunction((b) => new URLSearchParams(location.hash.slice(1)).get('inc') !== b, before);
    const afterRight = incidentParam(page.url());
    const marker = await page.getByTestId('marker-incident').boundingBox();
    const mx = marker.x + marker.width / 2, my = marker.y + marker.height - 4;
    await page.mouse.move(mx, my);
    await page.mouse.down();
    await page.mouse.move(mx - 30, my - 20, { steps: 6 });
    await page.mouse.move(mx - 60, my - 40, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction((b) => new URLSearchParams(location.hash.slice(1)).get('inc') !== b, afterRight);
  });

  await check('a #view=duty&inc=… link in a fresh page opens on that incident', async () => {
    const fresh = await context.newPage();
    fresh.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    await fresh.goto(`${app}#map=14/${incidentAt[1]}/${incidentAt[0]}&view=duty&inc=${incidentAt[0].toFixed(6)},${incidentAt[1].toFixed(6)}`);
    await fresh.getByTestId('marker-incident').waitFor({ timeout: 15_000 });
    const text = await fresh.getByTestId('duty-incident').textContent();
    assert(text.includes(incidentAt[0].toFixed(6)), `panel shows ${text}`);
    await fresh.close();
  });

  await check('no long task over 200 ms during these steps (PerformanceObserver longtask)', async () => {
    const all = await page.evaluate(() => window.__longTasks);
    const over = await longTasksOver200(stepsStart);
    console.log(`      long tasks since the first click: ${all.filter((t) => t.start >= stepsStart).map((t) => `${t.ms} ms`).join(', ') || 'none'}; over 200 ms: ${over.length}`);
    assert(over.length === 0, `long tasks over 200 ms: ${JSON.stringify(over)}`);
  });

  await check('no request left the origin', async () => {
    assert(offOrigin.length === 0, `off-origin requests:\n${[...new Set(offOrigin)].join('\n')}`);
  });

  await check('no page errors or console errors', async () => {
    assert(pageErrors.length === 0, pageErrors.slice(0, 5).join('\n'));
  });
} catch (err) {
  results.push({ name: 'harness', ok: false, err });
  console.log(`  ✗ harness: ${err?.stack ?? err}`);
} finally {
  await close();
  server.stop();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
writeFileSync(join(outDir, 'e2e-summary-duty.json'), JSON.stringify({ passed, failed, seconds: (Date.now() - started) / 1000, results: results.map((r) => ({ name: r.name, ok: r.ok, error: r.ok ? undefined : String(r.err) })) }, null, 2));
console.log(`E2E: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
