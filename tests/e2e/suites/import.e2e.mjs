// Bring your own data (issue 9) on the production build, under the production CSP: import a GBK
// CSV with three bad rows, an XLSX and a Gauss–Krüger Shapefile; hostile names stay text; export
// then import gives the same layer; layers survive a reload (IndexedDB). Prints `E2E: N passed, M failed`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, createRunner, ensureDir, finishSuite, guardOrigin, launchBrowser, startPreview } from '../harness.mjs';

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
  const context = await launched.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
  await guardOrigin(context, server.base, offOrigin);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
  page.on('dialog', (d) => { pageErrors.push(`dialog opened: ${d.message()}`); void d.dismiss(); });
  const layers = () => page.evaluate(() => window.__onemap?.views?.import?.layers?.() ?? []);
  async function importFile(path, { kind = 'shelter', crs = '' } = {}) {
    const before = (await layers()).length;
    await page.getByTestId('import-kind').selectOption(kind);
    await page.getByTestId('import-crs').selectOption(crs);
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

  await page.goto(`${server.base}/?e2e#view=import`);
  await page.waitForSelector('[data-testid=import-file]', { timeout: 30_000 });

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

  await check('imported layers are kept in IndexedDB with their source file and survive a reload', async () => {
    const before = (await layers()).map((l) => l.sourceFile);
    await page.reload();
    await page.waitForFunction((n) => (window.__onemap?.views?.import?.layers?.() ?? []).length === n, before.length, { timeout: 15_000 });
    const after = (await layers()).map((l) => l.sourceFile);
    assert(JSON.stringify(after) === JSON.stringify(before), `${after} vs ${before}`);
    const listed = await page.getByTestId('import-layers').textContent();
    assert(listed.includes('shelters-gk.zip'), listed);
  });

  await check('no request left the origin', async () => {
    assert(offOrigin.length === 0, `off-origin requests:\n${[...new Set(offOrigin)].join('\n')}`);
  });
  await check('no CSP violation, page error or console error (import worker, map, icons, controls)', async () => {
    assert(pageErrors.length === 0, pageErrors.slice(0, 5).join('\n'));
  });
} catch (err) {
  results.push({ name: 'harness', ok: false, err });
  console.log(`  ✗ harness: ${err?.stack ?? err}`);
} finally {
  await close();
  server.stop();
}

finishSuite({ outDir, name: 'import', results, started });
