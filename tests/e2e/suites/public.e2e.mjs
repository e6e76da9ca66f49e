// Browser tests of the public shelter finder (dist-public/, `npm run build:public` or `npm run build`)
// at a phone-sized viewport, served the way a static host or CDN serves it (gzip, no SPA fallback).
// Prints `E2E: N passed, M failed`; exits non-zero on failure.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { assert, createRunner, ensureDir, guardOrigin, launchBrowser } from '../harness.mjs';
import { startStaticServer } from '../static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = ensureDir(join(root, 'tests', 'output'));
const distDir = join(root, 'dist-public');
const port = Number(process.env.E2E_PORT ?? 4188);
const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

if (!existsSync(join(distDir, 'index.html'))) {
  console.log('  ✗ no public build: run `npm run build` (or `npm run build:public`) first');
  console.log('E2E: 0 passed, 1 failed');
  process.exit(1);
}

const shelters = readJson('data/taishun/resources/shelters.geojson');
const villages = readJson('data/taishun/villages.geojson').features;
const freeOf = (p) => p.capacity - p.occupancy;
const takesOne = (f) => f.properties.open && f.properties.status === 'active' && freeOf(f.properties) >= 1;

/**
 * The reference answer: `npm run onemap -- nearest --profile walking` over the open shelters with
 * free places (written to a temp dir), for every demo village at once.
 */
function cliAnswers() {
  const dir = mkdtempSync(join(tmpdir(), 'onemap-public-'));
  try {
    writeFileSync(join(dir, 'open.geojson'), JSON.stringify({ type: 'FeatureCollection', features: shelters.features.filter(takesOne) }));
    writeFileSync(join(dir, 'villages.geojson'), JSON.stringify({ type: 'FeatureCollection', features: villages }));
    execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/cli/onemap.ts', 'nearest', '--roads', 'data/taishun/roads.geojson',
      '--resources', join(dir, 'open.geojson'), '--incidents', join(dir, 'villages.geojson'), '--k', '3', '--profile', 'walking', '--out', join(dir, 'out.json')],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const R = 6371008.8, rad = Math.PI / 180;
const haversine = (a, b) => {
  const dLat = (b[1] - a[1]) * rad, dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
};

// A demo village whose nearest open shelter on foot is NOT its nearest in a straight line, so the
// test tells the walking order from the straight-line one.
const answers = cliAnswers();
const pick = villages.map((v, i) => ({ v, a: answers[i] })).find(({ v, a }) => {
  if (!a.results?.length || a.unreachable) return false;
  const at = v.geometry.coordinates;
  const byLine = shelters.features.filter(takesOne).sort((x, y) => haversine(x.geometry.coordinates, at) - haversine(y.geometry.coordinates, at))[0];
  return byLine.properties.id !== a.results[0].id && a.results[0].seconds < 3600;
});
const village = pick.v;
const expected = pick.a.results[0];
const [lng, lat] = village.geometry.coordinates;
console.log(`  village ${village.properties.id} ${village.properties.name}: CLI walking nearest ${expected.id} (${expected.seconds.toFixed(1)} s)`);

// Served from a copy, so the update check can publish a "new version" without touching dist-public/.
const serveDir = mkdtempSync(join(tmpdir(), 'onemap-public-serve-'));
cpSync(distDir, serveDir, { recursive: true });
let server = await startStaticServer(serveDir, port);
const base = server.base;
const offOrigin = [];
const consoleErrors = [];
const { check, results } = createRunner();
const { browser, close } = await launchBrowser();

async function newPhone(options = {}) {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', ...options });
  await guardOrigin(context, base, offOrigin);
  context.on('page', (page) => watchConsole(page, options.locale ?? 'zh-CN'));
  return context;
}
let tolerateNetworkErrors = false;
function watchConsole(page, label) {
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (tolerateNetworkErrors && /Failed to load resource|net::ERR/.test(m.text())) return;
    consoleErrors.push(`${label}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${label}: ${e.message}`));
}
const walkingReady = (page) => page.waitForSelector('[data-testid=ranking-by][data-by=walking]', { timeout: 30_000 });
const firstRow = (page) => page.evaluate(() => {
  const row = document.querySelector('[data-testid=shelter-row]');
  return row && { id: row.getAttribute('data-shelter-id'), seconds: Number(row.getAttribute('data-walking-seconds')), name: row.querySelector('h3')?.textContent ?? '' };
});

