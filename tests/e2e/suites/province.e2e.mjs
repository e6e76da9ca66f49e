// Browser smoke of the province option (issue 12, item 4) against the production build: a small
// seeded province (npm run province:data -- --edges 60000 --resources 15000, into tests/output/:
// enough duty candidates, > 5,000, that the worker's nearest search is bounded as in a province,
// and an area wide enough that a click near its corner leaves some beyond the 10-minute bound),
// served at /province/ by the production server, opened with ?dataset=province. Checks that every
// resource is loaded and drawn in clusters of the worker (all kinds), that only major roads are
// drawn and the page says so, that a click answers the nearest lists by travel time and a fire
// station's rescue circle is drawn, that a missing or unknown dataset is a plain message (not a
// white page), and that no request leaves the origin. The full-size figures are the browser bench's
// (npm run bench:province), not this suite's.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, createRunner, ensureDir, finishSuite, guardOrigin, launchBrowser } from '../harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = ensureDir(join(root, 'tests', 'output'));
const port = Number(process.env.E2E_PORT ?? 4188);
const started = Date.now();
const { results, check } = createRunner();
const KINDS = ['shelter', 'rescue_team', 'fire_station', 'depot', 'camera'];

if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.log('  ✗ no production build: run `npm run build` first');
  finishSuite({ outDir, name: 'province', results: [{ name: 'build present', ok: false, err: new Error('no dist/') }], started });
}

const dataDir = join(outDir, 'province-smoke');
const gen = spawnSync('npx', ['tsx', join(root, 'scripts', 'generate-province.ts'), '--edges', '60000', '--resources', '15000', '--out', dataDir], { cwd: root, encoding: 'utf8' });
if (gen.status !== 0) throw new Error(`province:data failed: ${gen.stderr}`);
console.log(`  ${gen.stdout.trim().split('\n').pop()}`);
const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
const total = Object.values(manifest.resources).reduce((a, r) => a + r.count, 0);

