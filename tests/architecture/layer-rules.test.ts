import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../helpers/shared-reference';
import { chainTo, walkEntry } from './public-entry-graph';

/**
 * The dependency rule of the architecture (README "Architecture"): a pure core that runs in Node
 * and in a worker, io on top of it, the worker on both, and the React/map shells outside. Checked
 * on every import of every file, so a violation fails CI instead of living in a wiki.
 */
const SRC = resolve(REPO_ROOT, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

interface Import { file: string; spec: string; typeOnly: boolean; target: string | null }

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) {
    const spec = m[3]!;
    const target = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : null;
    out.push({ file: relative(SRC, file), spec, typeOnly: Boolean(m[2]), target });
  }
  return out;
}

const all = filesUnder(SRC).flatMap(importsOf);
const layerOf = (path: string) => path.split('/')[0]!;
const violations = (layer: string, allowedLayers: string[], allowedPackages: RegExp, opts: { typeOnlyOk?: string[] } = {}) =>
  all
    .filter((i) => layerOf(i.file) === layer)
    .filter((i) => {
      if (i.target === null) return !allowedPackages.test(i.spec);
      const to = layerOf(i.target);
      if (to === layer || allowedLayers.includes(to)) return false;
      return !(i.typeOnly && opts.typeOnlyOk?.includes(to));
    })
    .map((i) => `${i.file} imports '${i.spec}'`);