const geo = { geolocation: { latitude: lat, longitude: lng, accuracy: 25 }, permissions: ['geolocation'] };
let zh;

await check('phone, location granted at a demo village: the first shelter is the nearest open one with free places by walking time, equal to the CLI', async () => {
  zh = await (await newPhone({ ...geo, permissions: ['geolocation', 'clipboard-read', 'clipboard-write'] })).newPage();
  await zh.goto(base + '/');
  await zh.waitForSelector('[data-testid=shelter-row]', { timeout: 30_000 });
  await walkingReady(zh);
  const first = await firstRow(zh);
  assert(first.id === expected.id, `first listed ${first.id}, CLI says ${expected.id}`);
  assert(Math.abs(first.seconds - expected.seconds) < 0.01, `walking ${first.seconds} s, CLI ${expected.seconds} s`);
  const html = await zh.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  assert(html.lang === 'zh-CN' && html.dir === 'ltr', `html ${JSON.stringify(html)}`);
  const text = await zh.locator('[data-testid=shelter-row]').first().innerText();
  for (const want of ['步行约', '空位', '数据更新于', '拨打']) assert(text.includes(want), `first row lacks "${want}": ${text}`);
  const ids = await zh.$$eval('[data-testid=shelter-row]', (rows) => rows.map((r) => r.getAttribute('data-shelter-id')));
  const byId = new Map(shelters.features.map((f) => [f.properties.id, f.properties]));
  assert(ids.every((id) => takesOne({ properties: byId.get(id) })), 'a closed or full shelter is ranked');
  const apart = await zh.$$eval('[data-testid=unavailable-row]', (rows) => rows.map((r) => r.getAttribute('data-shelter-id')));
  assert(apart.length > 0 && apart.every((id) => !takesOne({ properties: byId.get(id) })), `closed/full section: ${apart}`);
  const tel = await zh.locator('[data-testid=shelter-row] a[href^="tel:"]').first().getAttribute('href');
  assert(/^tel:[0-9+]+$/.test(tel ?? ''), `phone link ${tel}`);
  await zh.screenshot({ path: join(outDir, 'public-zh.png'), fullPage: false });
});

await check('party size: 1 → more than the first shelter has free: it leaves the ranking and shows apart', async () => {
  const firstFree = freeOf(shelters.features.find((f) => f.properties.id === expected.id).properties);
  await zh.fill('[data-testid=party]', String(Math.min(50, firstFree + 1)));
  if (firstFree + 1 <= 50) {
    await zh.waitForFunction((id) => document.querySelector('[data-testid=shelter-row]')?.getAttribute('data-shelter-id') !== id, expected.id);
    // The section shows the nearest few closed or full shelters first; nearer full ones may come before it.
    const more = zh.locator('[data-testid=unavailable] button.more');
    if (await more.count()) await more.click();
    const ids = await zh.$$eval('[data-testid=unavailable-row]', (rows) => rows.map((r) => r.getAttribute('data-shelter-id')));
    assert(ids.includes(expected.id), 'the too-small shelter is not in the closed/full section');
  }
  await zh.fill('[data-testid=party]', '1');
  await walkingReady(zh);
  assert((await firstRow(zh)).id === expected.id, 'party 1 again: first row changed');
});