const server = spawn(process.execPath, [join(root, 'scripts', 'server', 'serve.mjs'), '--dir', join(root, 'dist'), '--port', String(port), '--province', dataDir], { cwd: root, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/province/manifest.json`)).ok) break;
  } catch { /* not up yet */ }
  if (i > 100 || server.exitCode !== null) throw new Error('the static server did not start');
  await new Promise((r) => setTimeout(r, 200));
}

const { browser, close } = await launchBrowser();
const offOrigin = [];
const pageErrors = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await guardOrigin(context, base, offOrigin);
  const tileRequests = [];
  context.on('request', (r) => /\/province\/major-roads-tiles\/\d+\/\d+\/\d+\.pbf$/.test(r.url()) && tileRequests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
  const [w, s, e, n] = manifest.bbox;
  const center = [(w + e) / 2, (s + n) / 2];

  await check(`?dataset=province loads all ${total} resources of the 5 kinds and the ${manifest.roads.edgeCount}-edge graph into the worker; the note says 示意 and what is drawn`, async () => {
    await page.goto(`${base}/?e2e&dataset=province#map=12/${center[1].toFixed(5)}/${center[0].toFixed(5)}&view=duty`);
    await page.waitForFunction(() => window.__onemap?.dataset?.()?.network === 'ready' && window.__onemap.dataset().joined !== null, null, { timeout: 60_000 });
    const counts = await page.evaluate((kinds) => Object.fromEntries(kinds.map((k) => [k, Number(document.querySelector(`[data-testid=count-${k}]`)?.getAttribute('data-total'))])), KINDS);
    for (const k of KINDS) assert(counts[k] === manifest.resources[k].count, `${k}: ${counts[k]} loaded, manifest says ${manifest.resources[k].count}`);
    const d = await page.evaluate(() => window.__onemap.dataset());
    assert(d.edges === manifest.roads.edgeCount, `worker has ${d.edges} edges`);
    const note = await page.getByTestId('dataset-note').textContent();
    assert(note.includes('示意') && note.includes(manifest.roads.edgeCount.toLocaleString('zh-CN')) && note.includes('路网就绪'), `note: ${note}`);
    const subtitle = await page.locator('.top-bar small').first().textContent();
    assert(subtitle.includes('示意省'), `top bar says ${subtitle}`);
  });

  await check('every resource is drawn, clustered in the worker with all kinds mixed (the whole small province is in view)', async () => {
    await page.waitForFunction((t) => {
      const c = window.__onemap.drawnCounts();
      return Object.values(c).reduce((a, b) => a + b, 0) === t;
    }, total, { timeout: 30_000 });
    const clusters = await page.evaluate(() => window.__onemap.drawnClusters());
    assert(clusters.length > 0, 'no clusters drawn');
    const kindsInClusters = new Set(clusters.flatMap((c) => Object.keys(c.kindCounts)));
    for (const k of KINDS) assert(kindsInClusters.has(k), `no cluster holds a ${k}`);
    assert(clusters.some((c) => Object.keys(c.kindCounts).length >= 2), 'no cluster mixes kinds');
    // the legend says what these clusters hold: every kind (not the demo's camera clusters)
    const legend = await page.getByTestId('legend').textContent();
    assert(legend.includes('五类资源合计') && !legend.includes('视频点聚合'), `legend: ${legend}`);
    const roadLayers = await page.evaluate(() => window.__onemap.mapLayerIds().filter((id) => id.startsWith('road-')));
    assert(roadLayers.length > 0, 'no road layers');
    // drawn from the dataset's vector tiles (MapLibre sends no copy of a GeoJSON file back to the page)
    assert(manifest.roads.drawnTiles && tileRequests.length > 0, `no road tiles fetched (${manifest.roads.drawnTiles?.path ?? 'no drawnTiles in the manifest'})`);
    await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: 30_000 });
    await page.screenshot({ path: join(outDir, 'province-clusters.png') });
  });

  await check('a click on empty map answers the nearest lists of the four duty kinds by travel time; a fire station\'s rescue circle is drawn', async () => {
    // near the south-west corner: the far side of the area is beyond the first bound
    const nearCorner = [w + (e - w) * 0.12, s + (n - s) * 0.12];
    await page.evaluate((hash) => (location.hash = hash), `map=17/${nearCorner[1].toFixed(5)}/${nearCorner[0].toFixed(5)}&view=duty`);
    await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: 30_000 });
    await page.waitForTimeout(800);
    const spot = await page.evaluate(() => {
      const hook = window.__onemap;
      const taken = [...hook.drawnIcons().map((i) => i.lngLat), ...hook.drawnClusters().map((c) => c.lngLat)].map((ll) => hook.project(ll));
      const rect = document.querySelector('[data-testid=map]').getBoundingClientRect();
      // between the layer panel (left) and the duty panel (right), which lie over the map
      for (let gy = 0.2; gy <= 0.8; gy += 0.04) for (let gx = 0.3; gx <= 0.6; gx += 0.02) {
        const x = rect.width * gx, y = rect.height * gy;
        if (taken.every(([tx, ty]) => Math.hypot(tx - x, ty - y) > 40)) return [rect.left + x, rect.top + y];
      }
      return null;
    });
    assert(spot, 'no empty spot on the map');
    await page.mouse.click(spot[0], spot[1]);
    await page.waitForFunction(() => ['rescue_team', 'fire_station', 'depot', 'shelter'].every((k) => document.querySelector(`[data-testid=duty-list-${k}]`)?.getAttribute('data-mode') === 'travel' && document.querySelector(`[data-testid=duty-list-${k}] .duty-row`)), null, { timeout: 30_000 })
      .catch(async (err) => {
        await page.screenshot({ path: join(outDir, 'province-answer-failed.png') });
        throw new Error(`${err.message}; the lists: ${(await page.getByTestId('duty-lists').textContent().catch(() => '(none)')).slice(0, 400)}`);
      });
    // the bounded search's answer lists what it did not reach within its limit, per kind: a count,
    // and the names a hundred at a time when opened (never hidden, never thousands of rows at once)
    const notReached = await page.evaluate(() => [...document.querySelectorAll('[data-testid^=duty-not-reached-]')].filter((el) => el.tagName === 'DETAILS').map((el) => ({ id: el.getAttribute('data-testid'), count: Number(el.getAttribute('data-count')), text: el.querySelector('summary').textContent })));
    console.log(`    not reached within the bound: ${notReached.map((x) => `${x.id.replace('duty-not-reached-', '')} ${x.count}`).join(', ') || 'none'}`);
    assert(notReached.length > 0, 'no kind lists candidates the bounded search did not reach');
    const first = notReached[0];
    assert(/\d+ 个在 \d+ 分钟内未到达/.test(first.text), `summary: ${first.text}`);
    await page.locator(`[data-testid=${first.id}] summary`).click();
    // the names render on the details' toggle event, a moment after the click
    await page.locator(`[data-testid=${first.id}] li`).first().waitFor({ timeout: 5000 }).catch(() => {});
    const shownNames = await page.locator(`[data-testid=${first.id}] li`).count();
    assert(shownNames === Math.min(100, first.count), `${shownNames} names shown of ${first.count}`);
    const station = await page.evaluate(() => document.querySelector('[data-testid=duty-list-fire_station] .duty-row')?.getAttribute('data-testid').replace('duty-row-', ''));
    assert(station?.startsWith('PFS'), `first fire station: ${station}`);
    await page.evaluate((id) => (location.hash = `${location.hash.slice(1)}&sel=${id}`), station);
    await page.getByTestId('rescue-circle-toggle').click();
    await page.waitForFunction(() => window.__onemap.drawnBandCount() > 0, null, { timeout: 30_000 });
    await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: 30_000 });
    await page.screenshot({ path: join(outDir, 'province-answer.png') });
  });

  await check('the dispatch CSV lists every candidate the bounded search did not reach (each kind\'s count, the names shown), the print view the first 20 per kind and how many more', async () => {
    const notReached = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('details[data-testid^=duty-not-reached-]')]
      .map((el) => [el.getAttribute('data-testid').replace('duty-not-reached-', ''), { count: Number(el.getAttribute('data-count')), names: [...el.querySelectorAll('li')].map((li) => li.textContent) }])));
    const total = Object.values(notReached).reduce((a, x) => a + x.count, 0);
    assert(total > 0, 'nothing listed as not reached');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dispatch-csv').click()]);
    const csv = readFileSync(await download.path()).toString('utf8');
    const REASON = /^"[^"]*","[^"]*","([^"]+)","[^"]*","\d+ 分钟内未到达（更远，或道路不通）"/;
    const ids = csv.split('\r\n').map((line) => line.match(REASON)?.[1]).filter(Boolean);
    assert(ids.length === total, `CSV has ${ids.length} not-reached rows, the lists say ${total}`);
    assert(new Set(ids).size === ids.length, 'a not-reached candidate listed twice');
    for (const [kind, x] of Object.entries(notReached)) for (const name of x.names) assert(csv.includes(`"${name}"`), `CSV lacks ${kind} ${name}`);
    console.log(`    CSV: ${ids.length} not-reached rows (${Object.entries(notReached).map(([k, x]) => `${k} ${x.count}`).join(', ')}), ${(csv.length / 1e6).toFixed(2)} M characters`);
    await page.getByTestId('dispatch-print').click();
    await page.getByTestId('print-table').waitFor({ timeout: 15_000 });
    const cells = await page.locator('[data-testid=print-table] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    const listed = cells.filter((r) => /^\d+ 分钟内未到达/.test(r[4]) && r[2] !== '').length;
    const more = cells.filter((r) => /^另有 \d+ 个在 \d+ 分钟内未到达/.test(r[1]));
    const want = Object.values(notReached).reduce((a, x) => a + Math.min(20, x.count), 0);
    assert(listed === want, `print view lists ${listed} not reached, want ${want}`);
    assert(more.length === Object.values(notReached).filter((x) => x.count > 20).length, `print view's "more" rows: ${more.map((r) => r[1]).join(' | ')}`);
    // the end of the first kind's not-reached rows, where the print view says how many more
    await page.locator('[data-testid=print-table] tbody tr', { hasText: '另有' }).first().scrollIntoViewIfNeeded().catch(() => {});
    await page.screenshot({ path: join(outDir, 'province-print.png'), fullPage: false });
    await page.getByTestId('print-close').click();
  });

  await check('an unknown dataset is a plain message naming it, with the page still there (not white)', async () => {
    const p = await context.newPage();
    const errs = [];
    p.on('pageerror', (x) => errs.push(x.message));
    await p.goto(`${base}/?e2e&dataset=nope`);
    const alert = p.getByRole('alert').first();
    await alert.waitFor({ timeout: 30_000 });
    const text = await alert.textContent();
    assert(text.includes('nope') && text.includes('province'), `alert: ${text}`);
    assert(await p.locator('.top-bar').isVisible(), 'the top bar is gone');
    assert(errs.length === 0, `page errors: ${errs.join('; ')}`);
    await p.close();
  });

  await check('a dataset whose files are missing on the server says how to make them (npm run province:data)', async () => {
    const hidden = `${dataDir}.hidden`;
    rmSync(hidden, { recursive: true, force: true });
    renameSync(dataDir, hidden);
    try {
      const p = await context.newPage();
      await p.goto(`${base}/?e2e&dataset=province`);
      const alert = p.getByRole('alert').first();
      await alert.waitFor({ timeout: 30_000 });
      const text = await alert.textContent();
      assert(text.includes('province/manifest.json') && text.includes('npm run province:data'), `alert: ${text}`);
      await p.screenshot({ path: join(outDir, 'province-missing.png') });
      await p.close();
    } finally {
      renameSync(hidden, dataDir);
    }
  });

  await check('the default is still the Taishun demo: no request for the province', async () => {
    const p = await context.newPage();
    const asked = [];
    p.on('request', (r) => asked.push(r.url()));
    await p.goto(`${base}/?e2e`);
    await p.waitForFunction(() => Number(document.querySelector('[data-testid=count-shelter]')?.getAttribute('data-total')) > 0, null, { timeout: 30_000 });
    const subtitle = await p.locator('.top-bar small').first().textContent();
    assert(subtitle.includes('泰顺'), `subtitle: ${subtitle}`);
    assert(!asked.some((u) => u.includes('/province/')), `asked: ${asked.filter((u) => u.includes('/province/')).join(', ')}`);
    await p.close();
  });

  await check('no request left the origin and the province page logged no error', async () => {
    assert(offOrigin.length === 0, `off-origin: ${offOrigin.join(', ')}`);
    // the missing-dataset page's 404 for the manifest is expected; nothing else
    const unexpected = pageErrors.filter((x) => !/404/.test(x));
    assert(unexpected.length === 0, unexpected.join(' | '));
  });
} finally {
  await close();
  server.kill('SIGTERM');
}
finishSuite({ outDir, name: 'province', results, started });
