/**
 * `npm run province:data [-- --edges N --resources N --seed N --out DIR]`: the seeded synthetic
 * province (scripts/province/generate-province.ts) into .generated/province/ (not committed;
 * served at /province/ by the production server, opened with `?dataset=province`).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PROVINCE_EDGES, DEFAULT_PROVINCE_RESOURCES, DEFAULT_PROVINCE_SEED, generateProvince } from './province/generate-province';

export const DEFAULT_PROVINCE_DIR = '.generated/province';

const { values } = parseArgs({
  options: {
    edges: { type: 'string', default: String(DEFAULT_PROVINCE_EDGES) },
    resources: { type: 'string', default: String(DEFAULT_PROVINCE_RESOURCES) },
    seed: { type: 'string', default: String(DEFAULT_PROVINCE_SEED) },
    out: { type: 'string', default: DEFAULT_PROVINCE_DIR },
  },
});
const int = (name: string, text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n)) {
    console.error(`province:data: --${name} must be an integer, got "${text}"`);
    process.exit(2);
  }
  return n;
};
try {
  const { outDir, manifest, seconds } = generateProvince({
    outDir: values.out, edges: int('edges', values.edges), resources: int('resources', values.resources), seed: int('seed', values.seed),
    log: (line) => console.log(`province:data: ${line}`),
  });
  const total = Object.values(manifest.resources).reduce((a, r) => a + r.count, 0);
  console.log(`province:data: wrote ${outDir} (${manifest.roads.edgeCount.toLocaleString('en')} edges, ${total.toLocaleString('en')} resources, 示意) in ${seconds.toFixed(1)} s`);
} catch (err) {
  console.error(`province:data: ${(err as Error).message}`);
  process.exit(2);
}
