/**
 * The public duty phone of each demo shelter (避灾点值班电话), synthetic: the shelters file has no
 * phone, and the public finder shows one per row. Kept in a file of its own, keyed by shelter id,
 * so the shared generator's files stay as they are.
 *   npm run demo:shelter-contacts   → data/taishun/resources/shelter-contacts.json
 * Seeded (scripts/demo/prng.ts): the same shelters give the same numbers. The numbers start with
 * 00 after the area code, so they cannot be dialled and reach nobody.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from './prng';
import { fakePhone } from './resources';

export const SHELTER_CONTACTS_SEED = 20260818;

export function buildShelterContacts(shelterIds: readonly string[], seed = SHELTER_CONTACTS_SEED) {
  const rng = createRng(seed);
  const phones: Record<string, string> = {};
  for (const id of [...shelterIds].sort()) phones[id] = fakePhone(rng);
  return {
    synthetic: true,
    label: '示意数据（合成）/ Synthetic demo data: shelter duty phones that reach nobody',
    generator: 'scripts/demo/shelter-contacts.ts',
    seed,
    phones,
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'taishun', 'resources');
  const shelters = JSON.parse(readFileSync(join(dir, 'shelters.geojson'), 'utf8')) as { features: Array<{ properties: { id: string } }> };
  const out = join(dir, 'shelter-contacts.json');
  writeFileSync(`${out}.tmp`, `${JSON.stringify(buildShelterContacts(shelters.features.map((f) => f.properties.id)), null, 1)}\n`);
  renameSync(`${out}.tmp`, out);
  console.log(`wrote ${out}`);
}
