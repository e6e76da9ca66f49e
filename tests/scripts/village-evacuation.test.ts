import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTY_MUST_MOVE, DEMO_DIR, evacuationFileText, generateVillageEvacuation, villagesOf } from '../../scripts/demo/village-evacuation';

const villages = villagesOf(readFileSync(join(DEMO_DIR, 'villages.geojson'), 'utf8'));

describe('scripts/demo/village-evacuation (synthetic people who must move, 示意)', () => {
  it('is deterministic and equal to the committed data/taishun/village-evacuation.json', () => {
    const a = evacuationFileText(generateVillageEvacuation(villages));
    const b = evacuationFileText(generateVillageEvacuation(villages));
    expect(a).toBe(b);
    expect(a, 'run: npx tsx scripts/demo/village-evacuation.ts').toBe(readFileSync(join(DEMO_DIR, 'village-evacuation.json'), 'utf8'));
  });

  it('covers every village by id, sums to the county figure, never more than a village has, parts add up', () => {
    const f = generateVillageEvacuation(villages);
    expect(Object.keys(f.villages)).toEqual(villages.map((v) => v.id));
    expect(f.total).toBe(COUNTY_MUST_MOVE);
    expect(Object.values(f.villages).reduce((s, v) => s + v.mustMove, 0)).toBe(COUNTY_MUST_MOVE);
    for (const v of villages) {
      const e = f.villages[v.id]!;
      expect(e.mustMove).toBeLessThanOrEqual(v.population);
      expect(e.geohazard + e.lowLying + e.oldHouses).toBe(e.mustMove);
      if (e.geohazardPoints === 0) expect(e.geohazard).toBe(0);
    }
    expect(f.synthetic).toBe(true);
    expect(f.label).toContain('示意');
  });

  it('a different seed gives different villages the same county total', () => {
    const other = generateVillageEvacuation(villages, 7);
    expect(other.total).toBe(COUNTY_MUST_MOVE);
    expect(evacuationFileText(other)).not.toBe(evacuationFileText(generateVillageEvacuation(villages)));
  });
});
