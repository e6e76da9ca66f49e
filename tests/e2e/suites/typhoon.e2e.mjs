// Typhoon mode (issue 10) on the production build: a track through the file picker, circles drawn,
// the slider changes who is inside, must-leave-by ordered by urgency. Prints `E2E: N passed, M failed`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, checkOriginAndErrors, ensureDir, guardOrigin, longTasksSince, recordLongTasks, runSuite } from '../harness.mjs';
import { changedFraction } from '../png.mjs';
import { waitForStableMap } from '../map-shots.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = ensureDir(join(root, 'tests', 'output'));
const port = Number(process.env.E2E_PORT ?? 4188);
const shot = (name) => join(outDir, `typhoon-${name}.png`);
const GAEMI = join(root, 'data', 'typhoon', 'gaemi-2024-ibtracs.csv');

async function waitForData(page) {
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=count-shelter]')?.getAttribute('data-total')) > 0, null, { timeout: 30_000 });
}

const shelterIds = (page) => page.$$eval('[data-testid=typhoon-shelters] li[data-id]', (els) => els.map((e) => e.getAttribute('data-id')));
/** Moves the slider with the keyboard, hour by hour, to `iso`. */
async function setHour(page, iso) {
  const current = new Date(await page.getByTestId('typhoon-time').getAttribute('data-time')).getTime();
  const steps = Math.round((Date.parse(iso) - current) / 3_600_000);
  await page.getByTestId('typhoon-slider').focus();
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  await page.waitForFunction((want) => document.querySelector('[data-testid=typhoon-time]')?.getAttribute('data-time') === want, new Date(iso).toISOString());
}

const hashParam = (url, key) => new URLSearchParams(new URL(url).hash.slice(1)).get(key);

