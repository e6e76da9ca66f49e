// Browser tests of the duty view's cameras and of a map an officer can read (issue 6, items 5 and 8),
// against the production build (`npm run build` first). Prints `E2E: N passed, M failed`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, createRunner, ensureDir, guardOrigin, launchBrowser, startPreview } from '../harness.mjs';
import { decodePng } from '../png.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = ensureDir(join(root, 'tests', 'output'));
const port = Number(process.env.E2E_PORT ?? 4190);
const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const features = (stem) => readJson(`data/taishun/resources/${stem}.geojson`).features;

if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.log('  ✗ no production build: run `npm run build` first');
  console.log('E2E: 0 passed, 1 failed');
  process.exit(1);
}

/** Records long tasks (PerformanceObserver 'longtask') from the start of every page. */
const LONG_TASK_OBSERVER = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ startMs: Math.round(e.startTime), durationMs: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
};

async function waitForIdle(page, settleMs = 600) {
  await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true && typeof window.__onemap?.drawnIcons === 'function', null, { timeout: 30_000 });
  await page.waitForTimeout(settleMs);
  await page.waitForFunction(() => window.__onemap.isMapIdle() === true, null, { timeout: 30_000 });
}

/** Screen position (page pixels) of a map lngLat. */
async function toScreen(page, lngLat) {
  const box = await page.getByTestId('map').boundingBox();
  const [x, y] = await page.evaluate((p) => window.__onemap.project(p), lngLat);
  return [box.x + x, box.y + y];
}

