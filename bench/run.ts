/**
 * `npm run bench`: OneMap's travel-time core against naive peers, in one run (see bench/README.md).
 *   npm run bench                 all four benchmarks (≈ 1.5–2.5 min on a 2-core machine)
 *   npm run bench -- --only 1,3   a subset
 * Needs ≈ 4 GB of JS heap for graphology's paths in benchmark 2: when Node's heap limit is lower,
 * the script re-runs itself with --max-old-space-size=8192 (and --expose-gc to collect between runs).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

if (v8.getHeapStatistics().heap_size_limit < 7e9 && !process.env.ONEMAP_BENCH_CHILD) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--expose-gc', ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit', env: { ...process.env, ONEMAP_BENCH_CHILD: '1' },
  });
  process.exit(r.status ?? 1);
}

const { buildRoadGraph } = await import('../src/core/index');
const { benchStraightLine } = await import('./bench-nearest');
const { benchReverseDijkstra } = await import('./bench-dijkstra');
const { benchIsochrone } = await import('./bench-isochrone');
const { benchCoverage } = await import('./bench-coverage');
const { benchContour } = await import('./bench-contour');
const { benchIncident } = await import('./bench-incident');
const { generateSyntheticRoads, gridNodeId } = await import('./synthetic-roads');
const { markdownTable } = await import('./report');
const { collectGarbage: gc, fmtInt, fmtMs, log, timeOnce } = await import('./timing');
type ResultRow = import('./report').ResultRow;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = resolve(repoRoot, '../shared');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set(process.argv[onlyArg + 1]!.split(',').map(Number)) : new Set([1, 2, 3, 4, 5, 6, 7, 8]);

const cpuModel = (() => {
  try { return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '?'; } catch { return cpus()[0]?.model ?? '?'; }
})();
const load = (() => { try { return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch { return '?'; } })();
console.log(`OneMap bench — ${new Date().toISOString()} — ${cpus().length} CPUs (${cpuModel}), Node ${process.version}, load average ${load}`);
console.log(`heap limit ${(v8.getHeapStatistics().heap_size_limit / 1e9).toFixed(1)} GB; benchmarks ${[...only].join(', ')}\n`);

const rows: ResultRow[] = [];
const t0 = Date.now();

if (only.has(1)) {
  log('1. straight-line kNN: ours (kdbush + geokdbush) vs turf.nearestPoint');
  rows.push(...benchStraightLine());
  gc();
}

if (only.has(2) || only.has(4) || only.has(6)) {
  log('building the synthetic road network (seeded) ...');
  let syn: ReturnType<typeof generateSyntheticRoads> | null;
  let genMs: number;
  [syn, genMs] = timeOnce(() => generateSyntheticRoads());
  const { rows: gridRows, cols: gridCols, wayCount } = syn;
  const sourceOsmId = gridNodeId(gridCols, gridRows >> 1, gridCols >> 1);
  let g: import('../src/core/index').RoadGraph;
  if (only.has(6)) {
    log('6. loading a province: buildRoadGraph vs the Map-based builder; the worker loading the binary graph');
    // imported here: it runs the worker's handlers, which now load HiGHS (wasm) for the planner
    const { benchLoad } = await import('./bench-load');
    const loaded = await benchLoad(syn.raw, wayCount);
    rows.push(...loaded.rows);
    g = loaded.graph;
  } else {
    let buildMs: number;
    [g, buildMs] = timeOnce(() => buildRoadGraph(syn!.raw));
    rows.push({ bench: '2/4', measure: `buildRoadGraph of the synthetic network (${fmtInt(wayCount)} ways → ${fmtInt(g.edgeCount)} edges), first call`, ours: fmtMs(buildMs), peer: '', ratio: '', goal: '', status: 'info' });
  }
  log(`synthetic roads: ${gridRows}×${gridCols} junction grid, ${fmtInt(wayCount)} ways, ${fmtInt(syn.raw.nodes.size)} OSM nodes in ${fmtMs(genMs)} → ${fmtInt(g.nodeCount)} nodes, ${fmtInt(g.edgeCount)} edges, ${fmtInt(g.forward.nodes.length)} forward arcs`);
  syn = null;
  gc();
  if (only.has(2)) {
    let source = -1;
    for (let v = 0; v < g.nodeCount; v++) if (g.nodeOsmId[v] === sourceOsmId) { source = v; break; }
    log(`2. one-to-all reverse Dijkstra from the centre node (vertex ${source}): ours vs graphology`);
    rows.push(...benchReverseDijkstra(g, source));
    gc();
  }
  if (only.has(4)) {
    log('4. coverage of 1,000 stations: one multi-source search vs turf.union of circles and vs 1,000 searches');
    rows.push(...(await benchCoverage(g)));
    gc();
  }
}

if (only.has(3)) {
  log('3. 15-minute isochrone of one Andorra station, contour included');
  rows.push(...(await benchIsochrone(sharedDir)));
}

if (only.has(8)) {
  log('8. the duty view: nearest 4 kinds × k=5 with routes for an incident, one search vs one per resource');
  rows.push(...benchIncident(repoRoot));
  gc();
}

if (only.has(5)) {
  log('5. contouring a time grid: ours (d3-contour\'s marching squares, ported) vs turf.isobands');
  rows.push(...benchContour(repoRoot));
}

if (only.has(7)) {
  log('7. the planner on the demo: figures after one what-if (warm session vs from scratch); exact MCLP, 290 candidates, p = 3');
  // imported here: it loads HiGHS (wasm), which the other benchmarks do not need
  const { benchPlanner } = await import('./bench-planner');
  rows.push(...(await benchPlanner(repoRoot)));
}

rows.sort((a, b) => a.bench.localeCompare(b.bench));
console.log(`\nResults (${((Date.now() - t0) / 1000).toFixed(0)} s in all):\n`);
console.log(markdownTable(rows));
const missed = rows.filter((r) => r.status === 'MISS');
console.log(`load average at the end: ${(() => { try { return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch { return '?'; } })()}`);
console.log(missed.length ? `\n${missed.length} goal(s) missed: ${missed.map((r) => `#${r.bench} ${r.measure}`).join('; ')}` : '\nAll goals met.');
