// Browser tests against the production build (`npm run build` first): vite preview + Debian's
// Chromium through playwright-core. Prints `E2E: N passed, M failed`; exits non-zero on failure.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkOriginAndErrors, ensureDir, guardOrigin, launchBrowser, runSuite } from '../harness.mjs';
import { changedFraction, decodePng, distinctSampledColors, whiteFraction } from '../png.mjs';
import { mapShot as mapPixels, waitForStableMap } from '../map-shots.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = ensureDir(join(root, 'tests', 'output'));
/** The map's pixels, saved as `file` in the output folder when given. */
const mapShot = (page, file) => mapPixels(page, file ? join(outDir, file) : undefined);
const port = Number(process.env.E2E_PORT ?? 4188);
const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));

const meta = readJson('data/taishun/meta.json');
const EXPECTED = {
  shelter: meta.counts.shelters,
  rescue_team: meta.counts.rescueTeams,
  fire_station: meta.counts.fireStations,
  depot: meta.counts.depots,
  camera: meta.counts.cameras,
};
const KINDS = Object.keys(EXPECTED);

/**
 * Saves a screenshot of the phone layout and checks that the map above the bottom sheet (test id
 * `sheet`) is drawn: Chromium once painted an opaque sheet's background there, a white box as tall
 * as the sheet over the map (src/ui/app.css, --sheet). A drawn map has almost no pure-white pixels.
 */
async function mapDrawnAboveSheet(page, sheet, file) {
  const img = decodePng(await page.screenshot({ path: join(outDir, file) }));
  const map = await page.getByTestId('map').boundingBox();
  const panel = await page.getByTestId(sheet).boundingBox();
  const top = Math.ceil(map.y + 10), bottom = Math.floor(panel.y - 10);
  assert(bottom - top > 100, `${file}: only ${bottom - top} px of map above the sheet ${sheet}`);
  const white = whiteFraction(img, { left: 10, top, right: img.width - 10, bottom });
  assert(white < 0.2, `${file}: ${(100 * white).toFixed(0)} % of the map above the sheet ${sheet} is blank white`);
}

/** The shelter farthest from any other shelter: easy to click without hitting a neighbour. */
function loneShelter() {
  const fs = readJson('data/taishun/resources/shelters.geojson').features;
  let best = null;
  for (const f of fs) {
    const [x, y] = f.geometry.coordinates;
    let nearest = Infinity;
    for (const g of fs) if (g !== f) nearest = Math.min(nearest, Math.hypot(g.geometry.coordinates[0] - x, g.geometry.coordinates[1] - y));
    if (!best || nearest > best.nearest) best = { nearest, lngLat: [x, y], props: f.properties };
  }
  return best;
}

/** A village whose name is unique (so the search has one right answer). */
function uniqueVillage() {
  const vs = readJson('data/taishun/villages.geojson').features.map((f) => f.properties);
  const byName = new Map();
  for (const v of vs) byName.set(v.name, (byName.get(v.name) ?? 0) + 1);
  return vs.find((v) => byName.get(v.name) === 1 && v.name.length >= 3);
}

async function waitForCounts(page) {
  await page.waitForFunction(
    (kinds) => kinds.every((k) => Number(document.querySelector(`[data-testid=count-${k}]`)?.getAttribute('data-total')) > 0),
    KINDS,
    { timeout: 30_000 },
  );
}

async function counts(page, attr) {
  return page.evaluate(
    ({ kinds, attr }) => Object.fromEntries(kinds.map((k) => [k, Number(document.querySelector(`[data-testid=count-${k}]`)?.getAttribute(attr))])),
    { kinds: KINDS, attr },
  );
}

