// Shared plumbing for the browser tests: preview server, browser, off-origin guard, checks.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Ports that browsers and Node's fetch refuse to connect to (the Fetch standard's "bad ports",
 * which Chromium also blocks as ERR_UNSAFE_PORT): a server on one of them is up but unreachable.
 * 4190 (ManageSieve) is three above the driver's default base port, so suites must skip these.
 */
export const BLOCKED_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
  6669, 6679, 6697, 10080,
]);

/** The first port at or after `port` that browsers and fetch will connect to. */
export function usablePort(port) {
  let p = port;
  while (BLOCKED_PORTS.has(p)) p += 1;
  return p;
}

/**
 * Serves dist/ through the production server of `npm start` (scripts/server/serve.mjs: sirv,
 * precompressed files, cache headers and the strict CSP), in a child process.
 */
export async function startPreview(root, port, dir = 'dist') {
  if (BLOCKED_PORTS.has(port)) throw new Error(`port ${port} is one browsers and fetch refuse to connect to (the Fetch standard's bad ports): choose another E2E_PORT`);
  const child = spawn(process.execPath, [join(root, 'scripts', 'server', 'serve.mjs'), '--dir', join(root, dir), '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  // Generous: a CI machine may be busy (a previous suite's browser still exiting). Each probe has
  // its own timeout, so one stuck connection cannot eat the whole wait.
  const deadline = Date.now() + 60_000;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the static server exited (${child.exitCode}): ${log}`);
    if (log.includes('serving ')) {
      try {
        const r = await fetch(`${base}/`, { signal: AbortSignal.timeout(5_000) });
        await r.arrayBuffer();
        if (r.ok) return { base, stop: () => child.kill('SIGTERM') };
        lastProblem = `GET / answered ${r.status}`;
      } catch (e) {
        lastProblem = `GET / failed: ${e?.cause?.code ?? e?.cause?.message ?? e?.message ?? e}`;
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`the static server did not answer on ${base} within 60 s (${lastProblem}); its output: ${log}`);
}

/** `chromium.launch` always starts from a fresh temporary profile (a new user-data-dir). */
export async function launchBrowser(extraArgs = []) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
    headless: true,
  });
  return { browser, close: () => browser.close() };
}

/**
 * Records every request that would leave the origin — from pages, frames and workers — and aborts
 * it. data: and blob: URLs are in-memory, not requests to any origin.
 */
export async function guardOrigin(context, origin, offOrigin) {
  // Every page runs under the production CSP (startPreview); a violation — even one a library
  // catches — becomes a console error, which every suite already fails on.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const isLocal = (url) => url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin;
  const note = (url, via) => {
    if (!isLocal(url)) offOrigin.push(`${via}: ${url}`);
  };
  context.on('request', (req) => note(req.url(), 'request'));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    note(url, 'route');
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => {
    page.on('request', (req) => note(req.url(), 'page'));
    page.on('worker', (w) => note(w.url(), 'worker'));
  });
}

/**
 * Records, from the first script of every page of `context`, the main thread's long tasks
 * (PerformanceObserver 'longtask': `window.__longTasks` = [{ start, ms }]) and long animation
 * frames, which split a frame into the page's scripts and the browser's rendering (SwiftShader is
 * software GL): `window.__longFrames` = [{ start, ms, scriptMs, renderMs, layoutMs, scripts:
 * [{ ms, what }] }]. Read them with `longTasksSince(page, sinceMs)`.
 */
export async function recordLongTasks(context) {
  await context.addInitScript(() => {
    window.__longTasks = [];
    window.__longFrames = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
      }).observe({ type: 'longtask', buffered: true });
    } catch { /* no longtask support */ }
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const end = e.startTime + e.duration;
          const scripts = (e.scripts ?? []).map((x) => ({ ms: Math.round(x.duration), what: `${x.invokerType}:${x.invoker ?? ''} ${x.sourceFunctionName ?? ''} ${String(x.sourceURL ?? '').split('/').pop()}`.trim() }));
          window.__longFrames.push({
            start: Math.round(e.startTime),
            ms: Math.round(e.duration),
            scriptMs: scripts.reduce((sum, x) => sum + x.ms, 0),
            renderMs: Math.round(e.renderStart ? end - e.renderStart : 0),
            layoutMs: Math.round(end - (e.styleAndLayoutStart || end)),
            scripts,
          });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch { /* no long-animation-frame support */ }
  });
}

/** The long tasks and long frames recorded by `recordLongTasks` that started at or after `sinceMs`. */
export async function longTasksSince(page, sinceMs = 0) {
  const { tasks, frames } = await page.evaluate(() => ({ tasks: window.__longTasks ?? [], frames: window.__longFrames ?? [] }));
  return { tasks: tasks.filter((t) => t.start >= sinceMs), frames: frames.filter((f) => f.start >= sinceMs) };
}

/** The two checks every suite ends with: nothing left the origin, no page or console error. */
export async function checkOriginAndErrors(check, { offOrigin, pageErrors }, { originName = 'no request left the origin', errorsName = 'no page errors or console errors' } = {}) {
  await check(originName, async () => {
    assert(offOrigin.length === 0, `off-origin requests:\n${[...new Set(offOrigin)].join('\n')}`);
  });
  await check(errorsName, async () => {
    assert(pageErrors.length === 0, pageErrors.slice(0, 5).join('\n'));
  });
}

export function createRunner() {
  const results = [];
  const figures = [];
  return {
    results,
    figures,
    async check(name, fn) {
      const started = Date.now();
      try {
        await fn();
        results.push({ name, ok: true });
        console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
      } catch (err) {
        results.push({ name, ok: false, err });
        console.log(`  ✗ ${name}\n      ${String(err?.stack ?? err).split('\n').slice(0, 4).join('\n      ')}`);
      }
    },
    /**
     * A browser figure measured on the wall clock (long tasks, frame times): printed and recorded
     * (tests/output/e2e-summary-<suite>.json, and the driver's table at the end), never asserted —
     * the product's rule: on a shared machine with software WebGL a wall-clock limit is a coin
     * toss, not a test. `fn` returns `{ met, summary }` against the goal it names. A measurement
     * that cannot be taken at all (no PerformanceObserver support, a step that threw) is a failed
     * check.
     */
    async figure(name, fn) {
      try {
        const { met, summary } = await fn();
        figures.push({ name, met: Boolean(met), summary });
        console.log(`  ◦ FIGURE ${met ? 'met' : 'NOT MET'}: ${name} — ${summary}`);
      } catch (err) {
        results.push({ name: `measuring: ${name}`, ok: false, err });
        console.log(`  ✗ measuring: ${name}\n      ${String(err?.stack ?? err).split('\n').slice(0, 4).join('\n      ')}`);
      }
    },
  };
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function ensureDir(path) {
  mkdirSync(path, { recursive: true });
  return path;
}

/** Ends the process with a failure line when there is no production build to test. */
export function requireBuild(root, dir = 'dist') {
  if (existsSync(join(root, dir, 'index.html'))) return;
  console.log(`  ✗ no production build in ${dir}/: run \`npm run build\` first`);
  console.log('E2E: 0 passed, 1 failed');
  process.exit(1);
}

