// Bring your own data (issue 9) on the production build, under the production CSP: the roads file
// fetched once; import a GBK CSV with three bad rows (the 17 others on the map, in the counts,
// search, the detail panel and the duty lists), an XLSX and a Gauss–Krüger Shapefile; hostile names
// stay text; a shelter's open flag and occupancy edited in its panel (kept, counted, exported);
// export then import gives the same layer (per layer and from the app, demo layers included); an
// import replacing the demo layer; layers survive a reload (IndexedDB); 100,000 rows parsed in the
// worker with a progress bar and no long task over 200 ms meanwhile. Prints `E2E: N passed, M failed`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkOriginAndErrors, ensureDir, guardOrigin, runSuite } from '../harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = ensureDir(join(root, 'tests', 'output'));
const port = Number(process.env.E2E_PORT ?? 4188);
const fixture = (name) => join(root, 'tests', 'fixtures', 'import', name);
const shot = (name) => join(outDir, `import-${name}.png`);

function metersBetween([lng1, lat1], [lng2, lat2]) {
  const r = 6371008.8, rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

/** A seeded CSV of n shelters over the county (all fields given, so no per-row notes). */
function bigCsv(n) {
  let seed = 20261201;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const lines = ['编号,名称,经度,纬度,容量,已安置,开放,typhoonSafe,level,status'];
  for (let i = 1; i <= n; i++) {
    const cap = 20 + Math.floor(rand() * 300);
    lines.push(`P${String(i).padStart(6, '0')},示意安置点${i},${(119.55 + rand() * 0.3).toFixed(6)},${(27.42 + rand() * 0.25).toFixed(6)},${cap},${Math.floor(rand() * cap)},${rand() < 0.5 ? '是' : '否'},true,village,active`);
  }
  return `${lines.join('\n')}\n`;
}

await runSuite({ name: 'import', root, port, outDir }, async ({ check, figure, server, offOrigin, pageErrors, launch, watchErrors }) => {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
  await guardOrigin(context, server.base, offOrigin);
  const page = watchErrors(await context.newPage());
  page.on('dialog', (d) => { pageErrors.push(`dialog opened: ${d.message()}`); void d.dismiss(); });
  const roadRequests = [];
  context.on('request', (req) => /\/assets\/roads-[^/]*\.geojson/.test(req.url()) && roadRequests.push(req.url()));
  const layers = () => page.evaluate(() => window.__onemap?.views?.import?.layers?.() ?? []);
  const countOf = (kind) => page.evaluate((k) => Number(document.querySelector(`[data-testid=count-${k}]`)?.getAttribute('data-total') ?? NaN), kind);
  const drawnCount = (kind) => page.evaluate((k) => window.__onemap.drawnCounts()[k], kind);
  const tonight = () => page.evaluate(() => Number(document.querySelector('[data-testid=shelter-tonight]')?.getAttribute('data-open') ?? NaN));
  async function selectById(id) {
    await page.evaluate((sel) => {
      const p = new URLSearchParams(location.hash.slice(1));
      p.set('sel', sel);
      location.hash = p.toString().replace(/%2F/g, '/').replace(/%2C/g, ',');
    }, id);
    await page.waitForFunction((sel) => document.querySelector('[data-testid=detail-panel] dd')?.textContent === sel, id, { timeout: 10_000 });
  }
  async function importFile(path, { kind = 'shelter', crs = '', mode = 'beside' } = {}) {
    const before = (await layers()).length;
    await page.getByTestId('import-kind').selectOption(kind);
    await page.getByTestId('import-crs').selectOption(crs);
    await page.getByTestId(`import-mode-${mode}`).check();
    await page.getByTestId('import-file').setInputFiles(path);
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 30_000 });
    await page.waitForFunction((n) => (window.__onemap?.views?.import?.layers?.() ?? []).length > n, before, { timeout: 10_000 }).catch(() => {});
    return (await layers()).at(-1);
  }

  await check('the page is served with the strict CSP, nosniff and frame protection', async () => {
    const r = await fetch(`${server.base}/`);
    const csp = r.headers.get('content-security-policy') ?? '';
    assert(csp.includes("script-src 'self' 'wasm-unsafe-eval';") && !/[^-]unsafe-eval|unsafe-inline|data:/.test(csp), `CSP: ${csp}`);
    assert(r.headers.get('x-content-type-options') === 'nosniff' && r.headers.get('x-frame-options') === 'DENY', 'security headers missing');
  });

  await check('the officer app fetches the roads file once (basemap and compute worker share the bytes)', async () => {
    await page.goto(`${server.base}/?e2e#view=duty&inc=119.684612,27.546943`);
    await page.waitForFunction(() => {
      const ls = window.__onemap?.views?.duty?.lists?.();
      return ls && ls.length === 4 && ls.every((l) => l.mode === 'travel');
    }, null, { timeout: 60_000 });
    assert(roadRequests.length === 1, `roads requested ${roadRequests.length} times: ${roadRequests.join(', ')}`);
  });

  await page.goto(`${server.base}/?e2e#view=import`);
  await page.waitForSelector('[data-testid=import-file]', { timeout: 30_000 });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=count-shelter]')?.getAttribute('data-total')) > 0, null, { timeout: 30_000 });
  const demoShelters = await countOf('shelter');

  await check('a GBK CSV with three bad rows: GBK is shown, the report names rows 5, 10, 15, the 17 others become a layer', async () => {
    const layer = await importFile(fixture('shelters-gbk.csv'));
    const encoding = await page.getByTestId('import-detected-encoding').textContent();
    assert(encoding.includes('GBK'), `encoding shown: ${encoding}`);
    const errorRows = await page.$$eval('[data-testid=import-report] tr[data-severity=error]', (trs) => trs.map((tr) => Number(tr.dataset.row)));
    assert(JSON.stringify(errorRows) === '[5,10,15]', `error rows: ${errorRows}`);
    const summary = await page.getByTestId('import-summary').textContent();
    assert(summary.includes('20 行中 17 行有效'), summary);
    assert(layer?.count === 17 && layer.sourceFile === 'shelters-gbk.csv', `layer: ${JSON.stringify(layer && { ...layer, resources: undefined })}`);
    await page.screenshot({ path: shot('gbk-report') });
  });

  await check('…and the 17 are on the map and in the layer panel counts (beside the demo shelters), which names the file and time', async () => {
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=count-shelter]')?.getAttribute('data-total')) === n, demoShelters + 17, { timeout: 10_000 });
    const drawn = await drawnCount('shelter');
    assert(drawn === demoShelters + 17, `shelters drawn ${drawn}, expected ${demoShelters} + 17`);
    const note = await page.getByTestId('imported-shelter').textContent();
    assert(note.includes('shelters-gbk.csv') && note.includes('17') && note.includes('(UTC+8)') && note.includes('并列'), `layer panel note: ${note}`);
    // zoomed in on one of them, it is an icon of its own
    const bz = (await layers()).at(-1).resources[3];
    await page.evaluate(([lng, lat]) => {
      const p = new URLSearchParams(location.hash.slice(1));
      p.set('map', `17/${lat}/${lng}`);
      location.hash = p.toString().replace(/%2F/g, '/').replace(/%2C/g, ',');
    }, bz.lngLat);
    await page.waitForFunction((id) => window.__onemap.drawnIcons().some((i) => i.id === id), bz.id, { timeout: 10_000 });
  });

  await check('an imported shelter is found by search, opens its detail panel with its source file (not 示意), and ranks in the duty lists', async () => {
    const bz = (await layers()).find((l) => l.sourceFile === 'shelters-gbk.csv').resources[3];
    await page.getByTestId('search-input').fill(bz.name);
    await page.getByTestId('search-results').locator('li').first().click();
    await page.waitForFunction((id) => document.querySelector('[data-testid=detail-panel] dd')?.textContent === id, bz.id, { timeout: 10_000 });
    const source = await page.getByTestId('detail-source').textContent();
    assert(source.includes('shelters-gbk.csv'), `detail source: ${source}`);
    assert((await page.locator('[data-testid=detail-panel] .synthetic-tag').count()) === 0, 'an imported row is labelled 示意');
    await page.screenshot({ path: shot('imported-detail') });
    await page.getByTestId('detail-close').click();
    // the duty view, with the incident on that shelter: it is the first shelter by road
    const hash = await page.evaluate(() => location.hash);
    try {
      await page.evaluate(([lng, lat]) => { location.hash = `view=duty&inc=${lng.toFixed(6)},${lat.toFixed(6)}`; }, bz.lngLat);
      // the incident on the shelter itself: it is in the k nearest by road (demo shelters share its spot, and both off-road legs count)
      const ok = await page.waitForFunction((id) => {
        const l = window.__onemap?.views?.duty?.lists?.()?.find((x) => x.kind === 'shelter');
        return l?.mode === 'travel' && l.rows.some((r) => r.id === id);
      }, bz.id, { timeout: 30_000 }).then(() => true, () => false);
      const shelters = (await page.evaluate(() => window.__onemap.views.duty.lists())).find((l) => l.kind === 'shelter');
      assert(ok, `duty shelter list (${shelters?.mode}) for an incident at ${bz.id}: ${shelters?.rows.map((r) => `${r.id} ${r.seconds}`).join(', ')}`);
      await page.screenshot({ path: shot('duty-imported') });
    } finally {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.waitForSelector('[data-testid=import-file]', { timeout: 10_000 });
    }
  });

  await check('a name <img src=x onerror=…> shows as text, never as HTML', async () => {
    const csv = 'id,name,lng,lat,capacity\nX1,甲,<img src=x onerror=window.__xss=1>,27.56,10\nX2,<img src=x onerror=window.__xss=2>,119.72,27.56,10\n';
    const path = join(outDir, 'import-xss.csv');
    writeFileSync(path, csv);
    await importFile(path);
    const cells = await page.$$eval('[data-testid=import-report] td', (tds) => tds.map((td) => td.textContent));
    assert(cells.some((c) => c.includes('<img src=x onerror=window.__xss=1>')), 'the value is not shown as text in the report');
    const layer = (await layers()).at(-1);
    assert(layer.resources[0].name === '<img src=x onerror=window.__xss=2>', `name kept as text: ${layer.resources[0].name}`);
    assert((await page.$$('img[src=x]')).length === 0, 'an <img> element was created from data');
    assert((await page.evaluate(() => window.__xss)) === undefined, 'script from data ran');
  });

  await check('an XLSX lands: 16 of 20 rows, the formula cell without a cached value reported as its formula text', async () => {
    const layer = await importFile(fixture('shelters.xlsx'));
    assert(layer?.count === 16, `count ${layer?.count}`);
    const values = await page.$$eval('[data-testid=import-report] tr[data-row="8"] td', (tds) => tds.map((td) => td.textContent));
    assert(values.includes('=SUM(E2:E3)'), `row 8: ${values.join(' | ')}`);
  });

  await check('columns the importer cannot guess (X值, Y值, 床位 …) are mapped in the dialog and the file read again: every row lands, one layer', async () => {
    const before = (await layers()).length;
    await importFile(fixture('shelters-odd-headers.csv'));
    const summary = await page.getByTestId('import-summary').textContent();
    assert(/0 行有效/.test(summary), `first reading: ${summary}`);
    const said = await page.getByTestId('import-report').textContent();
    assert(said.includes('no longitude/latitude column'), `report: ${said.slice(0, 200)}`);
    assert((await layers()).length === before, 'a layer was made from no valid row');
    assert(await page.getByTestId('import-remap').isDisabled(), 'read-again is enabled before any change');
    for (const [header, field] of [['站点编号', 'id'], ['站点名称', 'name'], ['X值', 'lng'], ['Y值', 'lat'], ['床位', 'capacity']]) {
      await page.getByTestId(`import-column-${header}`).selectOption(field);
    }
    await page.screenshot({ path: shot('column-mapping') });
    await page.getByTestId('import-remap').click();
    await page.waitForFunction(() => /3 行中 3 行有效/.test(document.querySelector('[data-testid=import-summary]')?.textContent ?? ''), null, { timeout: 30_000 });
    await page.waitForFunction((n) => (window.__onemap?.views?.import?.layers?.() ?? []).length === n + 1, before, { timeout: 10_000 });
    const layer = (await layers()).at(-1);
    const odd1 = layer.resources.find((r) => r.id === 'ODD1');
    assert(layer.count === 3 && odd1?.name === '示意甲点' && odd1.capacity === 120 && odd1.address === '示意路1号', `layer: ${JSON.stringify(odd1)}`);
    assert(await page.getByTestId('import-column-X值').inputValue() === 'lng', 'the mapping shown is not the one applied');
    // Another correction re-reads again and replaces that layer rather than adding a second.
    await page.getByTestId('import-column-地址').selectOption('');
    await page.getByTestId('import-remap').click();
    await page.waitForFunction((n) => {
      const ls = window.__onemap?.views?.import?.layers?.() ?? [];
      return ls.length === n + 1 && ls.at(-1).resources.every((r) => r.address === undefined);
    }, before, { timeout: 30_000 });
    assert((await layers()).at(-1).resources.find((r) => r.id === 'ODD1')?.lngLat[0] === 119.705, 'the earlier corrections were lost');
  });

  await check('a zipped Shapefile in CGCS2000 Gauss–Krüger (.prj, GBK .cpg) lands within 1 m of where it should', async () => {
    const layer = await importFile(fixture('shelters-gk.zip'));
    const expected = JSON.parse(readFileSync(fixture('shelters-gk.expected.json'), 'utf8'));
    assert(layer?.count === expected.length, `count ${layer?.count}`);
    for (const e of expected) {
      const r = layer.resources.find((x) => x.id === e.id);
      assert(r && r.name === e.name, `${e.id}: ${r?.name}`);
      const d = metersBetween(r.lngLat, e.lngLat);
      assert(d < 1, `${e.id} is ${d.toFixed(2)} m off`);
    }
    await page.screenshot({ path: shot('shapefile') });
  });

  await check('export then import gives the same layer (GeoJSON and CSV)', async () => {
    const source = (await layers()).find((l) => l.sourceFile === 'shelters-gbk.csv');
    for (const format of ['geojson', 'csv']) {
      const item = page.locator(`[data-testid=import-layers] li`).filter({ hasText: 'shelters-gbk.csv' }).first();
      const [download] = await Promise.all([page.waitForEvent('download'), item.getByTestId(`export-${format}`).click()]);
      const path = join(outDir, `import-roundtrip.${format}`);
      await download.saveAs(path);
      const back = await importFile(path);
      assert(JSON.stringify(back.resources) === JSON.stringify(source.resources), `${format}: the re-imported layer differs`);
    }
  });

  let edited;
  await check("a shelter's open flag and occupancy edited in its panel: the open count, the panel and the duty list follow, kept across a reload", async () => {
    const before = await tonight();
    const sh = await page.evaluate(() => window.__onemap.views.import.exportRows?.('shelter')?.find((r) => r.kind === 'shelter' && !r.open && r.capacity >= 50 && r.synthetic));
    assert(sh, 'no closed demo shelter to open');
    await selectById(sh.id);
    await page.getByTestId('shelter-edit-open').check();
    await page.getByTestId('shelter-edit-occupancy').fill(String(sh.capacity + 1));
    const problem = await page.getByTestId('shelter-edit-problem').textContent();
    assert(problem.includes(String(sh.capacity)) && await page.getByTestId('shelter-edit-save').isDisabled(), `over capacity: ${problem}`);
    await page.getByTestId('shelter-edit-occupancy').fill('42');
    await page.getByTestId('shelter-edit-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=detail-occupancy]')?.textContent === '42', null, { timeout: 10_000 });
    assert((await page.getByTestId('detail-open').textContent()) === '是', 'the panel does not say open');
    assert((await tonight()) === before + 1, `open shelters ${await tonight()} (was ${before})`);
    await page.screenshot({ path: shot('shelter-edit') });
    await page.reload();
    await page.waitForSelector('[data-testid=shelter-edit-note]', { timeout: 30_000 });
    assert((await page.getByTestId('detail-occupancy').textContent()) === '42', 'the edit was not kept');
    assert((await tonight()) === before + 1, `after a reload open shelters ${await tonight()} (was ${before})`);
    edited = { id: sh.id, before };
    // the duty view's shelter list for an incident at it shows the edit: open, capacity − 42 free
    const hash = await page.evaluate(() => location.hash);
    try {
      await page.getByTestId('detail-close').click();
      await page.evaluate(([lng, lat]) => { location.hash = `view=duty&inc=${lng.toFixed(6)},${lat.toFixed(6)}`; }, sh.lngLat);
      await page.waitForFunction((id) => window.__onemap?.views?.duty?.lists?.()?.find((l) => l.kind === 'shelter')?.rows.some((r) => r.id === id), sh.id, { timeout: 30_000 });
      const row = await page.getByTestId(`duty-row-${sh.id}`).textContent();
      assert(row.includes(`空余 ${sh.capacity - 42} 床位`) && !row.includes('未开放'), `duty row: ${row}`);
    } finally {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.waitForSelector('[data-testid=import-file]', { timeout: 10_000 });
    }
  });

  await check('export from the app: the whole shelter layer (demo + imported, with the edit) as CSV, XLSX and GeoJSON, imported again replacing the demo layer, gives the same rows', async () => {
    await page.getByTestId('export-scope').selectOption('all');
    await page.getByTestId('export-kind').selectOption('shelter');
    for (const format of ['csv', 'xlsx', 'geojson']) {
      const shown = await page.evaluate(() => window.__onemap.views.import.exportRows('shelter'));
      const e = shown.find((r) => r.id === edited?.id);
      assert(e && e.open === true && e.occupancy === 42, `the edited shelter in the export: ${JSON.stringify(e)}`);
      assert(Number(await page.getByTestId('export-count').getAttribute('data-count')) === shown.length, 'the export count is not the layer');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-app-${format}`).click()]);
      const path = join(outDir, `import-app-export.${format}`);
      await download.saveAs(path);
      if (format === 'csv') {
        const text = readFileSync(path, 'utf8');
        const header = text.replace(/^\uFEFF/, '').split('\r\n')[0].split(',');
        const row = text.split('\r\n').find((l) => l.startsWith(`"${edited.id}"`) || l.startsWith(`${edited.id},`)).split(',');
        assert(row[header.indexOf('occupancy')].replace(/"/g, '') === '42' && row[header.indexOf('open')].replace(/"/g, '') === 'true', `CSV row: ${row.join(',')}`);
      }
      const back = await importFile(path, { mode: 'replace' });
      assert(back.count === shown.length, `${format}: ${back.count} rows back of ${shown.length}`);
      assert(JSON.stringify(back.resources) === JSON.stringify(shown), `${format}: the re-imported rows differ`);
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid=count-shelter]')?.getAttribute('data-total')) === n, shown.length, { timeout: 10_000 });
    }
    const note = await page.getByTestId('imported-shelter').textContent();
    assert(note.includes('替换示意图层'), `layer panel: ${note}`);
  });

  await check('export from the app: the rows the layer panel filters leave, and the one resource whose panel is open', async () => {
    await page.getByTestId('filter-shelter-tonight').selectOption('open');
    const visible = Number(await page.getByTestId('count-shelter').getAttribute('data-visible'));
    await page.getByTestId('export-scope').selectOption('filtered');
    await page.getByTestId('export-kind').selectOption('shelter');
    const n = Number(await page.getByTestId('export-count').getAttribute('data-count'));
    assert(n === visible && visible > 0 && visible < (await countOf('shelter')), `filtered export ${n}, panel shows ${visible}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-app-geojson').click()]);
    const path = join(outDir, 'import-app-filtered.geojson');
    await download.saveAs(path);
    const fc = JSON.parse(readFileSync(path, 'utf8'));
    assert(fc.features.length === visible && fc.features.every((f) => f.properties.open === true), `filtered file: ${fc.features.length} features`);
    await page.getByTestId('filter-shelter-tonight').selectOption('all');
    await selectById(edited.id);
    await page.getByTestId('export-scope').selectOption('selected');
    assert(Number(await page.getByTestId('export-count').getAttribute('data-count')) === 1, 'the open resource is not one row');
    const [one] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-app-csv').click()]);
    assert(one.suggestedFilename() === `onemap-${edited.id}.csv`, one.suggestedFilename());
    await page.getByTestId('detail-close').click();
    await page.getByTestId('export-scope').selectOption('all');
  });

  await check('an import replacing the demo layer: only its rows are shelters, the demo ones come back when it is removed', async () => {
    for (const l of await layers()) await page.getByTestId(`import-layer-${l.id}`).getByRole('button', { name: '删除' }).click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=count-shelter]')?.getAttribute('data-total')) === n, demoShelters, { timeout: 10_000 });
    await importFile(fixture('shelters-gbk.csv'), { mode: 'replace' });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=count-shelter]')?.getAttribute('data-total')) === 17, null, { timeout: 10_000 });
    assert((await drawnCount('shelter')) === 17, `drawn ${await drawnCount('shelter')}`);
    assert((await countOf('rescue_team')) > 0, 'other kinds are untouched');
    await page.screenshot({ path: shot('replaced') });
  });

  await check('imported layers are kept in IndexedDB with their source file and survive a reload', async () => {
    const before = (await layers()).map((l) => l.sourceFile);
    await page.reload();
    await page.waitForFunction((n) => (window.__onemap?.views?.import?.layers?.() ?? []).length === n, before.length, { timeout: 15_000 });
    const after = (await layers()).map((l) => l.sourceFile);
    assert(JSON.stringify(after) === JSON.stringify(before), `${after} vs ${before}`);
    const listed = await page.getByTestId('import-layers').textContent();
    assert(listed.includes('shelters-gbk.csv'), listed);
    assert((await countOf('shelter')) === 17, `after a reload the replacing layer gives ${await countOf('shelter')} shelters`);
  });

  let parseFrames = null; // the long tasks and frames while the 100,000 rows parsed, for the figure below
  await check('100,000 rows parse in the worker with a progress bar and land', async () => {
    // the whole county in view
    await page.evaluate(() => {
      const p = new URLSearchParams(location.hash.slice(1));
      p.set('map', '10/27.55/119.70');
      location.hash = p.toString().replace(/%2F/g, '/').replace(/%2C/g, ',');
    });
    await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: 60_000 }).catch(() => {});
    await page.waitForTimeout(1000);
    const path = join(outDir, 'import-100k.csv');
    writeFileSync(path, bigCsv(100_000));
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: false });
      // long animation frames say how much of a long task was script (the import's own work) and how much drawing
      window.__longFrames = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__longFrames.push({ start: e.startTime, ms: e.duration, scriptMs: (e.scripts ?? []).reduce((n, x) => n + x.duration, 0), scripts: (e.scripts ?? []).map((x) => `${x.invoker ?? x.invokerType} ${Math.round(x.duration)} ms`) });
        }
      }).observe({ type: 'long-animation-frame', buffered: false });
      window.__progress = [];
      const tick = () => {
        const p = document.querySelector('[data-testid=import-progress]');
        if (p && p.hasAttribute('value')) {
          const v = Number(p.getAttribute('value')) / Number(p.getAttribute('max'));
          if (window.__progress.at(-1) !== v) window.__progress.push(v);
        }
        if (!document.querySelector('[data-testid=import-summary]')) requestAnimationFrame(tick);
        else window.__parsedAt = performance.now();
      };
      window.__pickedAt = performance.now();
      requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    await page.getByTestId('import-mode-beside').check();
    await page.getByTestId('import-file').setInputFiles(path);
    await page.waitForSelector('[data-testid=import-summary]', { timeout: 120_000 });
    const parseMs = Date.now() - t0;
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=count-shelter]')?.getAttribute('data-total')) === n, 17 + 100_000, { timeout: 60_000 });
    const landMs = Date.now() - t0;
    // on the map: over 20,000 points the shell clusters in the cluster worker (as for a province)
    await page.waitForFunction(() => {
      return window.__onemap.drawnClusters().some((c) => c.kindCounts.shelter > 100) || window.__onemap.drawnIcons().some((i) => /^P\d{6}$/.test(i.id));
    }, null, { timeout: 60_000 });
    const drawnMs = Date.now() - t0;
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => ({ progress: window.__progress, tasks: window.__longTasks, frames: window.__longFrames, pickedAt: window.__pickedAt, parsedAt: window.__parsedAt }));
    const during = r.tasks.filter((t) => t.start + t.ms <= r.parsedAt);
    const framesDuring = r.frames.filter((f) => f.start <= r.parsedAt);
    // The import's own work is script: a long animation frame says how much of its time was script
    // and which (Worker.onmessage: the parts arriving). Whole long tasks are printed, not asserted: on
    // a loaded machine SwiftShader's software drawing makes them long whatever the page runs.
    const frameOf = (t) => framesDuring.find((f) => f.start <= t.start + 1 && f.start + f.ms >= t.start + t.ms - 1);
    const after = r.tasks.filter((t) => t.start + t.ms > r.parsedAt);
    console.log(`  100,000 rows: parsed in ${(parseMs / 1000).toFixed(1)} s, in the counts after ${(landMs / 1000).toFixed(1)} s, on the map after ${(drawnMs / 1000).toFixed(1)} s; progress ${r.progress.map((v) => v.toFixed(2)).join(' ')}`);
    const at = (t) => `${Math.round(t.ms)} ms at +${((t.start - r.pickedAt) / 1000).toFixed(1)} s`;
    console.log(`  long tasks while parsing (report shown at +${((r.parsedAt - r.pickedAt) / 1000).toFixed(1)} s): ${during.map(at).join(', ') || 'none'}; after, while the rows land (store, merge, draw): ${after.map(at).join(', ') || 'none'}`);
    assert(r.progress.length >= 3 && r.progress.every((v, i) => i === 0 || v > r.progress[i - 1]), `progress did not advance: ${r.progress}`);
    const over = during.filter((t) => t.ms > 200);
    if (over.length) console.log(`  long tasks over 200 ms while parsing, with their frame's script time: ${over.map((t) => `${Math.round(t.ms)} ms (${frameOf(t) ? `script ${Math.round(frameOf(t).scriptMs)} ms: ${frameOf(t).scripts.join(', ')}` : 'no frame recorded'})`).join('; ')}`);
    console.log(`  long animation frames while parsing: ${framesDuring.length}, the most script in one ${Math.round(Math.max(0, ...framesDuring.map((f) => f.scriptMs)))} ms`);
    parseFrames = { during, framesDuring };
    const summary = await page.getByTestId('import-summary').textContent();
    assert(summary.includes('100000 行中 100000 行有效'), summary);
    assert((await layers()).at(-1).count === 100_000, 'the layer does not hold the 100,000 rows');
    await page.screenshot({ path: shot('100k') });
  });

  // Recorded, not asserted (a wall-clock figure; the product guide's rule): the import's own work
  // is script, so a long animation frame's script time is its share of a long task.
  await figure('no long task over 200 ms of script while the 100,000 rows parse (long animation frames)', async () => {
    if (!parseFrames) return { met: false, summary: 'not measured: the 100,000-row import above failed' };
    const { during, framesDuring } = parseFrames;
    const heavy = framesDuring.filter((f) => f.scriptMs > 200);
    return {
      met: heavy.length === 0,
      summary: `${framesDuring.length} long animation frames while parsing, the most script in one ${Math.round(Math.max(0, ...framesDuring.map((f) => f.scriptMs)))} ms; whole long tasks: ${during.length}, the longest ${Math.round(Math.max(0, ...during.map((t) => t.ms)))} ms${heavy.length ? `; over 200 ms of script: ${heavy.map((f) => f.scripts.join(', ')).join('; ')}` : ''}`,
    };
  });

  await checkOriginAndErrors(check, { offOrigin, pageErrors }, { errorsName: 'no CSP violation, page error or console error (import worker, map, icons, controls)' });
});