describe('layer rules', () => {
  test('core imports only core, and only pure npm packages (no DOM, React, map libraries, node:)', () => {
    expect(violations('core', [], /^(kdbush|geokdbush|flatbush|flatqueue|d3-contour|@turf\/turf|tiny-osmpbf|fast-xml-parser|geojson|highs)$/)).toEqual([]);
    const domUse = filesUnder(resolve(SRC, 'core')).filter((f) => /\b(document|window|localStorage|fetch)\s*[.(]/.test(readFileSync(f, 'utf8')));
    expect(domUse.map((f) => relative(SRC, f))).toEqual([]);
  });

  test('core takes the HiGHS solver as an argument: its types only, never the WebAssembly loader', () => {
    // Loading HiGHS needs a wasm file URL that differs between Node (the CLI) and the browser
    // worker (a Vite asset of the app's own origin); the core stays pure and is handed the instance.
    const loads = all.filter((i) => layerOf(i.file) === 'core' && i.spec === 'highs' && !i.typeOnly);
    expect(loads.map((i) => `${i.file} imports '${i.spec}'`)).toEqual([]);
    expect(all.some((i) => layerOf(i.file) === 'core' && i.spec === 'highs')).toBe(true);
  });

  test('io imports core and data libraries only (gcoord converts typed GCJ-02 / BD-09 points at the edge)', () => {
    expect(violations('io', ['core'], /^(zod|papaparse|geojson|@e965\/xlsx|fflate|@tmcw\/togeojson|@xmldom\/xmldom|shpjs|proj4|gcoord)$/)).toEqual([]);
  });

  test('workers import core and io, never React or map libraries', () => {
    // highs: the solver's loader and its wasm as a same-origin asset (highs/runtime?url);
    // supercluster: the cluster worker of a large dataset (cluster.worker.ts)
    expect(violations('workers', ['core', 'io'], /^(geojson|highs|highs\/runtime\?url|supercluster)$/)).toEqual([]);
  });

  test('map layers know no React state or queries', () => {
    // kdbush: the CPU hit-test's index of drawn points (src/map/hit-test.ts), a pure package
    expect(violations('map', ['core', 'config', 'io'], /^(maplibre-gl|@deck\.gl\/.*|terra-draw|terra-draw-maplibre-gl-adapter|supercluster|kdbush|geojson|react|react-dom|react-i18next|i18next|virtual:onemap-icon-urls)(\/.*)?$/)).toEqual([]);
  });

  test('ui reaches the engine only through queries (types from core/io are fine)', () => {
    // echarts: the planner's township chart (tree-shaken core, lazily loaded: see the bundle test below)
    expect(violations('ui', ['queries', 'map', 'config', 'i18n', 'io'], /^(react|react-dom|react-i18next|i18next|@tanstack\/react-query|geojson|echarts|hls\.js)(\/.*)?$/, { typeOnlyOk: ['core', 'workers'] })).toEqual([]);
  });

  test('only MapCanvas.tsx and its parts (map/canvas/) drive the map (MapLibre map, deck.gl overlay, terra-draw); the public finder has its own plain MapLibre map', () => {
    const drivers = all.filter((i) => /^(@deck\.gl\/mapbox|terra-draw|terra-draw-maplibre-gl-adapter)$/.test(i.spec) || (i.spec === 'maplibre-gl' && !i.typeOnly));
    // the worker file only sets the worker URL; public-map.ts is the public finder's map (no deck.gl, see the public-entry tests)
    const allowed = new Set(['map/MapCanvas.tsx', 'map/maplibre-worker.ts', 'map/public-map.ts']);
    expect(drivers.filter((i) => !allowed.has(i.file) && !i.file.startsWith('map/canvas/')).map((i) => `${i.file} imports '${i.spec}'`)).toEqual([]);
    // (and the parts are real: the overlay and terra-draw are driven from there)
    expect(drivers.filter((i) => i.file.startsWith('map/canvas/')).length).toBeGreaterThan(0);
  });

  test('a view never imports another view (each lives in its own folder under ui/views)', () => {
    const viewOf = (path: string) => /^ui\/views\/([^/]+)\//.exec(path)?.[1] ?? null;
    const cross = all.filter((i) => {
      const from = viewOf(i.file), to = i.target ? viewOf(i.target) : null;
      return from !== null && to !== null && from !== to;
    });
    expect(cross.map((i) => `${i.file} imports '${i.spec}'`)).toEqual([]);
  });

  test('the shell owns the view panel: no view puts the view-panel class on its own elements', () => {
    // A view's root inside the shell's <section class="view-panel"> that is a view-panel too is a
    // panel inside the panel: on a phone the inner one, absolutely placed, left the sheet 20 px high.
    const views = filesUnder(resolve(SRC, 'ui', 'views')).filter((f) => f.endsWith('.tsx'));
    const reusing = views.filter((f) => /className=[{"'`][^>]*\bview-panel\b/.test(readFileSync(f, 'utf8')));
    expect(views.length).toBeGreaterThan(3);
    expect(reusing.map((f) => f.slice(SRC.length + 1))).toEqual([]);
  });

  test('ECharts only in the planner chart, which the planner view loads lazily (never in another view\'s first load)', () => {
    const users = all.filter((i) => /^echarts(\/|$)/.test(i.spec)).map((i) => i.file);
    expect([...new Set(users)]).toEqual(['ui/views/planner/TownshipChart.tsx']);
    const staticChart = all.filter((i) => /TownshipChart$/.test(i.spec));
    expect(staticChart.map((i) => i.file)).toEqual([]);
  });

  test('the CLI runs on the core through its public index', () => {
    const deep = all.filter((i) => layerOf(i.file) === 'cli' && i.target?.startsWith('core/'));
    expect(deep.map((i) => `${i.file} imports '${i.spec}'`)).toEqual([]);
  });

  test('the CLI reads track files through the io public entries only (index, import-export)', () => {
    const deep = all.filter((i) => layerOf(i.file) === 'cli' && i.target?.startsWith('io/') && i.target !== 'io/import-export');
    expect(deep.map((i) => `${i.file} imports '${i.spec}'`)).toEqual([]);
    const other = all.filter((i) => layerOf(i.file) === 'cli' && i.target && !['cli', 'core', 'io'].includes(layerOf(i.target)));
    expect(other.map((i) => `${i.file} imports '${i.spec}'`)).toEqual([]);
  });
});

describe('the public shelter finder never reaches officer code or deck.gl', () => {
  const officer = (f: string) => f.startsWith('src/ui/') || f === 'src/map/to-deck-layers.ts' || f === 'src/map/MapCanvas.tsx' || f.startsWith('src/map/canvas/') || f.startsWith('src/i18n/') || f.startsWith('src/queries/') || f === 'src/main.tsx';
  const forbiddenPackage = (p: string) => /^(@deck\.gl\/|deck\.gl$|@luma\.gl\/|i18next|react-i18next|@tanstack\/)/.test(p);

  test('its import graph (static, lazy map, workers) has no officer file and no deck.gl', () => {
    const g = walkEntry(REPO_ROOT, 'src/public/main.tsx');
    // the walk is real: it reaches the lazy map, the MapLibre module and the walking worker
    expect([...g.files]).toEqual(expect.arrayContaining(['src/public/map/FinderMap.tsx', 'src/map/public-map.ts', 'src/workers/walking.worker.ts', 'src/map/basemap-style.ts']));
    expect([...g.files].filter(officer).map((f) => chainTo(g, f))).toEqual([]);
    expect([...g.packages].filter(forbiddenPackage).map((p) => chainTo(g, `package:${p}`))).toEqual([]);
  });

  test('the same walk from the officer entry does find deck.gl and src/ui (so the check above can fail)', () => {
    const g = walkEntry(REPO_ROOT, 'src/main.tsx');
    expect([...g.files].some(officer)).toBe(true);
    expect([...g.packages].some(forbiddenPackage)).toBe(true);
  });

  // the only data files the public entry may reference: its public-fields file and the county basemap (no teams, depots, cameras)
  const PUBLIC_DATA = /^\.\.\/(\.generated\/public\/(finder-data|walking-roads)\.json|data\/taishun\/(county|townships|township-seats|villages)\.geojson)\?url$/;

  test('public code imports only core, io, workers, config, the map modules it may use, public data files and small packages', () => {
    const allowedMap = new Set(['map/basemap-style.ts', 'map/public-map.ts', 'map/maplibre-worker.ts']);
    const bad = all
      .filter((i) => layerOf(i.file) === 'public')
      .filter((i) => {
        if (i.target === null) return !/^(react|react-dom|geojson|virtual:pwa-register)(\/.*)?$/.test(i.spec);
        const to = layerOf(i.target);
        if (['public', 'core', 'io', 'workers', 'config'].includes(to)) return false;
        if (to === '..') return !PUBLIC_DATA.test(i.target); // data files, by URL
        return !(to === 'map' && allowedMap.has(`${i.target.replace(/\.tsx?$/, '')}.ts`));
      })
      .map((i) => `${i.file} imports '${i.spec}'`);
    expect(bad).toEqual([]);
  });
});