/**
 * The frame every suite shares: the build must exist, the production server runs on `port`,
 * `body` gets the runner and what it needs to open browsers; whatever `body` throws is one failed
 * check ("harness"); browsers and the server are always closed; then the summary and exit code.
 * `launch(extraArgs)` starts a Chromium closed at the end; `watchErrors(page)` records its page
 * and console errors into `pageErrors` (checked by `checkOriginAndErrors`).
 */
export async function runSuite({ name, root, port, outDir }, body) {
  requireBuild(root);
  const { check, figure, results, figures } = createRunner();
  const started = Date.now();
  const server = await startPreview(root, port);
  const offOrigin = [];
  const pageErrors = [];
  const browsers = [];
  const launch = async (extraArgs = []) => {
    const launched = await launchBrowser(extraArgs);
    browsers.push(launched);
    return launched.browser;
  };
  const watchErrors = (page) => {
    page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(`console: ${m.text()}`));
    return page;
  };
  try {
    await body({ check, figure, results, server, offOrigin, pageErrors, launch, watchErrors });
  } catch (err) {
    results.push({ name: 'harness', ok: false, err });
    console.log(`  ✗ harness: ${err?.stack ?? err}`);
  } finally {
    for (const b of browsers) await b.close().catch(() => {});
    server.stop();
  }
  finishSuite({ outDir, name, results, figures, started });
}

/**
 * Ends a suite: writes tests/output/e2e-summary-<name>.json, prints the `E2E: N passed, M failed`
 * line the driver (run-e2e.mjs) reads, and exits non-zero on any failure.
 */
export function finishSuite({ outDir, name, results, figures = [], started }) {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const summary = { passed, failed, seconds: (Date.now() - started) / 1000, results: results.map((r) => ({ name: r.name, ok: r.ok, error: r.ok ? undefined : String(r.err) })), figures };
  writeFileSync(join(outDir, `e2e-summary-${name}.json`), JSON.stringify(summary, null, 2));
  console.log(`E2E: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