await check('share: plain text for SMS/WeChat with name, walking minutes and phone, and a link that opens the shelter', async () => {
  await zh.locator('[data-testid=share-button]').first().click();
  await zh.waitForFunction(() => /已复制|无法复制/.test(document.querySelector('.share-status')?.textContent ?? ''));
  const text = await zh.evaluate(async () => document.querySelector('[data-testid=share-text]')?.value ?? navigator.clipboard.readText());
  const phone = readJson('data/taishun/resources/shelter-contacts.json').phones[expected.id];
  assert(text.startsWith('最近的开放避灾点：') && /步行约 \d+ 分钟/.test(text) && text.includes(`电话 ${phone}`), `share text: ${text}`);
  const link = text.match(/https?:\/\/\S+/)?.[0];
  assert(link?.includes(`#shelter=${expected.id}`), `share link: ${link}`);
  const opened = await zh.context().newPage();
  await opened.goto(link);
  await opened.waitForSelector(`[data-testid=shared] [data-shelter-id=${expected.id}]`);
  const sharedText = await opened.locator('[data-testid=shared]').innerText();
  assert(!/已关闭|空位不足/.test(sharedText) && sharedText.includes('空位'), `shared shelter (open, with room) shown as: ${sharedText}`);
  await opened.close();
});

await check('the roads file is fetched once by the page: the walking worker and the lazily loaded map share it', async () => {
  await zh.locator('[data-testid=route-button]').first().click();
  await zh.waitForFunction(() => window.__finderMap?.isIdle?.() === true, null, { timeout: 30_000 });
  // the page's own fetches (both users fetch on the main thread; the service worker's precache is not the page's)
  const fetched = await zh.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/walking-roads-[^/]*\.json/.test(e.name)).map((e) => e.name));
  assert(fetched.length === 1, `the roads file was fetched ${fetched.length} times: ${fetched.join(', ')}`);
});

await check('route: the walking route of the first shelter is drawn on the lazily loaded map', async () => {
  await zh.locator('[data-testid=route-button]').first().click();
  await zh.waitForFunction(() => window.__finderMap?.isIdle?.() === true, null, { timeout: 30_000 });
  await zh.waitForTimeout(800);
  await zh.locator('#map-section').screenshot({ path: join(outDir, 'public-route.png') });
  // a tapped point is a place too (for when location is refused)
  const box = await zh.locator('[data-testid=finder-map]').boundingBox();
  await zh.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
  await zh.waitForSelector('[data-testid=place][data-source=tap]');
  await walkingReady(zh);
  assert(await zh.locator('[data-testid=shelter-row]').count() > 0, 'no list for the tapped point');
});

await check('installable: the manifest and service worker satisfy Chromium (no installability errors)', async () => {
  const cdp = await zh.context().newCDPSession(zh);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // "in-incognito" is about the test's throw-away browser profile, not about the page
  const errors = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
  assert(errors.length === 0, JSON.stringify(errors));
  await cdp.detach();
  // back to the village for the checks that follow
  await zh.reload();
  await walkingReady(zh);
  assert((await firstRow(zh)).id === expected.id, 'after reload: first row differs');
});

const byLang = {};
for (const [locale, want] of [['en-US', { lang: 'en', dir: 'ltr', title: 'Nearest open shelter', walk: 'min on foot' }], ['ar', { lang: 'ar', dir: 'rtl', title: 'أقرب ملجأ مفتوح', walk: 'دقيقة سيرًا' }]]) {
  await check(`browser language ${locale}: ${want.dir} page with translated labels and English shelter names`, async () => {
    const page = await (await newPhone({ ...geo, locale })).newPage();
    byLang[want.lang] = page;
    await page.goto(base + '/');
    await walkingReady(page);
    const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, direction: getComputedStyle(document.body).direction, h1: document.querySelector('h1')?.textContent }));
    assert(html.lang === want.lang && html.dir === want.dir && html.direction === want.dir, `html ${JSON.stringify(html)}`);
    assert(html.h1 === want.title, `title "${html.h1}"`);
    const first = await firstRow(page);
    const en = shelters.features.find((f) => f.properties.id === expected.id).properties.nameEn;
    assert(first.id === expected.id && first.name.includes(en), `first row ${JSON.stringify(first)} (want ${en})`);
    const text = await page.locator('[data-testid=shelter-row]').first().innerText();
    assert(text.includes(want.walk), `row lacks "${want.walk}": ${text}`);
    await page.screenshot({ path: join(outDir, `public-${want.lang}.png`) });
  });
}

