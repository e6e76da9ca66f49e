/**
 * Synthetic (示意) people who must move in a severe typhoon, per village: the residents of
 * geohazard points (地质灾害隐患点: landslides, debris flows on the mountain slopes), of low-lying
 * riverside houses (低洼地带) and of old and dangerous houses (危旧房). Seeded and deterministic;
 * the county total is fixed at about 5 % of the demo's 360,000 people, a plausible figure for a
 * mountain county transferring people before a severe typhoon. Written to a file of its own keyed by
 * village id (data/taishun/village-evacuation.json), so villages.geojson is never rewritten here.
 *
 *   npx tsx scripts/demo/village-evacuation.ts      → rewrites data/taishun/village-evacuation.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apportion, createRng } from './prng';

export const EVACUATION_SEED = 20240725;
/** people who must move in the whole county (示意) */
export const COUNTY_MUST_MOVE = 18_000;

export interface VillageEvacuation {
  /** people who must move: the sum of the three below */
  readonly mustMove: number;
  readonly geohazardPoints: number;
  readonly geohazard: number;
  readonly lowLying: number;
  readonly oldHouses: number;
}

export interface EvacuationFile {
  readonly synthetic: true;
  readonly label: string;
  readonly seed: number;
  readonly generator: string;
  readonly total: number;
  readonly villages: Record<string, VillageEvacuation>;
}

interface VillageIn { id: string; name: string; township: string; population: number }

/** The per-village counts for the given villages (in file order), summing to `total`. */
export function generateVillageEvacuation(villages: readonly VillageIn[], seed = EVACUATION_SEED, total = COUNTY_MUST_MOVE): EvacuationFile {
  const rnd = createRng(seed);
  // Raw exposure per village: geohazard points (a few per mountain village, none in most town
  // communities), a riverside share for some villages, old houses everywhere in a small share.
  const raw = villages.map((v) => {
    const community = /社区$/.test(v.name); // town communities: few slopes, many old houses
    const points = community ? (rnd.chance(0.15) ? 1 : 0) : rnd.chance(0.35) ? 0 : rnd.int(1, 4);
    const geohazard = points * rnd.range(12, 55);
    const riverside = rnd.chance(0.3);
    const lowLying = riverside ? v.population * rnd.range(0.02, 0.08) : 0;
    const oldHouses = v.population * rnd.range(0.005, 0.03);
    return { points, parts: [geohazard, lowLying, oldHouses] as const, population: v.population };
  });
  const mustMove = apportionCapped(total, raw.map((r) => r.parts[0] + r.parts[1] + r.parts[2]), villages.map((v) => v.population));
  const out: Record<string, VillageEvacuation> = {};
  villages.forEach((v, i) => {
    const r = raw[i]!;
    const m = mustMove[i]!;
    const [geohazard, lowLying, oldHouses] = apportion(m, [...r.parts]);
    out[v.id] = { mustMove: m, geohazardPoints: r.points, geohazard: geohazard!, lowLying: lowLying!, oldHouses: oldHouses! };
  });
  return {
    synthetic: true,
    label: '示意数据（合成）：强台风需转移人员 / Synthetic: people who must move in a severe typhoon',
    seed,
    generator: 'scripts/demo/village-evacuation.ts',
    total: Object.values(out).reduce((s, v) => s + v.mustMove, 0),
    villages: out,
  };
}

/** apportion, but no part above its cap: what a capped village cannot take goes to the others. */
function apportionCapped(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const fixed = new Map<number, number>();
  for (;;) {
    const free = weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const left = total - [...fixed.values()].reduce((a, b) => a + b, 0);
    const parts = apportion(left, free.map((i) => weights[i]!));
    const over = free.filter((i, k) => parts[k]! > caps[i]!);
    if (over.length === 0) return weights.map((_, i) => fixed.get(i) ?? parts[free.indexOf(i)]!);
    for (const i of over) fixed.set(i, caps[i]!);
  }
}

/** Stable text: one village per line. */
export function evacuationFileText(f: EvacuationFile): string {
  const { villages, ...head } = f;
  const lines = Object.entries(villages).map(([id, v]) => `${JSON.stringify(id)}:${JSON.stringify(v)}`);
  return `${JSON.stringify(head).slice(0, -1)},"villages":{\n${lines.join(',\n')}\n}}\n`;
}

export function villagesOf(villagesGeoJsonText: string): VillageIn[] {
  const fc = JSON.parse(villagesGeoJsonText) as { features: Array<{ properties: VillageIn }> };
  return fc.features.map((f) => ({ id: f.properties.id, name: f.properties.name, township: f.properties.township, population: f.properties.population }));
}

export const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/taishun');

if (process.argv[1] && /village-evacuation\.ts$/.test(process.argv[1])) {
  const text = evacuationFileText(generateVillageEvacuation(villagesOf(readFileSync(join(DEMO_DIR, 'villages.geojson'), 'utf8'))));
  writeFileSync(join(DEMO_DIR, 'village-evacuation.json'), text);
  console.log(`wrote ${join(DEMO_DIR, 'village-evacuation.json')}`);
}