const { check, results } = createRunner();
const started = Date.now();
const server = await startPreview(root, port);
const offOrigin = [];
const pageErrors = [];
let close = async () => {};
try {
  const launched = await launchBrowser();
  const browser = launched.browser;
  close = launched.close;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await guardOrigin(context, server.base, offOrigin);
  await context.addInitScript(LONG_TASK_OBSERVER);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
  const app = `${server.base}/?e2e`;

  // ── A map an officer can read ────────────────────────────────────────────────────────────────
  const seatIds = ['FS01', 'FS02', 'RT001', 'RT002', 'RT003', 'RT004', 'DP01', 'DP02'];
  const all = [...features('fire-stations'), ...features('rescue-teams'), ...features('depots')];
  const seat = seatIds.map((id) => all.find((f) => f.properties.id === id));

  await check('county seat: the mixed cluster opens, then every stacked fire station, team and depot can be picked one by one', async () => {
    const [lng, lat] = seat[0].geometry.coordinates;
    await page.goto(`${app}#map=13/${lat}/${lng}`);
    await waitForIdle(page);
    await page.screenshot({ path: join(outDir, 'cameras-01-seat-cluster.png') });
    // The resources of the seat are in a mixed cluster at zoom 13: click it until they are icons.
    for (let round = 0; round < 4; round++) {
      const icons = await page.evaluate(() => window.__onemap.drawnIcons());
      if (seatIds.every((id) => icons.some((i) => i.id === id))) break;
      const clusters = (await page.evaluate(() => window.__onemap.drawnClusters())).filter((c) => c.layerId === 'cluster-resources');
      assert(clusters.length > 0, `round ${round}: the seat's resources are neither icons nor in a cluster`);
      const target = clusters.sort((a, b) => Math.hypot(a.lngLat[0] - lng, a.lngLat[1] - lat) - Math.hypot(b.lngLat[0] - lng, b.lngLat[1] - lat))[0];
      assert(Object.keys(target.kindCounts).length >= 2 || round > 0, `the seat's cluster is not mixed: ${JSON.stringify(target.kindCounts)}`);
      const [x, y] = await toScreen(page, target.lngLat);
      await page.mouse.click(x, y);
      await page.waitForTimeout(1200);
      await waitForIdle(page);
    }
    await page.screenshot({ path: join(outDir, 'cameras-02-seat-fanned.png') });
    const icons = await page.evaluate(() => window.__onemap.drawnIcons());
    for (const id of seatIds) {
      const icon = icons.find((i) => i.id === id);
      assert(icon, `${id} is not drawn as an icon after opening the cluster`);
      const [x, y] = await toScreen(page, icon.lngLat);
      const onMap = await page.evaluate(([px, py]) => document.querySelector('[data-testid=map]').contains(document.elementFromPoint(px, py)), [x, y]);
      assert(onMap, `${id} at ${x.toFixed(0)},${y.toFixed(0)} is under a panel`);
      await page.mouse.click(x, y);
      await page.waitForFunction((want) => location.hash.includes(`sel=${want}`), id, { timeout: 5_000 }).catch(() => {
        throw new Error(`clicking ${id} at ${x.toFixed(0)},${y.toFixed(0)} selected ${new URL(page.url()).hash}`);
      });
      if (id === seatIds[seatIds.length - 1]) await page.screenshot({ path: join(outDir, 'cameras-03-seat-picked.png') });
      await page.getByTestId('detail-close').click(); // the panel would cover the next icons
    }
  });

  await check('shelters open, full and closed look different (sampled pixels of the drawn icons)', async () => {
    const shelters = features('shelters');
    const lone = (wantOpen) => {
      let best = null;
      for (const f of shelters.filter((s) => s.properties.open === wantOpen)) {
        const [x, y] = f.geometry.coordinates;
        let nearest = Infinity;
        for (const g of [...shelters, ...all]) if (g !== f) nearest = Math.min(nearest, Math.hypot(g.geometry.coordinates[0] - x, g.geometry.coordinates[1] - y));
        if (!best || nearest > best.nearest) best = { nearest, f };
      }
      return best.f;
    };
    const sample = async (f) => {
      const [lng, lat] = f.geometry.coordinates;
      await page.goto(`${app}#map=14/${lat}/${lng}&layers=shelter`);
      await waitForIdle(page);
      const [x, y] = await toScreen(page, [lng, lat]);
      const img = decodePng(await page.screenshot({ clip: { x: x - 20, y: y - 20, width: 40, height: 40 } }));
      // The badge fill, left of the white glyph: 8 px left of the centre.
      const at = (px, py) => {
        const i = (py * img.width + px) * 4;
        return [img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]];
      };
      return at(20 - 11, 20);
    };
    const open = await sample(lone(true));
    const closed = await sample(lone(false));
    const grey = (c) => Math.max(...c) - Math.min(...c) < 30;
    assert(open[1] > open[0] + 60 && open[1] > open[2] + 30, `open shelter badge not green: ${open}`);
    assert(grey(closed) && closed[0] > 90, `closed shelter badge not grey: ${closed}`);
    console.log(`      open shelter badge rgb(${open}), closed rgb(${closed}); the demo has no full shelter (0 of ${shelters.length}), see tests/map/readability.test.ts`);
  });

  await check('the layer panel says how many shelters are open tonight, apart from the service status', async () => {
    await page.goto(app);
    await waitForIdle(page);
    const shelters = features('shelters');
    const tonight = page.getByTestId('shelter-tonight');
    const open = Number(await tonight.getAttribute('data-open'));
    const closed = Number(await tonight.getAttribute('data-closed'));
    assert(open === shelters.filter((s) => s.properties.open).length, `open tonight ${open}`);
    assert(closed === shelters.filter((s) => !s.properties.open).length, `not open ${closed}`);
    await page.getByTestId('filter-status').selectOption('active');
    const active = Number(await page.getByTestId('count-shelter').getAttribute('data-visible'));
    assert(active === shelters.filter((s) => s.properties.status === 'active').length, `in service ${active}`);
    await page.getByTestId('filter-shelter-tonight').selectOption('open');
    const openActive = Number(await page.getByTestId('count-shelter').getAttribute('data-visible'));
    assert(openActive === shelters.filter((s) => s.properties.status === 'active' && s.properties.open).length, `open and in service ${openActive}`);
    await page.getByTestId('layer-panel').screenshot({ path: join(outDir, 'cameras-04-layer-panel.png') });
  });

  await check('a rescue circle is drawn by MapLibre from a GeoJSON source (not tessellated by deck.gl); long tasks printed', async () => {
    // Long tasks are wall-clock time, and the project's rule is to print browser figures, not assert
    // them (BRIEF / README): this machine is shared (2 cores, many processes) and Chromium here draws
    // WebGL in software (SwiftShader). What is asserted is the cause of the old ~1.2 s block: the bands
    // must be MapLibre layers (tiled and tessellated in its worker), none a deck.gl layer.
    const small = await browser.newContext({ viewport: { width: 1024, height: 640 }, locale: 'zh-CN' });
    await guardOrigin(small, server.base, offOrigin);
    await small.addInitScript(LONG_TASK_OBSERVER);
    const p = await small.newPage();
    p.on('pageerror', (e) => pageErrors.push(`circle pageerror: ${e.message}`));
    const station = seat[0];
    const [lng, lat] = station.geometry.coordinates;
    await p.goto(`${app}#map=11/${lat}/${lng}&layers=fire_station&sel=${station.properties.id}`);
    await p.getByTestId('detail-panel').waitFor({ timeout: 15_000 });
    await waitForIdle(p, 5000); // the compute worker loads the roads and warms up meanwhile
    await p.evaluate(() => (window.__longTasks = []));
    const box = await p.getByTestId('map').boundingBox();
    await p.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5);
    await p.mouse.down();
    for (let i = 1; i <= 6; i++) {
      await p.mouse.move(box.x + box.width * 0.7 - i * 8, box.y + box.height * 0.5);
      await p.waitForTimeout(60);
    }
    await p.mouse.up();
    await waitForIdle(p, 800);
    const plain = await p.evaluate(() => window.__longTasks);
    await p.evaluate(() => (window.__longTasks = []));
    await p.getByTestId('rescue-circle-toggle').click();
    await p.getByTestId('rescue-circle-legend').waitFor({ timeout: 30_000 });
    await p.waitForFunction(() => window.__onemap.drawnBandCount() === 3);
    await waitForIdle(p, 1500);
    const tasks = await p.evaluate(() => window.__longTasks);
    const mapLayers = await p.evaluate(() => window.__onemap.mapLayerIds());
    const deckLayers = await p.evaluate(() => window.__onemap.deckLayerIds());
    await p.screenshot({ path: join(outDir, 'cameras-05-rescue-circle.png') });
    await small.close();
    const list = (ts) => (ts.length ? ts.map((t) => `${t.durationMs} ms`).join(', ') : 'none');
    const over = tasks.filter((t) => t.durationMs > 200);
    console.log(`      long tasks while showing the circle: ${list(tasks)}; over 200 ms: ${over.length}; plain frames (dragging the map): ${list(plain)}`);
    assert(mapLayers.filter((id) => id.startsWith('rescue-circle-fill-')).length >= 3, `no MapLibre band layers: ${mapLayers.join(', ')}`);
    assert(!deckLayers.some((id) => id.startsWith('rescue-circle')), `a deck.gl layer draws the bands: ${deckLayers.join(', ')}`);
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
writeFileSync(join(outDir, 'e2e-summary-cameras.json'), JSON.stringify({ passed, failed, seconds: (Date.now() - started) / 1000, results: results.map((r) => ({ name: r.name, ok: r.ok, error: r.ok ? undefined : String(r.err) })) }, null, 2));
console.log(`E2E: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
