import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { planSupplies, type DepotOffer } from '../../../../src/ui/views/duty/state/supplies';

/** Brute force: over every subset of reachable depots holding ≥ N, the least "last arrival". */
function bruteForceAllThere(offers: readonly DepotOffer[], needed: number): number | null {
  const reachable = offers.filter((o) => o.seconds !== null && o.quantity > 0);
  let best: number | null = null;
  for (let mask = 1; mask < 1 << reachable.length; mask++) {
    let sum = 0, last = 0;
    reachable.forEach((o, i) => {
      if (mask & (1 << i)) {
        sum += o.quantity;
        last = Math.max(last, o.seconds!);
      }
    });
    if (sum >= needed && (best === null || last < best)) best = last;
  }
  return best;
}

const offerArb = fc.array(
  fc.record({
    quantity: fc.integer({ min: 0, max: 30 }),
    seconds: fc.option(fc.integer({ min: 1, max: 3600 }), { nil: null, freq: 5 }),
  }),
  { minLength: 0, maxLength: 10 },
).map((xs) => xs.map((x, i) => ({ id: `DP${String(i).padStart(2, '0')}`, ...x })));

describe('supplies: "I need N of item X"', () => {
  test('takes depots by travel time until N is met', () => {
    const plan = planSupplies([
      { id: 'A', quantity: 8, seconds: 600 },
      { id: 'B', quantity: 5, seconds: 300 },
      { id: 'C', quantity: 50, seconds: 1200 },
      { id: 'D', quantity: 99, seconds: null },
    ], 20);
    expect(plan.contributions).toEqual([
      { id: 'B', quantity: 5, available: 5, seconds: 300 },
      { id: 'A', quantity: 8, available: 8, seconds: 600 },
      { id: 'C', quantity: 7, available: 50, seconds: 1200 },
    ]);
    expect(plan).toMatchObject({ met: true, delivered: 20, allThereSeconds: 1200, countyTotal: 162 });
  });

  test('when the reachable depots hold fewer, says how many and lists every holder', () => {
    const plan = planSupplies([{ id: 'A', quantity: 3, seconds: 100 }, { id: 'B', quantity: 2, seconds: null }, { id: 'C', quantity: 0, seconds: 50 }], 10);
    expect(plan).toMatchObject({ met: false, delivered: 3, allThereSeconds: null, countyTotal: 5 });
    expect(plan.holders.map((h) => h.id)).toEqual(['A', 'B']);
  });

  test('matches a brute-force enumeration of depot subsets (seeded property test)', () => {
    fc.assert(
      fc.property(offerArb, fc.integer({ min: 1, max: 120 }), (offers, needed) => {
        const plan = planSupplies(offers, needed);
        const best = bruteForceAllThere(offers, needed);
        expect(plan.allThereSeconds).toBe(best);
        expect(plan.met).toBe(best !== null);
        const reachableTotal = offers.filter((o) => o.seconds !== null).reduce((s, o) => s + o.quantity, 0);
        expect(plan.delivered).toBe(Math.min(needed, reachableTotal));
        for (const c of plan.contributions) expect(c.quantity).toBeGreaterThan(0);
        for (const c of plan.contributions) expect(c.quantity).toBeLessThanOrEqual(c.available);
        expect(plan.countyTotal).toBe(offers.reduce((s, o) => s + o.quantity, 0));
        // in order of travel time
        for (let i = 1; i < plan.contributions.length; i++) expect(plan.contributions[i]!.seconds).toBeGreaterThanOrEqual(plan.contributions[i - 1]!.seconds);
      }),
      { seed: 20261201, numRuns: 400 },
    );
  });
});
