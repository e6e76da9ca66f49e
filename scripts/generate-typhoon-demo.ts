/**
 * Typhoon demo files (seeded, offline): npm run demo:typhoon [-- --out DIR --seed N]
 *   data/typhoon/gaemi-2024-zhejiang-layout.json  (示意: the Zhejiang site's layout, from the real IBTrACS rows)
 *   data/taishun/village-contacts.json            (示意: village responsible persons, keyed by village id)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVillageContacts, buildZhejiangGaemi } from './demo/typhoon';
import { DEFAULT_SEED } from './demo/generate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function generateTyphoonDemo(outRoot: string, seed = DEFAULT_SEED): string[] {
  const ibtracs = readFileSync(join(root, 'data/typhoon/gaemi-2024-ibtracs.csv'), 'utf8');
  const villages = JSON.parse(readFileSync(join(root, 'data/taishun/villages.geojson'), 'utf8')) as { features: Array<{ properties: { id: string } }> };
  const files: Array<[string, unknown]> = [
    ['typhoon/gaemi-2024-zhejiang-layout.json', buildZhejiangGaemi(ibtracs, seed)],
    ['taishun/village-contacts.json', buildVillageContacts(villages.features.map((f) => f.properties.id), seed)],
  ];
  return files.map(([rel, value]) => {
    const path = join(outRoot, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(value, null, 1) + '\n');
    return path;
  });
}

const invokedDirectly = process.argv[1] && /generate-typhoon-demo\.(ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const arg = (n: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
  const seed = arg('--seed') === undefined ? DEFAULT_SEED : Number(arg('--seed'));
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${arg('--seed')}`);
  for (const p of generateTyphoonDemo(resolve(arg('--out') ?? join(root, 'data')), seed)) console.log(`wrote ${p}`);
}
