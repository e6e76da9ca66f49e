// A/B probe of what the map's frames cost the page's main thread (long tasks) in two builds.
// Two builds side by side (e.g. main's dist/ and a change's, each `vite build` into its own root):
// `node bench/browser/frame-cost-ab.mjs ROOT_A ROOT_B [rounds]` (each ROOT holds dist/), alternated
// A B B A …; per run: three plain drags of the duty view with an incident, then selecting four
// team rows and a hover sweep; the long tasks of each part (sum, median, p90, max) and the most page
// script in one frame. Wall clock on a shared machine: printed with the load, never asserted.
// AB_SEQUENCE=1 also prints each run's drag tasks in time order (a one-off first frame or every frame?).
import { launchBrowser, recordLongTasks, startPreview } from '../../tests/e2e/harness.mjs';
const [dirA, dirB, rounds = '2'] = process.argv.slice(2);
const builds = [{ name: 'A', root: dirA, port: 4681 }, { name: 'B', root: dirB, port: 4682 }];
for (const b of builds) b.server = await startPreview(b.root, b.port);
async function once(b) {
  const l = await launchBrowser();
  const ctx = await l.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await recordLongTasks(ctx);
  const page = await ctx.newPage();
  await page.goto(`${b.server.base}/?e2e#map=14/27.546943/119.684612&view=duty&inc=119.684612,27.546943`);
  await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: 60000 });
  await page.waitForFunction(() => document.querySelector('[data-testid=duty-list-rescue_team]')?.getAttribute('data-mode') === 'road', null, { timeout: 60000 }).catch(() => {});
  await page.waitForTimeout(3000);
  const t0 = await page.evaluate(() => performance.now());
  const box = await page.getByTestId('map').boundingBox();
  const [x, y] = [box.x + box.width * 0.6, box.y + box.height * 0.5];
  for (let i = 0; i < 3; i++) for (const [dx, dy] of [[120, 40], [-120, -40]]) {
    await page.mouse.move(x, y); await page.mouse.down();
    await page.mouse.move(x + dx, y + dy, { steps: 12 }); await page.mouse.up();
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(800);
  const t1 = await page.evaluate(() => performance.now());
  const rows = page.locator('[data-testid=duty-list-rescue_team] li');
  const n = Math.min(4, await rows.count());
  for (let i = 0; i < n; i++) { await rows.nth(i).click({ position: { x: 30, y: 8 } }).catch(() => {}); await page.waitForTimeout(900); }
  // hover sweeps over the map
  for (let i = 0; i < 40; i++) { await page.mouse.move(x - 200 + i * 10, y - 100 + i * 5); await page.waitForTimeout(30); }
  await page.waitForTimeout(800);
  const t2 = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(() => window.__longTasks);
  const frames = await page.evaluate(() => window.__longFrames);
  const pick = (a, b) => tasks.filter((t) => t.start >= a && t.start < b).map((t) => t.ms).sort((p, q) => p - q);
  const drag = pick(t0, t1), sel = pick(t1, t2);
  // AB_SEQUENCE=1: the drags' long tasks in time order (a one-off first frame vs every frame)
  if (process.env.AB_SEQUENCE) console.log(`  ${b.name} drag tasks in order: ${tasks.filter((t) => t.start >= t0 && t.start < t1).map((t) => t.ms).join(' ')}`);
  const q = (xs, f) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(f * xs.length))] : 0);
  const script = Math.max(0, ...frames.filter((f) => f.start >= t0).map((f) => f.scriptMs));
  await l.close();
  return { drag: `${drag.length} tasks med ${q(drag, .5)} p90 ${q(drag, .9)} max ${q(drag, 1)} sum ${drag.reduce((s, v) => s + v, 0)}`, sel: `${sel.length} tasks med ${q(sel, .5)} max ${q(sel, 1)} sum ${sel.reduce((s, v) => s + v, 0)}`, script };
}
for (let r = 0; r < Number(rounds); r++) for (const b of (r % 2 ? [...builds].reverse() : builds)) {
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  const o = await once(b);
  console.log(`${b.name} load ${load}: drag ${o.drag} | select+hover ${o.sel} | max script/frame ${o.script}`);
}
for (const b of builds) b.server.stop();
