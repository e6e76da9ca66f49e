/** One depot's stock of the wanted item and its travel time to the incident (null: cannot reach it). */
export interface DepotOffer {
  id: string;
  quantity: number;
  seconds: number | null;
}

export interface SupplyContribution {
  id: string;
  /** taken from this depot */
  quantity: number;
  /** what it holds */
  available: number;
  seconds: number;
}

export interface SuppliesPlan {
  needed: number;
  /** depots in order of travel time, each taking what is still missing */
  contributions: SupplyContribution[];
  /** what the contributions add up to (= needed when met) */
  delivered: number;
  met: boolean;
  /** when all `needed` can be there: the travel time of the last depot needed (null when not met) */
  allThereSeconds: number | null;
  /** everything the county holds of the item, reachable or not */
  countyTotal: number;
  /** every depot that holds any, nearest first, unreachable last */
  holders: DepotOffer[];
}

const byTimeThenId = (a: DepotOffer, b: DepotOffer) =>
  (a.seconds ?? Infinity) - (b.seconds ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * "I need N of item X": depots in order of travel time, taken cumulatively until N is met. The
 * time all N are there is the travel time of the last depot taken — the least possible, since
 * any set of depots holding N must include one at least that far (checked against a brute force).
 */
export function planSupplies(offers: readonly DepotOffer[], needed: number): SuppliesPlan {
  const holders = offers.filter((o) => o.quantity > 0).sort(byTimeThenId);
  const contributions: SupplyContribution[] = [];
  let delivered = 0;
  for (const o of holders) {
    if (delivered >= needed || o.seconds === null) break;
    const take = Math.min(o.quantity, needed - delivered);
    contributions.push({ id: o.id, quantity: take, available: o.quantity, seconds: o.seconds });
    delivered += take;
  }
  const met = needed > 0 && delivered >= needed;
  return {
    needed,
    contributions,
    delivered,
    met,
    allThereSeconds: met ? contributions[contributions.length - 1]!.seconds : null,
    countyTotal: holders.reduce((s, o) => s + o.quantity, 0),
    holders,
  };
}