await runSuite({ name: 'typhoon', root, port, outDir }, async ({ check, figure, server, offOrigin, pageErrors, launch, watchErrors }) => {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  await guardOrigin(context, server.base, offOrigin);
  await recordLongTasks(context);
  const page = await context.newPage();
  watchErrors(page);
  const app = `${server.base}/?e2e`;
  let stepsStart = 0;
  let before = null;

  await check('#view=typhoon opens the typhoon view with a file picker and the demo tracks', async () => {
    await page.goto(`${app}#map=7/26.3/120.2&view=typhoon`);
    await waitForData(page);
    await page.getByTestId('typhoon-view').waitFor();
    await page.getByTestId('typhoon-file').waitFor({ state: 'attached' });
    await page.getByTestId('typhoon-demo-ibtracs').waitFor();
    before = await waitForStableMap(page);
  });

  await check('loading the Gaemi IBTrACS file through the file picker draws the track and its circles', async () => {
    const loadStart = await page.evaluate(() => performance.now());
    const t0 = Date.now();
    await page.getByTestId('typhoon-file').setInputFiles(GAEMI);
    await page.getByTestId('typhoon-storm').waitFor({ timeout: 30_000 });
    const storm = await page.getByTestId('typhoon-storm').textContent();
    assert(/GAEMI/.test(storm) && /2024201N12133/.test(storm), `storm panel: ${storm}`);
    await page.getByTestId('typhoon-slider').waitFor();
    const time = await page.getByTestId('typhoon-time').getAttribute('data-time');
    console.log(`      first answer after ${Date.now() - t0} ms; default hour ${time}`);
    assert(time === '2024-07-24T16:00:00.000Z' || time.startsWith('2024-07-2'), `default hour ${time}`);
    const after = await waitForStableMap(page);
    const firstDraw = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= loadStart && t.ms > 200);
    console.log(`      long tasks while the new layers are first drawn (WebGL program compilation): ${firstDraw.map((t) => `${t.ms} ms`).join(', ') || 'none'}`);
    const changed = changedFraction(before, after, 24);
    console.log(`      map pixels changed by the track and circles: ${(changed * 100).toFixed(1)} %`);
    assert(changed > 0.03, `the map barely changed (${changed})`);
    // the 34-kt circle's fill is a translucent yellow: look for it on the map
    let yellow = 0;
    for (let i = 0; i < after.rgba.length; i += 4 * 7) {
      const r = after.rgba[i], g = after.rgba[i + 1], b = after.rgba[i + 2];
      if (r > 200 && g > 170 && b < 150 && r - b > 90) yellow++;
    }
    assert(yellow > 200, `no yellow circle fill found (${yellow} samples)`);
    await page.screenshot({ path: shot('01-loaded') });
  });

  await check('moving the slider changes which shelters are listed inside the 34-kt circle', async () => {
    await page.goto(`${app}#map=8/26.6/119.9&view=typhoon`);
    await page.getByTestId('typhoon-file').setInputFiles(GAEMI);
    await page.getByTestId('typhoon-slider').waitFor({ timeout: 30_000 });
    await waitForStableMap(page);
    // Long tasks are counted from here: the first drawing of the new layers compiles deck.gl's
    // WebGL programs, which SwiftShader (software GL) does synchronously for seconds; they are
    // reported above, not asserted.
    stepsStart = await page.evaluate(() => performance.now());
    await setHour(page, '2024-07-25T02:00:00Z');
    const early = await shelterIds(page);
    await setHour(page, '2024-07-25T08:00:00Z');
    const later = await shelterIds(page);
    assert(hashParam(page.url(), 't') === '2024-07-25T08', `hash t= ${hashParam(page.url(), 't')}`);
    console.log(`      shelters inside at 02:00Z: ${early.length}, at 08:00Z: ${later.length}`);
    assert(later.length > 0, 'no shelter inside at 08:00Z');
    assert(JSON.stringify(early) !== JSON.stringify(later), 'the shelter list did not change');
    await waitForStableMap(page);
    await page.screenshot({ path: shot('02-slider') });
  });

  await check('must leave by: villages ordered by urgency, late ones red, each with its responsible person and a call button', async () => {
    await setHour(page, '2024-07-25T02:00:00Z');
    await page.getByTestId('typhoon-leave-list').waitFor({ timeout: 60_000 });
    const shown = await page.$$eval('[data-testid=typhoon-leave-list] > li', (els) => els.length);
    assert(shown === 50, `first the 50 most urgent rows, got ${shown}`);
    await page.getByTestId('typhoon-leave-all').click();
    const rows = await page.$$eval('[data-testid=typhoon-leave-list] > li', (els) => els.map((e) => ({
      id: e.getAttribute('data-id'), deadline: e.getAttribute('data-deadline'), late: e.getAttribute('data-late'),
      color: getComputedStyle(e).color, tel: e.querySelector('a[href^="tel:"]')?.getAttribute('href') ?? null,
    })));
    assert(rows.length > 10, `only ${rows.length} rows`);
    const keys = rows.map((r) => (r.deadline === '' ? -Infinity : Number(r.deadline)));
    for (let i = 1; i < keys.length; i++) assert(keys[i - 1] <= keys[i], `row ${i} (${rows[i].id}) is more urgent than row ${i - 1}`);
    const now = new Date(await page.getByTestId('typhoon-time').getAttribute('data-time')).getTime();
    for (const r of rows) assert((r.late === '1') === (r.deadline === '' || Number(r.deadline) <= now), `late flag of ${r.id}`);
    const late = rows.filter((r) => r.late === '1');
    console.log(`      ${rows.length} villages, ${late.length} past their deadline at the chosen hour`);
    assert(late.length > 0 && late.length < rows.length, `late ${late.length} of ${rows.length}`);
    assert(/rgb\(17[0-9], 0, 3[0-9]\)/.test(late[0].color), `late row colour ${late[0].color}`);
    assert(rows.every((r) => r.tel && /^tel:0577/.test(r.tel)), 'a row without a tel: call button');
    await page.waitForFunction(() => /规划的容量约束/.test(document.querySelector('[data-testid=typhoon-leave-plan]')?.textContent ?? ''), null, { timeout: 90_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=typhoon-leave-list] > li')].some((li) => /至规划安置点/.test(li.textContent)), null, { timeout: 60_000 });
    const people = await page.locator('[data-testid=typhoon-leave-list] [data-testid=typhoon-leave-people]').first().textContent();
    assert(/需转移 \d+ 人/.test(people), `the planner's people who must move are not shown: ${people}`);
    await page.getByTestId('typhoon-leave').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('03-leave-by') });
  });

  await check('driving instead of walking gives later deadlines', async () => {
    const walk = await page.$$eval('[data-testid=typhoon-leave-list] > li', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-id'), Number(e.getAttribute('data-deadline'))])));
    await page.getByTestId('typhoon-mode-drive').check();
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('mode') === 'drive');
    await page.waitForFunction((w) => {
      const els = [...document.querySelectorAll('[data-testid=typhoon-leave-list] > li')];
      return els.some((e) => Number(e.getAttribute('data-deadline')) !== w[e.getAttribute('data-id')]);
    }, walk, { timeout: 60_000 });
    const drive = await page.$$eval('[data-testid=typhoon-leave-list] > li', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-id'), Number(e.getAttribute('data-deadline'))])));
    const both = Object.keys(walk).filter((id) => walk[id] > 0 && drive[id] > 0);
    assert(both.length > 0 && both.every((id) => drive[id] >= walk[id] - 1), 'a driving deadline is earlier than walking');
  });

  await check('the Zhejiang-layout demo (示意) is one click away: forecasts and landfall', async () => {
    await page.getByTestId('typhoon-demo-zhejiang').click();
    await page.waitForFunction(() => /格美/.test(document.querySelector('[data-testid=typhoon-storm]')?.textContent ?? ''), null, { timeout: 30_000 });
    await page.getByTestId('typhoon-synthetic').waitFor();
    const legend = await page.getByTestId('typhoon-legend').textContent();
    assert(/7级风圈/.test(legend), `legend: ${legend}`);
    assert(/预报/.test(legend), `no forecast in the legend: ${legend}`);
    assert(/登陆/.test(await page.getByTestId('typhoon-storm').textContent()), 'no landfall line');
    await waitForStableMap(page);
    await page.screenshot({ path: shot('04-zhejiang') });
  });

  await check('in English the view, circles and deadlines are translated (no missing keys)', async () => {
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => /Typhoon: wind circles/.test(document.querySelector('[data-testid=typhoon-view] h2')?.textContent ?? ''));
    const legend = await page.getByTestId('typhoon-legend').textContent();
    assert(/Force-7 circle/.test(legend) && /forecast/.test(legend), `legend: ${legend}`);
    await page.getByTestId('typhoon-leave-list').waitFor({ timeout: 60_000 });
    const first = await page.locator('[data-testid=typhoon-leave-list] > li').first().textContent();
    assert(/leave by|no route/.test(first) && /Call/.test(first), `first row: ${first}`);
    await page.screenshot({ path: shot('05-english') });
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => /台风/.test(document.querySelector('[data-testid=typhoon-view] h2')?.textContent ?? ''));
  });

  await check('a file that is not a track says so plainly', async () => {
    await page.getByTestId('typhoon-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, this is not a track') });
    await page.getByTestId('typhoon-unreadable').waitFor({ timeout: 15_000 });
    const text = await page.getByTestId('typhoon-unreadable').textContent();
    assert(/notes\.txt/.test(text) && /not a known track format/.test(text), text);
  });

  // Recorded, not asserted (a wall-clock figure; the product guide's rule). With SwiftShader every
  // WebGL frame is read back for software compositing (GLES2::ReadPixels in a Chromium trace,
  // 50–700 ms per frame on a loaded 2-core machine), so whole tasks exceed 200 ms whatever the page
  // does; the page's own share is the scripts of each frame (long animation frames).
  await figure('no script task over 200 ms while the slider moves and lists update (long tasks and long animation frames)', async () => {
    const { tasks, frames } = await longTasksSince(page, stepsStart);
    console.log(`      long tasks: ${tasks.map((t) => `${t.ms} ms`).join(', ') || 'none'}`);
    console.log(`      long frames (total / our scripts): ${frames.map((f) => `${f.ms}/${f.scriptMs}`).join(', ') || 'none'}`);
    const worst = frames.reduce((a, f) => (!a || f.scriptMs > a.scriptMs ? f : a), null);
    if (worst) console.log(`      heaviest frame's scripts: ${worst.scripts.slice(0, 4).map((x) => `${x.ms}ms ${x.what}`).join('; ')}`);
    const heavy = frames.filter((f) => f.scriptMs > 200);
    // without long-animation-frame data only whole tasks can tell
    const met = frames.length === 0 && tasks.length > 0 ? tasks.every((t) => t.ms <= 200) : heavy.length === 0;
    return {
      met,
      summary: `${tasks.length} long tasks, the longest ${Math.max(0, ...tasks.map((t) => t.ms))} ms (whole tasks, SwiftShader's read-back included); the most script in one frame ${worst ? worst.scriptMs : 0} ms${heavy.length ? `; frames over 200 ms of script: ${heavy.map((f) => f.scriptMs).join(', ')} ms` : ''}`,
    };
  });

  await checkOriginAndErrors(check, { offOrigin, pageErrors });
});
