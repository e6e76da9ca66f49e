// Live sources and faults against a real server: PostgreSQL 15 + PostGIS 3 and MapServer 8 (OGC API
// – Features) behind lighttpd on loopback, a fault proxy in front, the production build pointed at
// it through dist/sources.json (restored at the end). Needs Debian's postgresql-15-postgis-3,
// cgi-mapserver and lighttpd (.ci/run installs them). Prints `E2E: N passed, M failed`.
import { createServer as createNetServer } from 'node:net';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, createRunner, ensureDir, launchBrowser, startPreview } from '../harness.mjs';
import { startFaultProxy } from '../live/fault-proxy.mjs';
import { missingPackages, psql, startOgcServer, startOgcStack, stopOgcServer, stopOgcStack } from '../live/ogc-stack.mjs';
import { changedFraction, decodePng } from '../png.mjs';
import { mapShot as mapPixels, waitForStableMap } from '../map-shots.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = ensureDir(join(root, 'tests', 'output'));
const port = Number(process.env.E2E_PORT ?? 4370);
// Fixed ports when given (LIVE_PG_PORT, LIVE_OGC_PORT, LIVE_PROXY_PORT); else free loopback ports,
// so several runs of the whole e2e on one machine never collide.
async function freePort() {
  const server = createNetServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return free;
}
const PG_PORT = Number(process.env.LIVE_PG_PORT ?? (await freePort()));
const OGC_PORT = Number(process.env.LIVE_OGC_PORT ?? (await freePort()));
const PROXY_PORT = Number(process.env.LIVE_PROXY_PORT ?? (await freePort()));
const POLL_SECONDS = 5;
const STALE_AFTER_SECONDS = 15;

const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const shelters = readJson('data/taishun/resources/shelters.geojson').features;
const fireStations = readJson('data/taishun/resources/fire-stations.geojson').features;
const { check, results } = createRunner();
const log = (m) => console.log(`    · ${m}`);

const missing = missingPackages();
if (missing.length > 0) {
  console.log(`  ✗ the real OGC server needs Debian packages: apt-get install -y ${missing.join(' ')} (.ci/run installs them)`);
  console.log('E2E: 0 passed, 1 failed');
  process.exit(1);
}

const sourcesPath = join(root, 'dist', 'sources.json');
const sourcesBackup = `${sourcesPath}.live-e2e-backup`;
let stack = null;
let proxy = null;
let preview = null;
let browser = null;
const started = Date.now();

async function cleanUp() {
  await browser?.close().catch(() => {});
  preview?.stop();
  await proxy?.close().catch(() => {});
  await stopOgcStack(stack).catch((e) => console.log(`    · stopping the OGC stack: ${e.message}`));
  if (existsSync(sourcesBackup)) {
    copyFileSync(sourcesBackup, sourcesPath);
    rmSync(sourcesBackup);
  }
}