await check('language switch is remembered across a reload', async () => {
  const page = byLang.en;
  await page.selectOption('[data-testid=lang-select]', 'ar');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.reload();
  await page.waitForSelector('[data-testid=shelter-row]');
  assert(await page.evaluate(() => document.documentElement.lang) === 'ar', 'the choice was not remembered');
});

await check('axe-core: no serious or critical violation (zh, ar, with the map)', async () => {
  const axe = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  for (const [label, page] of [['zh', zh], ['ar', byLang.ar]]) {
    // evaluated through the DevTools protocol, not as an inline <script> the page's CSP rightly refuses
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert(violations.length === 0, `${label}: ${violations.join('\n')}`);
  }
});

await check('targets of at least 24 px for every control', async () => {
  const small = await zh.evaluate(() => [...document.querySelectorAll('button, a[href], input, select')]
    .filter((el) => el.offsetParent !== null && !el.closest('.maplibregl-ctrl-attrib'))
    .map((el) => ({ el: el.outerHTML.slice(0, 80), r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 24 || r.height < 24)
    .map(({ el, r }) => `${el} ${r.width}x${r.height}`));
  assert(small.length === 0, small.join('\n'));
});

await check('location refused: a typed village name gives the list', async () => {
  const page = await (await newPhone({ permissions: [] })).newPage();
  await page.goto(base + '/');
  await page.click('[data-testid=use-location]');
  await page.waitForSelector('[data-testid=locate-failed]');
  await page.fill('[data-testid=village-input]', village.properties.name);
  await page.locator('[data-testid=village-match]').first().press('Enter'); // by keyboard
  await walkingReady(page);
  assert(await page.evaluate(() => document.activeElement?.id) === 'results-heading', 'focus did not move to the answer');
  const first = await firstRow(page);
  assert(first.id === expected.id, `village ${village.properties.name}: first ${first.id}, want ${expected.id}`);
  await page.context().close();
});

await check('offline: server stopped, page reloaded: the list and its data age still show', async () => {
  await zh.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active?.state;
  });
  await zh.waitForSelector('[data-testid=offline-ready]', { timeout: 30_000 });
  await server.stop();
  tolerateNetworkErrors = true;
  await zh.reload();
  await walkingReady(zh);
  const first = await firstRow(zh);
  assert(first.id === expected.id, `offline first ${first.id}`);
  await zh.waitForSelector('[data-testid=offline]', { timeout: 10_000 });
  const age = await zh.locator('[data-testid=data-age]').innerText();
  assert(age.includes('避灾点数据更新于') && age.includes('本机保存于'), `data age: ${age}`);
  await zh.screenshot({ path: join(outDir, 'public-offline.png') });
  server = await startStaticServer(serveDir, port);
  tolerateNetworkErrors = false;
});

