// The duty officer's view (issue 6) on the production build: views in the hash, placing the
// incident, who gets there first, closures, dispatch sheet. Prints `E2E: N passed, M failed`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkOriginAndErrors, createRunner, ensureDir, finishSuite, guardOrigin, launchBrowser, recordLongTasks, requireBuild, startPreview } from '../harness.mjs';
import { demoResources, emptyRoadPoint, metersBetween, routeThird, setMapInHash } from '../duty-incident.mjs';
import { changedFraction } from '../png.mjs';
import { mapShot, waitForStableMap } from '../map-shots.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = ensureDir(join(root, 'tests', 'output'));
const port = Number(process.env.E2E_PORT ?? 4188);
const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const shot = (name) => join(outDir, `duty-${name}.png`);

const allResources = demoResources(root);

async function waitForData(page) {
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=count-rescue_team]')?.getAttribute('data-total')) > 0, null, { timeout: 30_000 });
}

/** Screen position (page coordinates) of a [lng, lat]. */
async function screenOf(page, lngLat) {
  const [x, y] = await page.evaluate((ll) => window.__onemap.project(ll), lngLat);
  const box = await page.getByTestId('map').boundingBox();
  return [box.x + x, box.y + y];
}

/** Long tasks while dragging the map about and back (the plainest interaction: no new layer, no worker answer). */
const plainWindows = [];
/** Map navigation inside a step (a zoom jump, a search hit's move): its tasks are printed apart with their cause, not asserted. */
const navWindows = [];
async function navigation(page, name, fn) {
  const t0 = await page.evaluate(() => performance.now());
  await fn();
  navWindows.push({ name, start: t0, end: await page.evaluate(() => performance.now()) });
}
async function plainFramesAt(page) {
  const t0 = await page.evaluate(() => performance.now());
  const box = await page.getByTestId('map').boundingBox();
  const [x, y] = [box.x + box.width * 0.6, box.y + box.height * 0.5];
  for (const [dx, dy] of [[120, 40], [-120, -40]]) {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx, y + dy, { steps: 12 });
    await page.mouse.up();
    await page.waitForTimeout(600);
  }
  await page.waitForTimeout(800);
  const t1 = await page.evaluate(() => performance.now());
  plainWindows.push([t0, t1]);
  return (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= t0 && t.start < t1);
}

const incidentParam = (url) => new URLSearchParams(new URL(url).hash.slice(1)).get('inc');
const hashParam = (url, key) => new URLSearchParams(new URL(url).hash.slice(1)).get(key);

/** What the lists show, from the page (test hook): per kind, mode and rows. */
const listsOf = (page) => page.evaluate(() => window.__onemap.views.duty.lists());
const firstTeamList = async (page) => (await listsOf(page)).find((l) => l.kind === 'rescue_team').rows;
const firstTeam = async (page) => (await firstTeamList(page))[0];
const resourceAt = (id) => allResources.find((f) => f.properties.id === id).geometry.coordinates;

/** Waits until every kind shows its travel-time list. */
async function waitForTravelLists(page, timeout = 30_000) {
  await page.waitForFunction(() => {
    const ls = window.__onemap?.views?.duty?.lists?.();
    return ls && ls.length === 4 && ls.every((l) => l.mode === 'travel');
  }, null, { timeout });
}

/** `npm run onemap -- nearest` for the same incident and data (the CLI's own process). */
function cliNearest(incident, resourcesFile, extra = []) {
  const out = join(mkdtempSync(join(tmpdir(), 'duty-e2e-')), 'nearest.json');
  execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src', 'cli', 'onemap.ts'), 'nearest',
    '--roads', join(root, 'data/taishun/roads.geojson'), '--resources', join(root, resourcesFile), '--incident', incident, '--k', '500', '--out', out, ...extra], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return JSON.parse(readFileSync(out, 'utf8'));
}

requireBuild(root);