await runSuite({ name: 'map', root, port, outDir }, async ({ check, server, offOrigin, pageErrors, launch, watchErrors }) => {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await guardOrigin(context, server.base, offOrigin);
  const page = await context.newPage();
  watchErrors(page);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const app = `${server.base}/?e2e`;

  await check('WebGL2 is available (precondition: the rest is not green on nothing)', async () => {
    await page.goto(app);
    const ok = await page.evaluate(() => document.createElement('canvas').getContext('webgl2') !== null);
    assert(ok, 'canvas.getContext("webgl2") returned null');
  });

  await check('MapLibre worker URL serves JavaScript (not index.html) and a worker runs', async () => {
    await page.waitForFunction(() => typeof window.__onemap?.workerUrl === 'string', null, { timeout: 15_000 });
    const workerUrl = await page.evaluate(() => window.__onemap.workerUrl);
    const res = await page.request.get(new URL(workerUrl, server.base).href);
    const body = await res.text();
    const type = res.headers()['content-type'] ?? '';
    assert(res.ok(), `worker ${workerUrl}: HTTP ${res.status()}`);
    assert(/javascript/.test(type), `worker content-type ${type}`);
    assert(!/^\s*<!doctype html/i.test(body), 'worker URL returned HTML');
    await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: 30_000 });
    assert(workers.length > 0, 'no web worker was started');
  });

  let overview;
  await check('map canvas is drawn (sampled pixels differ)', async () => {
    await waitForCounts(page);
    overview = await waitForStableMap(page);
    await page.screenshot({ path: join(outDir, '01-overview.png') });
    const colors = distinctSampledColors(overview);
    assert(colors >= 12, `only ${colors} distinct colours sampled: map looks blank`);
  });

  await check('on software WebGL the map draws 0.75 of the CSS pixels; the 清晰 (sharp) toggle draws all of them and is remembered', async () => {
    const software = await page.evaluate(() => window.__onemap.softwareRenderer());
    const ratio = () => page.evaluate(() => window.__onemap.pixelRatio());
    const deviceRatio = await page.evaluate(() => window.devicePixelRatio);
    const toggle = page.getByTestId('map-sharpness');
    if (!software) {
      // a GPU: full resolution and no toggle
      assert((await ratio()) === deviceRatio, `pixel ratio ${await ratio()} ≠ the device's ${deviceRatio}`);
      assert((await toggle.count()) === 0, 'the sharp-map toggle is shown on a hardware GPU');
      return;
    }
    assert((await ratio()) === 0.75 * Math.min(1, deviceRatio), `software WebGL draws at ${await ratio()}, not 0.75`);
    assert((await toggle.getAttribute('aria-pressed')) === 'false', 'the toggle starts pressed');
    await toggle.click();
    await page.waitForFunction((r) => window.__onemap.pixelRatio() === r, deviceRatio);
    assert((await toggle.getAttribute('aria-pressed')) === 'true', 'the toggle does not show it is pressed');
    assert((await page.evaluate(() => localStorage.getItem('onemap.sharpMap'))) === '1', 'the choice is not remembered');
    await toggle.click();
    await page.waitForFunction(() => window.__onemap.pixelRatio() === 0.75 * Math.min(1, window.devicePixelRatio));
    assert((await page.evaluate(() => localStorage.getItem('onemap.sharpMap'))) === null, 'the smooth default is not remembered');
    await waitForStableMap(page);
  });

  await check('on SwiftShader both WebGL contexts (basemap and overlay) draw with steady vertex inputs; elsewhere neither is wrapped', async () => {
    // src/map/canvas/vertex-input-reset.ts: without it a zoom or a move recompiled SwiftShader routines in its frame.
    const renderer = await page.evaluate(() => window.__onemap.renderer());
    const steady = await page.evaluate(() => window.__onemap.steadyVertexInputs());
    const swiftShader = /swiftshader/i.test(renderer ?? '');
    console.log(`      renderer: ${renderer}; contexts made steady: ${steady}`);
    assert(swiftShader ? steady >= 2 : steady === 0, `renderer ${renderer}: ${steady} contexts made steady`);
  });

  await check('all five layers are present with the counts in meta.json', async () => {
    const total = await counts(page, 'data-total');
    const visible = await counts(page, 'data-visible');
    const drawn = await page.evaluate(() => window.__onemap.drawnCounts());
    for (const k of KINDS) {
      assert(total[k] === EXPECTED[k], `${k}: total ${total[k]} ≠ ${EXPECTED[k]}`);
      assert(visible[k] === EXPECTED[k], `${k}: visible ${visible[k]} ≠ ${EXPECTED[k]}`);
      assert(drawn[k] === EXPECTED[k], `${k}: drawn ${drawn[k]} ≠ ${EXPECTED[k]}`);
    }
  });

  await check('toggling a layer changes its count and the drawn pixels', async () => {
    await page.getByTestId('toggle-camera').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=count-camera]')?.getAttribute('data-visible') === '0');
    const drawn = await page.evaluate(() => window.__onemap.drawnCounts());
    assert(drawn.camera === 0, `cameras still drawn: ${drawn.camera}`);
    const after = await waitForStableMap(page);
    await page.locator('[data-testid=map]').screenshot({ path: join(outDir, '02-cameras-off.png') });
    const changed = changedFraction(overview, after);
    assert(changed > 0.003, `only ${(changed * 100).toFixed(2)} % of pixels changed`);
    await page.getByTestId('toggle-camera').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid=count-camera]')?.getAttribute('data-visible') === String(n), EXPECTED.camera);
  });

  await check('a filter changes the live count', async () => {
    await page.getByTestId('filter-min-free').fill('60');
    const c = await counts(page, 'data-visible');
    assert(c.shelter > 0 && c.shelter < EXPECTED.shelter, `shelters visible with ≥60 free: ${c.shelter}`);
    assert(c.camera === EXPECTED.camera, 'the shelter filter must not touch cameras');
    await page.getByTestId('filter-min-free').fill('0');
  });

  const shelter = loneShelter();
  await check(`clicking a shelter opens its panel with capacity (${shelter.props.id}); the pointer cursor over it, and no WebGL read-back for the hover and click`, async () => {
    const [lng, lat] = shelter.lngLat;
    await page.goto(`${app}#map=14/${lat}/${lng}&layers=shelter`);
    await waitForCounts(page);
    await waitForStableMap(page);
    const [x, y] = await page.evaluate((ll) => window.__onemap.project(ll), shelter.lngLat);
    const box = await page.getByTestId('map').boundingBox();
    // Hover and click are hit-tested on the CPU (src/map/hit-test.ts): no WebGL read-back may
    // happen for them (deck.gl's picking pass was a render plus a synchronous readPixels).
    await page.evaluate(() => {
      window.__readPixelsCalls = 0;
      for (const C of [WebGLRenderingContext, WebGL2RenderingContext]) {
        const original = C.prototype.readPixels;
        C.prototype.readPixels = function (...args) {
          window.__readPixelsCalls++;
          return original.apply(this, args);
        };
      }
    });
    await page.mouse.move(box.x + x, box.y + y);
    await page.waitForSelector('[role=tooltip]', { timeout: 5000 });
    const cursor = await page.evaluate(() => getComputedStyle(document.querySelector('.maplibregl-canvas')).cursor);
    assert(cursor === 'pointer', `cursor over the shelter: ${cursor}`);
    await page.mouse.click(box.x + x, box.y + y);
    await page.getByTestId('detail-panel').waitFor({ timeout: 5000 });
    const readPixelsCalls = await page.evaluate(() => window.__readPixelsCalls);
    assert(readPixelsCalls === 0, `hovering and clicking the shelter read the WebGL canvas back ${readPixelsCalls} times (GPU picking)`);
    const title = await page.getByTestId('detail-title').textContent();
    const capacity = await page.getByTestId('detail-capacity').textContent();
    assert(title === shelter.props.name, `panel title ${title} ≠ ${shelter.props.name}`);
    assert(capacity.replace(/\D/g, '') === String(shelter.props.capacity), `capacity ${capacity} ≠ ${shelter.props.capacity}`);
    await waitForStableMap(page);
    await page.screenshot({ path: join(outDir, '03-shelter-panel.png') });
  });

  await check('the URL hash restores the selection after a reload', async () => {
    assert(page.url().includes(`sel=${shelter.props.id}`), `hash lacks sel: ${page.url()}`);
    await page.reload();
    await page.getByTestId('detail-panel').waitFor({ timeout: 15_000 });
    const title = await page.getByTestId('detail-title').textContent();
    assert(title === shelter.props.name, `after reload: ${title}`);
  });

  await check('a garbage hash falls back to defaults', async () => {
    await page.goto(`${app}&fresh#map=zz/%%/1e999&layers=<script>&sel=${'x'.repeat(200)}`);
    await waitForCounts(page);
    const visible = await counts(page, 'data-visible');
    assert(visible.camera === EXPECTED.camera, 'default layers not restored');
    assert((await page.getByTestId('detail-panel').count()) === 0, 'a panel opened from garbage');
  });

  const village = uniqueVillage();
  await check(`search finds a village (${village.name})`, async () => {
    await page.getByTestId('search-input').fill(village.name);
    await page.getByTestId(`search-result-${village.id}`).click();
    await page.getByTestId('detail-panel').waitFor();
    const title = await page.getByTestId('detail-title').textContent();
    assert(title === village.name, `panel shows ${title}`);
    await page.waitForFunction((id) => location.hash.includes(`sel=${id}`), village.id);
    await waitForStableMap(page);
    await page.screenshot({ path: join(outDir, '04-search-village.png') });
  });

  await check('a depot opens its stock table; a camera shows its stream URL as text only', async () => {
    const depot = readJson('data/taishun/resources/depots.geojson').features[0].properties;
    await page.getByTestId('search-input').fill(depot.id);
    await page.getByTestId(`search-result-${depot.id}`).click();
    await page.getByTestId('stock-table').waitFor();
    const rows = await page.getByTestId('stock-table').locator('tbody tr').count();
    assert(rows === depot.stock.length, `stock rows ${rows} ≠ ${depot.stock.length}`);
    await waitForStableMap(page);
    await page.screenshot({ path: join(outDir, '08-depot-panel.png') });
    const camera = readJson('data/taishun/resources/cameras.geojson').features[0].properties;
    await page.getByTestId('search-input').fill(camera.id);
    await page.getByTestId(`search-result-${camera.id}`).click();
    await page.getByText(camera.stream.url).waitFor();
    const links = await page.getByTestId('detail-panel').locator('a, img, video, iframe').count();
    assert(links === 0, 'the camera panel contains a link or media element');
  });

  await check('switching to English changes the labels', async () => {
    const before = await page.getByTestId('layer-panel').locator('h2').first().textContent();
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const after = await page.getByTestId('layer-panel').locator('h2').first().textContent();
    assert(before === '图层' && after === 'Layers', `heading ${before} → ${after}`);
    const panelText = await page.getByTestId('layer-panel').textContent();
    assert(panelText.includes('Shelters') && panelText.includes('Cameras'), 'kind labels not in English');
    assert(page.url().includes('lang=en'), 'language not in the hash');
    await page.getByTestId('detail-close').click();
    await page.goto(`${app}#map=11/27.56/119.75&lang=en`);
    await waitForCounts(page);
    await waitForStableMap(page);
    await page.screenshot({ path: join(outDir, '05-english.png') });
  });

  const station = readJson('data/taishun/resources/fire-stations.geojson').features.find((f) => f.properties.level === 'county') ?? readJson('data/taishun/resources/fire-stations.geojson').features[0];
  await check(`a fire station's 5/10/15-min rescue circle is computed in the worker and drawn (${station.properties.id})`, async () => {
    const [lng, lat] = station.geometry.coordinates;
    await page.goto(`${app}#map=11/${lat}/${lng}&layers=fire_station&sel=${station.properties.id}`);
    await page.getByTestId('detail-panel').waitFor({ timeout: 15_000 });
    const before = await waitForStableMap(page);
    await page.getByTestId('rescue-circle-toggle').click();
    await page.getByTestId('rescue-circle-legend').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => window.__onemap.drawnBandCount() === 3, null, { timeout: 10_000 });
    const after = await waitForStableMap(page);
    await page.screenshot({ path: join(outDir, '10-rescue-circle.png') });
    const changed = changedFraction(before, after);
    assert(changed > 0.02, `the bands changed only ${(changed * 100).toFixed(2)} % of the map`);
    assert(workers.some((u) => /compute/.test(u)), `no compute worker among ${workers.join(', ')}`);
    assert(page.url().includes(`circle=${station.properties.id}`), `hash lacks circle: ${page.url()}`);
    await page.reload();
    await page.getByTestId('rescue-circle-legend').waitFor({ timeout: 30_000 });
    await page.getByTestId('detail-close').click();
    await page.getByTestId('rescue-circle-chip').waitFor();
    await page.getByTestId('rescue-circle-chip').getByRole('button').click();
    await page.waitForFunction(() => window.__onemap.drawnBandCount() === 0);
  });

  await check('desktop: the credits (示意 and the sources), zoom and 清晰 sit clear of the layer panel and the view panel in every view', async () => {
    await page.goto(app);
    await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: 30_000 });
    const overlaps = [];
    for (const name of ['值班', '台风', '规划', '导入导出']) {
      await page.locator('.view-switcher').getByRole('button', { name, exact: true }).click();
      await page.locator('.view-panel').first().waitFor();
      await page.waitForTimeout(300);
      const boxes = await page.evaluate(() => {
        const box = (el) => { const r = el?.getBoundingClientRect(); return r && r.width > 0 ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null; };
        const attrib = document.querySelector('.maplibregl-ctrl-attrib');
        const controls = [...document.querySelectorAll('.maplibregl-ctrl-bottom-right > *')].map((el) => ({ what: el.classList.contains('maplibregl-ctrl-attrib') ? 'credits' : el.getAttribute('data-testid') ?? el.className, ...box(el) }));
        return { attrib: box(attrib), text: attrib?.textContent ?? '', controls, panels: [...document.querySelectorAll('.side-panel, .view-panel')].map(box).filter(Boolean) };
      });
      assert(boxes.attrib, `${name}: no credits on the map`);
      assert(boxes.text.includes('示意'), `${name}: the credits lack 示意: "${boxes.text}"`);
      for (const p of boxes.panels) {
        for (const a of boxes.controls) {
          if (a.left < p.right && a.right > p.left && a.top < p.bottom && a.bottom > p.top) overlaps.push(`${name}: ${a.what} ${Math.round(a.left)}–${Math.round(a.right)} px under a panel ${Math.round(p.left)}–${Math.round(p.right)} px`);
        }
      }
      if (name === '台风') await page.screenshot({ path: join(outDir, '11-credits-typhoon.png') });
    }
    assert(overlaps.length === 0, overlaps.join('; '));
  });

  await check('phone-width layout: badge visible, panel opens as a sheet', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await guardOrigin(phone, server.base, offOrigin);
    const p = await phone.newPage();
    p.on('pageerror', (e) => pageErrors.push(`phone pageerror: ${e.message}`));
    await p.goto(app);
    await waitForCounts(p);
    await waitForStableMap(p);
    assert(await p.getByTestId('synthetic-badge').isVisible(), 'synthetic badge hidden');
    // the credits start folded to their ⓘ button; a tap opens them, with 示意 and the sources
    const credits = p.locator('.maplibregl-ctrl-attrib');
    const creditsWidth = async () => (await credits.boundingBox())?.width ?? 0;
    assert((await creditsWidth()) < 40, `the phone's credits start open, ${Math.round(await creditsWidth())} px wide`);
    await p.locator('.maplibregl-ctrl-attrib-button').tap();
    await p.waitForFunction(() => (document.querySelector('.maplibregl-ctrl-attrib')?.getBoundingClientRect().width ?? 0) > 100, null, { timeout: 5_000 });
    assert((await p.locator('.maplibregl-ctrl-attrib-inner').innerText()).includes('示意'), 'the opened credits lack 示意');
    await p.locator('.maplibregl-ctrl-attrib-button').tap();
    await p.waitForFunction(() => (document.querySelector('.maplibregl-ctrl-attrib')?.getBoundingClientRect().width ?? 999) < 40, null, { timeout: 5_000 });
    await mapDrawnAboveSheet(p, 'view-duty', '06-phone.png');
    await p.getByRole('button', { name: '图层与筛选' }).click();
    assert(await p.getByTestId('layer-panel').isVisible(), 'layer panel did not open');
    await mapDrawnAboveSheet(p, 'layer-panel', '07-phone-panel.png');
    await p.getByRole('button', { name: '收起' }).click();
    await p.getByTestId('search-input').fill(shelter.props.name);
    await p.getByTestId(`search-result-${shelter.props.id}`).click();
    await p.getByTestId('detail-capacity').waitFor();
    await waitForStableMap(p);
    await mapDrawnAboveSheet(p, 'detail-panel', '09-phone-detail.png');
    // Every view's panel is the same full-width sheet on a phone (the planner's is wider on a desktop only).
    await p.getByTestId('detail-close').click();
    for (const name of ['台风', '导入导出', '规划']) {
      await p.locator('.view-switcher').getByRole('button', { name, exact: true }).click();
      await p.locator('.view-panel').first().waitFor();
      const sheet = await p.locator('.view-panel').first().boundingBox();
      assert(sheet.x >= -1 && sheet.x + sheet.width <= 391, `${name}: the view's sheet spans ${Math.round(sheet.x)}–${Math.round(sheet.x + sheet.width)} px on a 390 px screen`);
    }
    await p.waitForTimeout(300);
    await p.screenshot({ path: join(outDir, '12-phone-planner.png') });
    await phone.close();
  });

  await check('without WebGL the app says so plainly and search, counts and details still work', async () => {
    const noGl = await launchBrowser(['--disable-3d-apis']);
    try {
      const ctx = await noGl.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      await guardOrigin(ctx, server.base, offOrigin);
      const p = await ctx.newPage();
      const errors = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(app);
      assert(await p.evaluate(() => document.createElement('canvas').getContext('webgl2') === null), 'WebGL2 still available: the fault was not injected');
      await p.getByTestId('map-unavailable').waitFor({ timeout: 15_000 });
      await waitForCounts(p);
      const total = await counts(p, 'data-total');
      assert(total.shelter === EXPECTED.shelter && total.camera === EXPECTED.camera, `counts without a map: ${JSON.stringify(total)}`);
      await p.getByTestId('search-input').fill(shelter.props.name);
      await p.getByTestId(`search-result-${shelter.props.id}`).click();
      const capacity = await p.getByTestId('detail-capacity').textContent();
      assert(capacity.replace(/\D/g, '') === String(shelter.props.capacity), `capacity ${capacity}`);
      await p.screenshot({ path: join(outDir, '11-no-webgl.png') });
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    } finally {
      await noGl.close();
    }
  });

  await checkOriginAndErrors(check, { offOrigin, pageErrors });
});
