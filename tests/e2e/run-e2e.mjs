// Browser tests against the production build (`npm run build` first). Runs every suite in
// tests/e2e/suites/*.e2e.mjs one after another (each its own node process, its own preview port),
// then prints `E2E: N passed, M failed` over all of them; exits non-zero on any failure.
//   npm run test:e2e                 every suite
//   npm run test:e2e -- duty map     only the suites whose file name contains one of the words
// Each suite is a plain script using ./harness.mjs that ends with its own `E2E: N passed, M failed`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDir, usablePort } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const outDir = ensureDir(join(root, 'tests', 'output'));
const basePort = Number(process.env.E2E_PORT ?? 4188);
const only = process.argv.slice(2);

if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.log('  ✗ no production build: run `npm run build` first');
  console.log('E2E: 0 passed, 1 failed');
  process.exit(1);
}

const suites = readdirSync(join(here, 'suites'))
  .filter((f) => f.endsWith('.e2e.mjs'))
  .filter((f) => only.length === 0 || only.some((w) => f.includes(w)))
  .sort((a, b) => (a === 'map.e2e.mjs' ? -1 : b === 'map.e2e.mjs' ? 1 : a.localeCompare(b)));

/** The browser figures (wall-clock, recorded not asserted) a suite wrote into its summary during this run. */
function figuresOf(file, started) {
  const path = join(outDir, `e2e-summary-${file.replace(/\.e2e\.mjs$/, '')}.json`);
  try {
    if (statSync(path).mtimeMs < started) return [];
    return JSON.parse(readFileSync(path, 'utf8')).figures ?? [];
  } catch {
    return [];
  }
}

function runSuite(file, port) {
  return new Promise((resolveRun) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(here, 'suites', file)], {
      cwd: root,
      env: { ...process.env, E2E_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let tail = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      tail = (tail + d).slice(-4000);
    });
    child.on('exit', (code) => {
      const m = [...tail.matchAll(/E2E: (\d+) passed, (\d+) failed/g)].pop();
      const passed = m ? Number(m[1]) : 0;
      // A suite that died before printing its summary counts as one failure.
      const failed = m ? Number(m[2]) + (code !== 0 && Number(m[2]) === 0 ? 1 : 0) : 1;
      resolveRun({ file, passed, failed, exitCode: code, seconds: (Date.now() - started) / 1000, figures: figuresOf(file, started) });
    });
  });
}

const results = [];
// One port per suite from E2E_PORT up, skipping the ports browsers refuse (4190 is one).
let port = basePort - 1;
for (const file of suites) {
  port = usablePort(port + 1);
  console.log(`\n── ${file}`);
  results.push(await runSuite(file, port));
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
writeFileSync(join(outDir, 'e2e-summary.json'), JSON.stringify({ passed, failed, suites: results }, null, 2));
console.log('');
for (const r of results) console.log(`  ${r.failed === 0 ? '✓' : '✗'} ${r.file}: ${r.passed} passed, ${r.failed} failed (${r.seconds.toFixed(0)} s)`);
const figures = results.flatMap((r) => r.figures.map((f) => ({ suite: r.file, ...f })));
if (figures.length) {
  console.log(`\nBrowser figures (wall clock, recorded and not asserted; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}):`);
  for (const f of figures) console.log(`  ${f.met ? 'met    ' : 'NOT MET'} ${f.suite.replace(/\.e2e\.mjs$/, '')}: ${f.name} — ${f.summary}`);
}
console.log(`E2E: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && suites.length > 0 ? 0 : 1);