const runner = createRunner();
const { results, figures, figure } = runner;
// Every check notes where it started on the page's clock, so each long task is put to its step.
const stepMarks = [];
let markPage = null;
const check = async (name, fn) => {
  if (markPage) stepMarks.push({ name, start: await markPage.evaluate(() => performance.now()).catch(() => 0) });
  return runner.check(name, fn);
};
/** The longest script of a long animation frame, as ` [what N ms]`. */
const topScript = (f) => {
  const top = f.scripts.reduce((a, x) => (!a || x.ms > a.ms ? x : a), null);
  return top ? ` [${top.what} ${top.ms} ms]` : '';
};
const stepOf = (t) => [...stepMarks].reverse().find((m) => m.start <= t)?.name ?? '(before the steps)';
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
  // Long animation frames (LoAF) say how much of a long frame was our scripts and how much was
  // rendering / waiting for the GPU (software WebGL here), so both are printed.
  await recordLongTasks(context);
  const page = await context.newPage();
  markPage = page;
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
  const app = `${server.base}/?e2e`;
  const incidentAt = emptyRoadPoint(root, allResources);

  await check('the duty view is the default and lives in the hash (#view=duty); an unknown view falls back to it', async () => {
    await page.goto(`${app}#view=nonsense&inc=1,2`);
    await waitForData(page);
    await page.getByTestId('view-duty').waitFor();
    await page.waitForFunction(() => location.hash.includes('view=duty'));
    assert(!page.url().includes('inc='), `an unknown view's params were kept: ${page.url()}`);
  });

  /** Long tasks recorded since `since` (ms on the page clock), over 200 ms. */
  let stepsStart = 0;
  let plainBefore = [];

  await check(`a click on empty map places the incident and the hash gets inc= (${incidentAt.join(',')})`, async () => {
    await page.goto(`${app}#map=14/${incidentAt[1]}/${incidentAt[0]}&view=duty`);
    await waitForData(page);
    await waitForStableMap(page);
    plainBefore = await plainFramesAt(page);
    await waitForStableMap(page);
    stepsStart = await page.evaluate(() => performance.now());
    await page.evaluate(() => {
      window.__dutyModes = [];
      const note = () => {
        const m = document.querySelector('[data-testid=duty-list-rescue_team]')?.getAttribute('data-mode');
        if (m && window.__dutyModes[window.__dutyModes.length - 1] !== m) window.__dutyModes.push(m);
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-mode'] });
    });
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

  await check('a #view=duty&inc=… link in a fresh page opens straight onto its answers', async () => {
    const fresh = await context.newPage();
    fresh.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    await fresh.goto(`${app}#map=14/${incidentAt[1]}/${incidentAt[0]}&view=duty&inc=${incidentAt[0].toFixed(6)},${incidentAt[1].toFixed(6)}`);
    await fresh.getByTestId('marker-incident').waitFor({ timeout: 15_000 });
    await waitForTravelLists(fresh);
    await fresh.close();
  });

  await check('the straight-line list appears first, then the travel-time list replaces it; each list says which it shows', async () => {
    const modes = await page.evaluate(() => window.__dutyModes);
    assert(modes.length > 0, 'no list was ever shown');
    assert(modes[0] === 'straight', `first list shown: ${modes[0]} (sequence ${modes.join(' → ')})`);
    await waitForTravelLists(page);
    const label = await page.getByTestId('duty-mode-rescue_team').textContent();
    assert(label === '按道路行驶时间', `travel list labelled ${label}`);
    const rows = await page.locator('[data-testid=duty-list-rescue_team] .duty-row').count();
    assert(rows === 5, `team rows ${rows} ≠ k = 5`);
    await waitForStableMap(page);
    await page.screenshot({ path: shot('02-lists') });
  });

  const teams = readJson('data/taishun/resources/rescue-teams.geojson').features;
  const statusOf = new Map(teams.map((f) => [f.properties.id, f.properties.status]));
  let team0;
  await check('the first team’s ETA equals `npm run onemap -- nearest` for the same point and data (rounded up to minutes)', async () => {
    team0 = await firstTeam(page);
    const inc = incidentParam(page.url());
    const cli = cliNearest(inc, 'data/taishun/resources/rescue-teams.geojson');
    const cliActive = cli.results.filter((r) => statusOf.get(r.id) === 'active');
    assert(cliActive[0].id === team0.id, `first active team: CLI ${cliActive[0].id}, page ${team0.id}`);
    const cliMinutes = Math.ceil(cliActive[0].seconds / 60 - 1e-9);
    const shown = await page.getByTestId(`duty-row-${team0.id}`).getAttribute('data-eta-minutes');
    assert(String(cliMinutes) === shown, `ETA: CLI ${cli.results[0].seconds} s → ${cliMinutes} min, page shows ${shown} min`);
    const text = await page.getByTestId(`duty-row-${team0.id}`).locator('[data-testid=duty-eta]').textContent();
    assert(text === `${cliMinutes} 分钟`, `ETA text ${text}`);
    console.log(`      first team ${team0.id}: CLI ${cliActive[0].seconds} s → ${cliMinutes} min; page ${shown} min`);
    const tel = await page.getByTestId(`duty-call-${team0.id}`).getAttribute('href');
    assert(/^tel:[\d+]+$/.test(tel), `call link ${tel}`);
  });

  await check('selecting a row draws its road route and highlights it (off-road legs dashed)', async () => {
    const before = await mapShot(page);
    await page.getByTestId(`duty-pick-${team0.id}`).click();
    await page.waitForFunction((id) => new URLSearchParams(location.hash.slice(1)).get('pick') === id, team0.id);
    const after = await waitForStableMap(page);
    assert(changedFraction(before, after) > 0.001, 'the route changed nothing on the map');
    await page.screenshot({ path: shot('03-route') });
  });

  await check('the print view names whose route its map shows (the row picked)', async () => {
    const name = (await page.getByTestId(`duty-pick-${team0.id}`).locator('.duty-row-name').textContent()).trim();
    await page.getByTestId('dispatch-print').click();
    await page.getByTestId('print-map-image').waitFor({ timeout: 15_000 });
    const legend = await page.getByTestId('print-route-of').textContent();
    assert(legend.includes(name), `print legend "${legend}" does not name the picked ${name}`);
    assert(await page.getByTestId('print-no-route').count() === 0, 'the print view says no route is drawn beside the picked route');
    await page.getByTestId('print-close').click();
  });

  await check('hovering a list row rings that resource on the map (the map\'s highlight, and its pixels)', async () => {
    const row = (await firstTeamList(page))[1];
    const at = resourceAt(row.id);
    const before = await mapShot(page);
    await page.getByTestId(`duty-row-${row.id}`).hover();
    await page.waitForFunction((id) => window.__onemap.drawnHighlights().some((h) => h.id === 'duty-hover'), row.id, { timeout: 5000 });
    const ring = (await page.evaluate(() => window.__onemap.drawnHighlights())).find((h) => h.id === 'duty-hover');
    assert(metersBetween(ring.lngLat, at) < 1, `the hover ring is at ${ring.lngLat}, ${row.id} at ${at}`);
    const [x, y] = await screenOf(page, at);
    const box = await page.getByTestId('map').boundingBox();
    if (x > box.x + 30 && x < box.x + box.width - 30 && y > box.y + 30 && y < box.y + box.height - 30) {
      const after = await waitForStableMap(page);
      assert(changedFraction(before, after) > 0.0002, 'hovering the row changed no pixel of the map');
    } else console.log(`      (${row.id} is outside the view: its ring is checked through the map's highlight only)`);
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => !window.__onemap.drawnHighlights().some((h) => h.id === 'duty-hover'), null, { timeout: 5000 });
  });

  let closureRank;
  await check('drawing a closure line across the first team’s route changes its ETA or rank; removing it restores both', async () => {
    // a road vertex a third of the way from the team, and the direction of the road there
    const { a, b, mid } = routeThird(team0.route);
    await navigation(page, 'zoom 14 → 15 onto the route (before drawing the closure)', async () => {
      await setMapInHash(page, mid, 15);
      await waitForStableMap(page);
    });
    const [ax, ay] = await screenOf(page, a), [bx, by] = await screenOf(page, b);
    const len = Math.hypot(bx - ax, by - ay) || 1;
    const nx = -(by - ay) / len, ny = (bx - ax) / len; // perpendicular to the road
    const [mx, my] = await screenOf(page, mid);
    await page.getByTestId('closure-mode-line').click();
    await page.waitForFunction(() => window.__onemap.drawingMode?.() === 'linestring');
    await page.mouse.click(mx - nx * 30, my - ny * 30);
    await page.waitForTimeout(150);
    await page.mouse.click(mx + nx * 30, my + ny * 30);
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    await page.getByTestId('closure-0').waitFor({ timeout: 5000 });
    await page.waitForFunction(() => (window.__onemap.views.duty.closureSegments()[0] ?? 0) >= 1, null, { timeout: 15_000 });
    assert(hashParam(page.url(), 'cl')?.startsWith('L'), `hash lacks the closure: ${page.url()}`);
    await waitForTravelLists(page);
    assert((await page.getByTestId('duty-off-network').count()) === 0, 'the closure cut the incident itself off the network: not a detour test');
    const lists = await listsOf(page);
    const teamsNow = lists.find((l) => l.kind === 'rescue_team').rows;
    const idx = teamsNow.findIndex((r) => r.id === team0.id);
    const nowSec = idx >= 0 ? teamsNow[idx].seconds : null;
    closureRank = { idx, nowSec };
    const changed = idx !== 0 || Math.abs(nowSec - team0.seconds) > 1;
    assert(changed, `the closure changed neither rank nor ETA of ${team0.id} (still first, ${nowSec} s)`);
    console.log(`      closure: ${team0.id} ${team0.seconds.toFixed(1)} s rank 1 → ${nowSec === null ? 'not in top 5' : `${nowSec.toFixed(1)} s rank ${idx + 1}`}; segments closed ${await page.evaluate(() => window.__onemap.views.duty.closureSegments()[0])}`);
    await waitForStableMap(page);
    await page.screenshot({ path: shot('04-closure') });
  });

  let shareLink;
  let shownWithClosure;
  await check('the share link restores incident, closures and list in a fresh page', async () => {
    shownWithClosure = (await listsOf(page)).map((l) => l.rows.map((r) => r.id).join(',')).join('|');
    await page.getByTestId('dispatch-share').click();
    shareLink = await page.getByTestId('dispatch-share-link').inputValue();
    assert(shareLink.includes('inc=') && shareLink.includes('cl=') && shareLink.includes('view=duty'), `share link ${shareLink}`);
    const fresh = await context.newPage();
    fresh.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    fresh.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
    const u = new URL(shareLink);
    await fresh.goto(`${u.origin}${u.pathname}?e2e${u.hash}`);
    await fresh.getByTestId('marker-incident').waitFor({ timeout: 20_000 });
    await fresh.getByTestId('closure-0').waitFor({ timeout: 20_000 });
    await waitForTravelLists(fresh);
    const there = (await listsOf(fresh)).map((l) => l.rows.map((r) => r.id).join(',')).join('|');
    assert(there === shownWithClosure, `fresh page lists ${there} ≠ ${shownWithClosure}`);
    assert(hashParam(fresh.url(), 'inc') === incidentParam(page.url()), 'incident not restored');
    assert(hashParam(fresh.url(), 'pick') === team0.id, 'selection not restored');
    await fresh.close();
  });

  let csvText;
  await check('the CSV (UTF-8 with BOM) holds the rows shown', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dispatch-csv').click()]);
    const file = await download.path();
    const bytes = readFileSync(file);
    assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'no UTF-8 BOM');
    csvText = bytes.toString('utf8');
    const lists = await listsOf(page);
    for (const l of lists) for (const r of l.rows) assert(csvText.includes(`"${r.id}"`), `CSV lacks ${r.id}`);
    const dataLines = csvText.split('\r\n').filter((line) => /^"[^"]*","[^"]*","(RT|FS|DP|SH)\d+"/.test(line));
    const shownRows = lists.reduce((n, l) => n + l.rows.length + l.unreachable.length, 0);
    assert(dataLines.length === shownRows, `CSV data rows ${dataLines.length} ≠ rows shown ${shownRows}`);
    assert(csvText.includes('封路 1'), 'CSV lacks the closure');
    writeFileSync(join(outDir, 'duty-dispatch.csv'), bytes);
  });

  await check('the print view renders the map image (with legend and scale) and the table', async () => {
    await page.getByTestId('dispatch-print').click();
    await page.getByTestId('print-map-image').waitFor({ timeout: 15_000 });
    const natural = await page.getByTestId('print-map-image').evaluate((img) => img.complete && img.naturalWidth);
    assert(natural > 100, `map image width ${natural}`);
    const rows = await page.getByTestId('print-table').locator('tbody tr').count();
    const lists = await listsOf(page);
    assert(rows === lists.reduce((n, l) => n + l.rows.length + l.unreachable.length, 0), `print rows ${rows}`);
    assert(await page.getByTestId('print-scale').isVisible(), 'no scale bar');
    assert(await page.getByTestId('print-incident').isVisible(), 'the incident is not marked on the map image');
    assert((await page.getByTestId('print-sheet').textContent()).includes('示意'), 'print view lacks 示意');
    // Behind this closure the picked team may have no road route left: then none is drawn and the
    // legend says so instead of listing one.
    const pick = hashParam(page.url(), 'pick');
    const pickedWithRoute = lists.flatMap((l) => l.rows).some((r) => r.id === pick && r.route);
    assert(await page.getByTestId(pickedWithRoute ? 'print-route-of' : 'print-no-route').count() === 1, `print legend: picked ${pick}, with a route: ${pickedWithRoute}`);
    await page.screenshot({ path: shot('05-print'), fullPage: false });
    await page.emulateMedia({ media: 'print' });
    const rootHidden = await page.evaluate(() => getComputedStyle(document.getElementById('root')).display === 'none');
    assert(rootHidden, 'the app still shows when printing');
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('print-close').click();
  });

  // (a plain drag in the middle of the steps too: the machine's load changes over a run)
  const plainMiddle = await plainFramesAt(page);
  await waitForStableMap(page);

  await check('removing the closure restores the first team’s rank and ETA', async () => {
    await page.getByTestId('closure-remove-0').click();
    await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).has('cl'));
    await waitForTravelLists(page);
    const t = await firstTeam(page);
    assert(t.id === team0.id && Math.abs(t.seconds - team0.seconds) < 1e-6, `after removal: ${t.id} ${t.seconds} s, before ${team0.id} ${team0.seconds} s`);
  });

  await check('a click on a road segment closes it (listed with 1 segment); removing it reopens', async () => {
    const route = team0.route;
    const first = routeThird(route).i;
    await waitForStableMap(page);
    // A point of the route may lie under a resource icon, where a click rightly picks the icon
    // instead: try the next points of the route until one is bare road.
    let closed = false;
    const incBefore = hashParam(page.url(), 'inc');
    for (let i = first; i < Math.min(route.length - 1, first + 4) && !closed; i++) {
      const [x, y] = await screenOf(page, route[i]);
      const modeButton = page.getByTestId('closure-mode-segment');
      if ((await modeButton.getAttribute('aria-pressed')) !== 'true') await modeButton.click(); // it toggles
      await page.getByTestId('closure-help').waitFor();
      await page.mouse.click(x, y);
      closed = await page.getByTestId('closure-0').waitFor({ timeout: 4000 }).then(() => true, () => false);
      if (!closed) await page.keyboard.press('Escape');
    }
    assert(closed, 'no click on the first team\'s route closed a segment');
    // in segment mode a click closes a road, never places the incident (one did, when the shell
    // still held the view's contribution from before the mode button: a render late)
    assert(hashParam(page.url(), 'inc') === incBefore, `a click in segment mode moved the incident: ${incBefore} → ${hashParam(page.url(), 'inc')}`);
    await page.waitForFunction(() => window.__onemap.views.duty.closureSegments()[0] === 1, null, { timeout: 15_000 });
    assert(hashParam(page.url(), 'cl')?.startsWith('S'), `hash: ${page.url()}`);
    await page.getByTestId('closure-remove-0').click();
    await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).has('cl'));
  });

  await check('a flooded area drawn as a polygon over part of the first team’s route closes its segments (listed with how many), changes its ETA or rank; removing it restores both', async () => {
    const route = team0.route;
    const c = routeThird(route).a;
    const [cx, cy] = await screenOf(page, c);
    await page.getByTestId('closure-mode-area').click();
    await page.waitForFunction(() => window.__onemap.drawingMode?.() === 'polygon');
    const r = 28;
    const incBefore = hashParam(page.url(), 'inc');
    const corners = [[-r, -r], [r, -r], [r, r], [-r, r]];
    for (const [i, [dx, dy]] of corners.entries()) {
      await page.mouse.click(cx + dx, cy + dy);
      if (i < corners.length - 1) await page.waitForTimeout(150);
    }
    // Enter at once after the last vertex, as a quick hand does: every click stays the drawing's
    await page.keyboard.press('Enter');
    await page.getByTestId('closure-0').waitFor({ timeout: 5000 });
    assert(hashParam(page.url(), 'inc') === incBefore, `drawing the area moved the incident: ${incBefore} → ${hashParam(page.url(), 'inc')}`);
    await page.waitForFunction(() => (window.__onemap.views.duty.closureSegments()[0] ?? 0) >= 1, null, { timeout: 15_000 });
    const n = await page.evaluate(() => window.__onemap.views.duty.closureSegments()[0]);
    const text = await page.getByTestId('closure-0').textContent();
    assert(text.includes('淹没区') && text.includes(`封闭 ${n} 段道路`), `the closure list says: ${text} (segments ${n})`);
    assert(hashParam(page.url(), 'cl')?.startsWith('A'), `hash lacks the area: ${page.url()}`);
    await waitForTravelLists(page);
    const teamsNow = await firstTeamList(page);
    const idx = teamsNow.findIndex((t) => t.id === team0.id);
    const nowSec = idx >= 0 ? teamsNow[idx].seconds : null;
    assert(idx !== 0 || Math.abs(nowSec - team0.seconds) > 1, `the flooded area changed neither rank nor ETA of ${team0.id} (still first, ${nowSec} s)`);
    console.log(`      flooded area: ${n} segments closed; ${team0.id} ${team0.seconds.toFixed(1)} s rank 1 → ${nowSec === null ? 'not in top 5' : `${nowSec.toFixed(1)} s rank ${idx + 1}`}`);
    await waitForStableMap(page);
    await page.screenshot({ path: shot('07-flooded-area') });
    await page.getByTestId('closure-remove-0').click();
    await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).has('cl'));
    await waitForTravelLists(page);
    const t = await firstTeam(page);
    assert(t.id === team0.id && Math.abs(t.seconds - team0.seconds) < 1e-6, `after removal: ${t.id} ${t.seconds} s, before ${team0.id} ${team0.seconds} s`);
  });

  await check('supplies: "I need 20 pumps" takes depots by travel time until 20 are met, and says when all can be there', async () => {
    await page.getByTestId('duty-supplies').locator('summary').click();
    await page.getByTestId('supplies-quantity').fill('20');
    await page.getByTestId('supplies-item').selectOption('pump');
    await page.getByTestId('supplies-submit').click();
    await page.getByTestId('supplies-summary').waitFor({ timeout: 20_000 });
    const summary = await page.getByTestId('supplies-summary').textContent();
    assert(/20台 可在 \d+ 分钟内全部到达/.test(summary), `summary: ${summary}`);
    const taken = await page.getByTestId('supplies-plan').locator('tbody tr td:nth-child(2)').allTextContents();
    assert(taken.reduce((n, x) => n + Number(x), 0) === 20, `contributions ${taken} do not add up to 20`);
    assert(hashParam(page.url(), 'need') === 'pump:20', `hash: ${page.url()}`);
    await page.screenshot({ path: shot('06-supplies') });
  });

  await check('typed lat,lng coordinates are detected as swapped and place the incident', async () => {
    const [lng, lat] = incidentAt;
    await page.getByTestId('coords-input').fill(`${lat.toFixed(5)}, ${lng.toFixed(5)}`);
    await page.getByTestId('coords-submit').click();
    const note = await page.getByTestId('coords-note').textContent();
    assert(note.includes('对调'), `note: ${note}`);
    await page.waitForFunction((want) => new URLSearchParams(location.hash.slice(1)).get('inc') === want, `${lng.toFixed(5)}0,${lat.toFixed(5)}0`.replace(/(\.\d{6})\d*/g, '$1'));
  });

  await check('a search hit can be made the incident', async () => {
    const station = readJson('data/taishun/resources/fire-stations.geojson').features.filter((f) => f.properties.status === 'active')[1];
    await page.getByTestId('search-input').fill(station.properties.id);
    await navigation(page, 'the search hit: the map goes to it (before making it the incident)', async () => {
      await page.getByTestId(`search-result-${station.properties.id}`).click();
      await page.getByTestId('make-incident').waitFor();
      await waitForStableMap(page);
    });
    await page.getByTestId('make-incident').click();
    const [lng, lat] = station.geometry.coordinates;
    await page.waitForFunction((want) => new URLSearchParams(location.hash.slice(1)).get('inc') === want, `${lng.toFixed(6)},${lat.toFixed(6)}`);
    await waitForTravelLists(page);
    // (by road it need not rank first: the spec walks its off-road leg there and back)
    const rows = (await listsOf(page)).find((l) => l.kind === 'fire_station').rows;
    assert(rows.some((r) => r.id === station.properties.id), `${station.properties.id} not among the nearest stations to itself: ${rows.map((r) => r.id)}`);
  });

  await check('right-click moves the incident; dragging the marker moves it again', async () => {
    if (await page.getByTestId('detail-close').count()) await page.getByTestId('detail-close').click();
    const before = incidentParam(page.url());
    const box = await page.getByTestId('map').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + 60, { button: 'right' });
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

  await check('cameras: the cameras nearest the incident are listed (straight-line) and one plays in the page', async () => {
    await page.getByTestId('nearest-cameras').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^=camera-row-]').length > 0, null, { timeout: 20_000 });
    const ids = await page.locator('[data-testid^=camera-row-]').evaluateAll((els) => els.map((e) => e.dataset.testid.replace('camera-row-', '')));
    const hls = ids.find((id) => allResources.find((f) => f.properties.id === id)?.properties.stream?.protocol === 'hls');
    assert(hls, `no HLS camera among the nearest: ${ids}`);
    await page.getByTestId(`camera-open-${hls}`).click();
    await page.waitForFunction((vid) => (document.querySelector(`[data-testid=camera-video-${vid}]`)?.currentTime ?? 0) > 0.5, hls, { timeout: 30_000 });
    await page.getByTestId(`camera-close-${hls}`).click();
  });
  const stepsEnd = await page.evaluate(() => performance.now());

  // Recorded, not asserted (a wall-clock figure; the product guide's rule): the long tasks during
  // the steps the issue lists (incident click → lists → route → closures drawn and removed → share
  // link page → CSV → print → cameras, and the rest), against the issue's 200 ms. Software WebGL
  // (SwiftShader) on a shared 2-core machine: every frame the compositor waits for SwiftShader to
  // finish drawing (ReadPixels at the commit, seen with CDP tracing), and when other work loads the
  // machine even a plain drag of the map has frames over 200 ms. So a plain drag is measured in the
  // same page (before, in the middle of and after the steps; its tasks are not counted as steps')
  // and printed beside, each task over 200 ms with its step. The two map navigations inside steps
  // (the zoom 14 → 15 onto the route, the search hit's move to a new place) are printed apart.
  // What must hold and is asserted: the browser records the entries at all.
  await figure('no long task over 200 ms during these steps (PerformanceObserver longtask; plain map drags and the two map navigations printed apart)', async () => {
    const supported = await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask') && PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'));
    assert(supported, 'this Chromium records no longtask / long-animation-frame entries');
    const all = await page.evaluate(() => window.__longTasks);
    const inPlainDrag = (t) => plainWindows.some(([a, b]) => t.start >= a && t.start < b);
    const navOf = (t) => navWindows.find((w) => t.start >= w.start && t.start < w.end);
    const tasks = all.filter((t) => t.start >= stepsStart && t.start < stepsEnd && !inPlainDrag(t) && !navOf(t));
    const software = await page.evaluate(() => window.__onemap.softwareRenderer?.() ?? false);
    console.log(`      the map's WebGL renderer is software (SwiftShader): ${software}${software ? ' — flights jump instead of animating' : ''}`);
    const frames = (await page.evaluate(() => window.__longFrames)).filter((f) => f.start >= stepsStart && f.start < stepsEnd);
    const navOver = [];
    for (const w of navWindows) {
      const nav = all.filter((t) => navOf(t) === w);
      const navFrames = frames.filter((f) => f.start >= w.start && f.start < w.end);
      const script = Math.max(0, ...navFrames.map((f) => f.scriptMs));
      navOver.push(...nav.filter((t) => t.ms > 200).map((t) => `${t.ms} ms (${w.name})`));
      console.log(`      map navigation: ${w.name}: ${nav.length} long tasks, the longest ${Math.max(0, ...nav.map((t) => t.ms))} ms; over 200 ms: ${nav.filter((t) => t.ms > 200).map((t) => `${t.ms} ms`).join(', ') || 'none'}; the page's script in one frame at most ${script} ms`);
    }
    const plain = [...plainBefore, ...plainMiddle, ...(await plainFramesAt(page))].map((t) => t.ms).sort((a, b) => a - b);
    const quantile = (q) => (plain.length ? plain[Math.min(plain.length - 1, Math.floor(q * plain.length))] : 0);
    const over = tasks.filter((t) => t.ms > 200);
    const longFrames = frames.filter((f) => f.ms > 200);
    const loadTasks = all.filter((t) => t.start < stepsStart && t.ms > 200);
    console.log(`      before the steps (loading the page): long tasks over 200 ms ${loadTasks.map((t) => `${t.ms} ms`).join(', ') || 'none'}`);
    console.log(`      plain drag of the map (no step, the machine's own noise): ${plain.length} long tasks, median ${quantile(0.5)} ms, p90 ${quantile(0.9)} ms, max ${quantile(1)} ms, over 200 ms ${plain.filter((ms) => ms > 200).length}`);
    console.log(`      long tasks (> 50 ms) during the steps: ${tasks.length}; over 200 ms: ${over.length}; the longest ${Math.max(0, ...tasks.map((t) => t.ms))} ms`);
    console.log(`      long animation frames over 200 ms: ${longFrames.length}; script / frame: ${longFrames.map((f) => `${f.scriptMs}/${f.ms} ms${topScript(f)}`).join(', ') || '—'}`);
    for (const t of over) console.log(`        ${t.ms} ms — ${stepOf(t.start)}`);
    const navigations = navWindows.map((w) => ({ name: w.name, tasks: all.filter((t) => navOf(t) === w) }));
    writeFileSync(join(outDir, 'duty-long-tasks.json'), JSON.stringify({ plain, software, tasks: tasks.map((t) => ({ ...t, step: stepOf(t.start) })), navigations, frames: frames.map((f) => ({ ...f, step: stepOf(f.start) })) }, null, 2));
    // grouped by step, each step's name cut short, for the one-line figure
    const byStep = new Map();
    for (const t of over) {
      const step = stepOf(t.start).split(/[:;(]/)[0].trim().slice(0, 48);
      byStep.set(step, [...(byStep.get(step) ?? []), t.ms]);
    }
    const overAll = [...[...byStep].map(([step, ms]) => `${step} ${ms.join(', ')} ms`), ...navOver];
    return {
      met: overAll.length === 0,
      summary: `${tasks.length} long tasks in the steps, the longest ${Math.max(0, ...tasks.map((t) => t.ms))} ms; over 200 ms: ${overAll.join('; ') || 'none'}; plain drag p90 ${quantile(0.9)} ms, max ${quantile(1)} ms${software ? ' (SwiftShader)' : ''}`,
    };
  });

  // The page's own share: what the long tasks above cannot tell apart from SwiftShader's frames.
  // Long animation frames attribute their time to the scripts that ran in them; on a real GPU the
  // frame is little more than those scripts. Recorded, not asserted.
  await figure('the page\'s own scripts never run over 200 ms in one frame during these steps (long animation frames)', async () => {
    const frames = (await page.evaluate(() => window.__longFrames)).filter((f) => f.start >= stepsStart && f.start < stepsEnd);
    const worst = frames.reduce((a, f) => (!a || f.scriptMs > a.scriptMs ? f : a), null);
    const heavy = frames.filter((f) => f.scriptMs > 200);
    return {
      met: heavy.length === 0,
      summary: `${frames.length} long animation frames; the most script in one: ${worst ? `${worst.scriptMs} ms of a ${worst.ms} ms frame in "${stepOf(worst.start)}"${topScript(worst)}` : 'none'}${heavy.length ? `; over 200 ms: ${heavy.map((f) => `${f.scriptMs} ms in "${stepOf(f.start)}"`).join('; ')}` : ''}`,
    };
  });

  await check('a long press (a touch held ~600 ms) on a touch screen places the incident, before the finger lifts', async () => {
    const touchContext = await launched.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', hasTouch: true });
    await guardOrigin(touchContext, server.base, offOrigin);
    const tp = await touchContext.newPage();
    tp.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    tp.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
    await tp.goto(`${app}#map=14/${incidentAt[1]}/${incidentAt[0]}&view=duty`);
    await waitForData(tp);
    await waitForStableMap(tp);
    const [x, y] = await screenOf(tp, incidentAt);
    const cdp = await touchContext.newCDPSession(tp);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    const placedWhileHeld = await tp.waitForFunction(() => /(^|&)inc=/.test(location.hash.slice(1)), null, { timeout: 3000 }).then(() => true, () => false);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    assert(placedWhileHeld, 'holding a touch on the map placed no incident');
    const inc = incidentParam(tp.url()).split(',').map(Number);
    assert(metersBetween(inc, incidentAt) < 20, `incident ${inc} is not where the finger was ${incidentAt}`);
    await tp.getByTestId('marker-incident').waitFor({ timeout: 5000 });
    await touchContext.close();
  });

  await checkOriginAndErrors(check, { offOrigin, pageErrors });
} catch (err) {
  results.push({ name: 'harness', ok: false, err });
  console.log(`  ✗ harness: ${err?.stack ?? err}`);
} finally {
  await close();
  server.stop();
}

finishSuite({ outDir, name: 'duty', results, figures, started });