await check('a new version: the page asks before updating and never reloads by itself; "Update" reloads into it', async () => {
  await zh.evaluate(() => { window.__stillThisPage = true; });
  appendFileSync(join(serveDir, 'sw.js'), '\n// a new version of the finder\n');
  await zh.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await zh.waitForSelector('[data-testid=update-prompt]', { timeout: 30_000 });
  await zh.waitForTimeout(1500);
  assert(await zh.evaluate(() => window.__stillThisPage === true), 'the page reloaded without being asked');
  assert(await zh.locator('[data-testid=offline]').count() === 0, 'still says offline although a new version just came from the origin');
  await zh.screenshot({ path: join(outDir, 'public-update-prompt.png') });
  await Promise.all([zh.waitForEvent('load', { timeout: 30_000 }), zh.locator('[data-testid=update-prompt] button.primary').click()]);
  await zh.waitForSelector('[data-testid=shelter-row]');
  assert(await zh.evaluate(() => window.__stillThisPage === undefined), 'Update did not reload the page');
  assert(await zh.locator('[data-testid=update-prompt]').count() === 0, 'the prompt is still there after the update');
});

await check('WebGL disabled: the list still works and the page says the map is unavailable', async () => {
  const noGl = await launchBrowser(['--disable-3d-apis']);
  try {
    const context = await noGl.browser.newContext({ ...PHONE, locale: 'zh-CN', ...geo });
    await guardOrigin(context, base, offOrigin);
    const page = await context.newPage();
    watchConsole(page, 'no-webgl');
    await page.goto(base + '/');
    await walkingReady(page);
    assert((await firstRow(page)).id === expected.id, 'no-WebGL first row differs');
    await page.waitForSelector('[data-testid=no-webgl]');
  } finally {
    await noGl.close();
  }
});

await check('throttled network (400 ms RTT, 400 kbit/s down): time to the first listed shelter and the entry JS, gzipped', async () => {
  const context = await newPhone(geo);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 });
  const scripts = [];
  page.on('response', (r) => { if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), at: Date.now() }); });
  await page.goto(base + '/', { waitUntil: 'commit' });
  await page.waitForSelector('[data-testid=shelter-row]', { timeout: 60_000 });
  const doneAt = Date.now();
  const figures = await page.evaluate(() => ({ first: window.__finder?.firstShelterMs, by: document.querySelector('[data-testid=ranking-by]')?.getAttribute('data-by') }));
  await walkingReady(page);
  const walk = await page.evaluate(() => window.__finder);
  const loaded = scripts.filter((s) => s.at <= doneAt).map((s) => new URL(s.url).pathname);
  const before = loaded.filter((p) => !/worker/.test(p)), workers = loaded.filter((p) => /worker/.test(p));
  const gzOf = (files) => files.reduce((n, p) => n + gzipSync(readFileSync(join(distDir, p))).length, 0);
  const gz = gzOf(before);
  console.log(`      first listed shelter ${(figures.first / 1000).toFixed(2)} s after navigation (goal < 3 s; ranked by ${figures.by} at first), walking times ${(walk.walkingAnswerMs / 1000).toFixed(2)} s (graph ready ${(walk.walkingReadyMs / 1000).toFixed(2)} s after its start, of which building ${walk.walkingBuildMs.toFixed(0)} ms)`);
  console.log(`      the entry's JS before the first answer: ${(gz / 1024).toFixed(1)} KB gzipped (goal < 150 KB): ${before.join(', ')}`);
  if (workers.length) console.log(`      (also started before it, not counted: the walking worker, ${(gzOf(workers) / 1024).toFixed(1)} KB gzipped: ${workers.join(', ')})`);
  assert(gz < 150 * 1024, `entry JS ${gz} bytes gzipped`);
  await context.close();
});

await check('the officer app has no service worker, and no request left the origin', async () => {
  assert(!existsSync(join(root, 'dist', 'sw.js')) && !readFileSync(join(root, 'dist', 'index.html'), 'utf8').includes('manifest'), 'dist/ has a service worker or manifest');
  assert(offOrigin.length === 0, offOrigin.slice(0, 5).join('\n'));
  assert(consoleErrors.length === 0, consoleErrors.slice(0, 5).join('\n'));
});

await close();
await server.stop();
rmSync(serveDir, { recursive: true, force: true });
const failed = results.filter((r) => !r.ok).length;
console.log(`E2E: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