try {
  proxy = await startFaultProxy({ port: PROXY_PORT, target: `http://127.0.0.1:${OGC_PORT}` });
  stack = await startOgcStack({ pgPort: PG_PORT, ogcPort: OGC_PORT, publicBase: proxy.url, shelters, log });
  const collectionUrl = `${proxy.url}/cgi-bin/mapserv/onemap/ogcapi/collections/shelters`;
  if (existsSync(sourcesPath)) copyFileSync(sourcesPath, sourcesBackup);
  writeFileSync(
    sourcesPath,
    JSON.stringify({
      layers: {
        shelter: {
          type: 'ogc-api-features',
          url: collectionUrl,
          pollSeconds: POLL_SECONDS,
          staleAfterSeconds: STALE_AFTER_SECONDS,
          limit: 50,
          properties: { updatedAt: 'updated_at', nameEn: 'name_en', typhoonSafe: 'typhoon_safe' },
        },
      },
    }),
  );
  preview = await startPreview(root, port);
  ({ browser } = await launchBrowser());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const appOrigin = preview.base;
  const offOrigin = [];
  const allowed = new Set([appOrigin, proxy.url]);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || allowed.has(new URL(url).origin)) return route.continue();
    offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A failing source is expected to log its own failed requests; anything else is a bug.
    if (m.type() === 'error' && !/Failed to load resource|net::ERR_/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  context.on('page', (p) => {
    if (p === page) return;
    p.on('console', (m) => {
      // expected noise of the faults provoked on purpose: lost contexts, blocked chunk, cut-off file
      if (m.type() === 'error' && !/Failed to load resource|net::ERR_|WebGL|context lost|CONTEXT_LOST|dynamically imported module|webgl-/i.test(m.text())) errors.push(`console (faults page): ${m.text()}`);
    });
  });

  const live = page.getByTestId('live-shelter');
  const count = page.getByTestId('count-shelter');
  const state = () => live.getAttribute('data-state');
  const total = async () => Number(await count.getAttribute('data-total'));
  async function waitFor(pred, what, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      last = await pred().catch((e) => `error: ${e.message}`);
      if (last === true) return;
      await page.waitForTimeout(200);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)}; live note: ${await live.innerText().catch(() => '?')})`);
  }
  const waitState = (s, timeoutMs) => waitFor(async () => (await state()) === s || (await state()), `live state ${s}`, timeoutMs);
  async function panelShot(file) {
    await page.getByTestId('layer-panel').screenshot({ path: join(outDir, file) });
  }

  await page.goto(`${appOrigin}/`);

  await check(`the shelter layer loads from the OGC server (PostGIS → MapServer) with the right count (${shelters.length})`, async () => {
    await waitFor(async () => (await total()) === shelters.length || (await total()), `${shelters.length} shelters`);
    await waitState('ok');
    const asOf = await live.innerText();
    assert(/截至|as of/.test(asOf), `no "as of" in ${asOf}`);
    const pages = proxy.log.filter((r) => r.url.includes('/items'));
    assert(pages.some((r) => r.url.includes('offset=50') && r.url.includes('bbox=')), `no offset paging with bbox: ${pages.map((p) => p.url).join(' ')}`);
    // kinds not named in sources.json keep their embedded data
    assert(Number(await page.getByTestId('count-fire_station').getAttribute('data-total')) === fireStations.length, 'fire stations lost');
    await panelShot('live-01-ok.png');
  });

  await check('a row updated in PostGIS (occupancy, open) shows after the next poll', async () => {
    const target = shelters.find((f) => !f.properties.open && f.properties.capacity >= 200) ?? shelters[0];
    const id = target.properties.id;
    const occupancy = Math.min(target.properties.capacity, 123);
    await page.evaluate((sel) => (window.location.hash = `#sel=${sel}`), id);
    await page.getByTestId('detail-occupancy').waitFor();
    assert((await page.getByTestId('detail-occupancy').innerText()).trim() === String(target.properties.occupancy), 'occupancy before update');
    psql(stack, `UPDATE shelters SET occupancy = ${occupancy}, open = true, updated_at = now() WHERE id = '${id}';`);
    const t0 = Date.now();
    await waitFor(async () => (await page.getByTestId('detail-occupancy').innerText()).trim() === String(occupancy), `occupancy ${occupancy}`, (POLL_SECONDS + 10) * 1000);
    const openText = (await page.getByTestId('detail-open').innerText()).trim();
    assert(/是|yes/i.test(openText), `open not shown as yes: ${openText}`);
    log(`update seen after ${((Date.now() - t0) / 1000).toFixed(1)} s (poll ${POLL_SECONDS} s)`);
    await page.getByRole('button', { name: /关闭|close/i }).first().click().catch(() => {});
  });

  await check('server stopped → the layer keeps its last good data, says since when, and turns stale', async () => {
    await stopOgcServer(stack);
    const stoppedAt = Date.now();
    await waitState('failed', (POLL_SECONDS + 10) * 1000);
    assert((await total()) === shelters.length, `lost data: ${await total()}`);
    const text = await live.innerText();
    assert(text.includes(collectionUrl) && /HTTP 502|无法连接/.test(text), `failure not stated with the source: ${text}`);
    assert(/自 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC\+8\) 起无法更新/.test(text), `no "since when": ${text}`);
    await panelShot('live-02-failed.png');
    await waitState('stale', (STALE_AFTER_SECONDS + 10) * 1000);
    assert((await total()) === shelters.length, 'lost data when stale');
    log(`stale after ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s without the server`);
    await panelShot('live-03-stale.png');
    await page.screenshot({ path: join(outDir, 'live-03-stale-page.png') });
  });

  await check('a reload while the server is down still shows the last good data (IndexedDB), with the failure', async () => {
    await page.reload();
    await waitFor(async () => (await total()) === shelters.length || (await total()), 'shelters from the store');
    await waitFor(async () => (await live.getAttribute('data-from-store')) === 'true', 'from-store flag');
    await waitFor(async () => ['failed', 'stale'].includes(await state()), 'failure after reload');
    await panelShot('live-04-reload-down.png');
  });

  await check('restarted → the layer recovers by itself', async () => {
    await startOgcServer(stack);
    const t0 = Date.now();
    await waitState('ok', 60_000);
    assert((await live.getAttribute('data-from-store')) === 'false', 'still from the store');
    assert((await total()) === shelters.length, 'count after recovery');
    log(`recovered ${((Date.now() - t0) / 1000).toFixed(1)} s after the restart (with backoff)`);
  });

  for (const fault of ['500', '503', 'html', 'truncated'])
    await check(`a ${fault} answer from the proxy never loses the good data, is stated, and passes`, async () => {
      await waitState('ok');
      proxy.inject(fault, 1);
      await waitFor(async () => proxy.pendingFaults() === 0, 'fault consumed', (POLL_SECONDS + 10) * 1000);
      await waitState('failed', 10_000);
      const text = await live.innerText();
      const shown = { 500: /服务器返回 HTTP 500/, 503: /服务器返回 HTTP 503/, html: /返回了网页（HTML）/, truncated: /JSON 不完整或有误/ }[fault];
      assert(shown.test(text) && text.includes(collectionUrl), `failure not stated in plain words with the source: ${text}`);
      const logged = { 500: /HTTP 500/, 503: /HTTP 503/, html: /HTML/, truncated: /cut off|malformed/ }[fault];
      assert(logged.test(await live.getAttribute('data-failure')), 'data-failure');
      assert((await total()) === shelters.length, `lost data: ${await total()}`);
      await waitState('ok', 30_000);
      assert((await total()) === shelters.length, 'count after recovery');
    });

  await check('a slow answer (8 s) keeps the good data and the layer stays usable', async () => {
    await waitState('ok');
    proxy.inject('delay', 1, 8000);
    await waitFor(async () => proxy.pendingFaults() === 0, 'delay consumed', (POLL_SECONDS + 10) * 1000);
    for (let i = 0; i < 10; i++) {
      assert((await total()) === shelters.length, 'lost data while slow');
      await page.waitForTimeout(500);
    }
    await waitState('ok', 30_000);
  });

  // ── Faults of the browser itself: GPU, worker, network, chunks, basemap files (a page with the test hook).
  const f = await context.newPage();
  f.on('pageerror', (e) => errors.push(`pageerror (faults page): ${e.message}`));
  const mapShot = (file) => mapPixels(f, file ? join(outDir, file) : undefined);
  const stableMap = () => waitForStableMap(f, { intervalMs: 400 });
  const station = (i) => fireStations[i];
  /** Pixels in the kind registry's colours or the mixed-cluster grey: icons and clusters drawn by deck.gl. */
  function iconPixels(img) {
    const colors = [[22, 150, 92], [230, 120, 20], [214, 40, 40], [120, 70, 180], [30, 110, 200], [52, 58, 74]];
    let n = 0;
    for (let i = 0; i < img.rgba.length; i += 4)
      if (colors.some((c) => Math.abs(img.rgba[i] - c[0]) < 20 && Math.abs(img.rgba[i + 1] - c[1]) < 20 && Math.abs(img.rgba[i + 2] - c[2]) < 20)) n++;
    return n;
  }
  async function rescueCircle(i) {
    const s = station(i);
    const [lng, lat] = s.geometry.coordinates;
    await f.evaluate(({ id, lng, lat }) => (window.location.hash = `#map=11/${lat}/${lng}&sel=${id}`), { id: s.properties.id, lng, lat });
    await f.getByTestId('detail-panel').waitFor({ timeout: 15_000 });
    await f.getByTestId('rescue-circle-toggle').click();
  }
  async function circleDrawn(timeoutMs = 30_000) {
    await f.getByTestId('rescue-circle-legend').waitFor({ timeout: timeoutMs });
    await f.waitForFunction(() => window.__onemap.drawnBandCount() === 3, null, { timeout: 10_000 });
  }

  await f.goto(`${appOrigin}/?e2e#map=10/27.55/119.75`);
  await f.waitForFunction(() => Number(document.querySelector('[data-testid=count-shelter]')?.getAttribute('data-total')) > 0, null, { timeout: 30_000 });

  await check('WebGL context loss and restore (WEBGL_lose_context) bring both canvases back with icons', async () => {
    const before = await stableMap();
    const lostCount = await f.evaluate(() => {
      const canvases = [...document.querySelectorAll('[data-testid=map] canvas')];
      window.__lostExts = canvases.map((c) => c.getContext('webgl2')?.getExtension('WEBGL_lose_context')).filter(Boolean);
      for (const e of window.__lostExts) e.loseContext();
      return window.__lostExts.length;
    });
    assert(lostCount === 2, `expected 2 WebGL canvases (MapLibre, deck.gl), found ${lostCount}`);
    await f.getByTestId('map-context-lost').waitFor({ timeout: 5000 });
    const during = await mapShot('live-05-context-lost.png');
    await f.waitForTimeout(800);
    await f.evaluate(() => {
      for (const e of window.__lostExts) {
        try {
          e.restoreContext();
        } catch {}
      }
    });
    await f.getByTestId('map-context-lost').waitFor({ state: 'hidden', timeout: 15_000 });
    const after = await stableMap();
    await mapShot('live-06-context-restored.png');
    const canvases = await f.locator('[data-testid=map] canvas').count();
    const lostDiff = changedFraction(before, during, 24);
    const backDiff = changedFraction(before, after, 24);
    log(`pixels changed: while lost ${(lostDiff * 100).toFixed(1)} %, after restore ${(backDiff * 100).toFixed(2)} %; canvases ${canvases}`);
    assert(canvases === 2, `canvases after restore: ${canvases}`);
    assert(lostDiff > 0.05, `the loss did not show (changed ${lostDiff})`);
    // Labels may be placed a little differently after MapLibre rebuilds its style; icons must all be back.
    assert(backDiff < Math.min(0.08, lostDiff / 4), `the map is not back as before (changed ${backDiff})`);
    const icons = [iconPixels(before), iconPixels(during), iconPixels(after)];
    log(`icon and cluster pixels: before ${icons[0]}, while lost ${icons[1]}, after ${icons[2]}`);
    // While lost only the panels' own icons (legend, layer toggles: DOM, not canvas) keep these colours.
    assert(icons[0] > 500 && icons[1] < icons[0] / 4, `the icons did not go with the lost contexts (${icons[1]} of ${icons[0]} icon pixels stayed)`);
    assert(icons[2] > icons[0] * 0.9, 'icons not back');
  });

  await check('the compute worker killed mid-request recovers and the next rescue circle draws', async () => {
    await rescueCircle(0);
    const killed = await f.evaluate(() => window.__onemap.killComputeWorker());
    assert(killed, 'no worker to kill');
    await circleDrawn();
    await rescueCircle(1);
    await circleDrawn();
    await f.screenshot({ path: join(outDir, 'live-07-worker-recovered.png') });
  });

  await check('offline (context.setOffline), a rescue circle still computes — even in a restarted worker', async () => {
    await context.setOffline(true);
    try {
      await f.evaluate(() => window.__onemap.killComputeWorker());
      await rescueCircle(2);
      await circleDrawn(30_000);
    } finally {
      await context.setOffline(false);
    }
  });
  await f.close();

  await check('a missing JS chunk shows a reload prompt, not a white page', async () => {
    // The build splits shared code into chunks the entry imports (modulepreload): one missing
    // (a redeploy replaced it) and the app cannot start at all; the boot guard says so.
    const chunks = readFileSync(join(root, 'dist', 'index.html'), 'utf8').match(/assets\/[\w-]+\.js/g).filter((c) => !/\/index-/.test(c));
    assert(chunks.length > 0, 'no chunk besides the entry to remove');
    const p = await context.newPage();
    await p.route((url) => url.pathname === `/${chunks[0]}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    await p.goto(`${appOrigin}/`);
    await p.getByTestId('boot-failed').waitFor({ timeout: 20_000 });
    assert(await p.getByTestId('boot-reload').isVisible(), 'no reload button');
    await p.screenshot({ path: join(outDir, 'live-08-chunk-missing.png') });
    log(`removed ${chunks[0]}`);
    await p.unrouteAll();
    await p.getByTestId('boot-reload').click();
    await p.getByTestId('layer-panel').waitFor({ timeout: 20_000 });
    await p.close();
  });

  await check('a lazily loaded chunk that is missing (the planner chart) shows the reload prompt, the app stays', async () => {
    const p = await context.newPage();
    await p.route(/\/assets\/TownshipChart-[^/]*\.js$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    await p.goto(`${appOrigin}/#view=planner`);
    await p.getByTestId('chunk-missing').waitFor({ timeout: 30_000 });
    assert(await p.getByTestId('fault-reload').isVisible(), 'no reload button');
    assert((await p.getByTestId('chunk-missing').count()) === 1, 'more than one prompt');
    // only the view's part is gone: the map, the layer panel and the view switcher stay
    await p.getByTestId('layer-panel').waitFor();
    await p.waitForFunction((want) => Number(document.querySelector('[data-testid=count-fire_station]')?.getAttribute('data-total')) === want, fireStations.length, { timeout: 20_000 })
      .catch(async () => { throw new Error(`layer panel lost: fire stations ${await p.getByTestId('count-fire_station').getAttribute('data-total')}`); });
    await p.screenshot({ path: join(outDir, 'live-08b-lazy-chunk-missing.png') });
    await p.close();
  });

  await check('one bad basemap file (villages, truncated) drops only its own layer and is named', async () => {
    const p = await context.newPage();
    await p.route(/\/assets\/villages-[^/]*\.geojson$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"type":"FeatureCollection","features":[{"type":"Fea' }));
    await p.goto(`${appOrigin}/`);
    const note = p.getByTestId('basemap-problems');
    await note.waitFor({ timeout: 20_000 });
    const text = await note.innerText();
    assert(/villages-.*\.geojson/.test(text), `the file is not named: ${text}`);
    // The resources load on their own (after the local store is read): wait for them, do not race them.
    await p.waitForFunction((want) => Number(document.querySelector('[data-testid=count-fire_station]')?.getAttribute('data-total')) === want, fireStations.length, { timeout: 20_000 })
      .catch(async () => { throw new Error(`resources lost: fire stations ${await p.getByTestId('count-fire_station').getAttribute('data-total')}`); });
    await p.waitForTimeout(1500);
    const shot = decodePng(await p.locator('[data-testid=map]').screenshot({ path: join(outDir, 'live-09-bad-basemap-file.png') }));
    const { distinctSampledColors } = await import('../png.mjs');
    assert(distinctSampledColors(shot) > 20, 'the basemap looks blank');
    await p.close();
  });

  await check('a wrong sources.json is shown naming file and field (all embedded); a layer whose rows are all invalid says so, not "0 / 0"', async () => {
    const p = await context.newPage();
    await p.route((url) => url.pathname === '/sources.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ layers: { shelter: { type: 'ogc-api-features', url: 'ftp://x.invalid/c', pollSeconds: 1 }, shelters: { type: 'geojson', url: 'https://x.invalid/a' } } }) }),
    );
    const bad = { type: 'Feature', properties: { id: 'DX1', name: 'x' }, geometry: { type: 'Point', coordinates: [119.7, 27.5] } };
    await p.route(/\/assets\/depots-[^/]*\.geojson$/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ type: 'FeatureCollection', features: [bad, { ...bad, properties: { id: 'DX2' } }, { ...bad, geometry: null }] }) }),
    );
    await p.goto(`${appOrigin}/`);
    const note = p.getByTestId('sources-errors');
    await note.waitFor({ timeout: 20_000 });
    const text = await note.innerText();
    assert(/sources\.json: layers\.shelter\.url/.test(text) && /pollSeconds/.test(text) && /shelters/.test(text), `errors not named: ${text}`);
    await p.waitForFunction(() => Number(document.querySelector('[data-testid=count-shelter]')?.getAttribute('data-total')) === 201, null, { timeout: 20_000 });
    assert((await p.getByTestId('live-shelter').count()) === 0, 'a rejected sources.json must not make the layer live');
    const depot = (await p.getByTestId('count-depot').innerText()).trim();
    assert(/全部 3 行无效/.test(depot), `depot count says: ${depot}`);
    await p.getByTestId('layer-panel').screenshot({ path: join(outDir, 'live-10-bad-config-invalid-rows.png') });
    await p.close();
  });

  await check('no request left the origin except to the configured source', async () => {
    assert(offOrigin.length === 0, offOrigin.join('\n'));
  });

  await check('no page errors or console errors', async () => {
    assert(errors.length === 0, errors.join('\n'));
  });
} catch (err) {
  results.push({ name: 'setup', ok: false, err });
  console.log(`  ✗ setup\n      ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n      ')}`);
} finally {
  await cleanUp();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`  (live suite ${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(`E2E: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
