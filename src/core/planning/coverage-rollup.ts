import type { PlaceTimes } from './place-times';

/** A place that counts people: a village with its population and the group (township) it rolls up to. */
export interface PopulatedPlace {
  readonly id: string;
  readonly lngLat: readonly [number, number];
  readonly population: number;
  readonly group: string;
}

export interface PlaceCoverage {
  readonly id: string;
  /** best travel time plus the turnout time, seconds; null when no source can reach the place */
  readonly seconds: number | null;
  readonly covered: boolean;
  /** the fastest source's id (absent when unreachable) */
  readonly sourceId?: string;
}

export interface GroupCoverage {
  readonly group: string;
  readonly population: number;
  readonly coveredPopulation: number;
  /** coveredPopulation / population (0 for an empty group) */
  readonly coveredShare: number;
  readonly places: number;
  readonly uncoveredPlaceIds: string[];
}

export interface CoverageRollUp {
  readonly budgetSeconds: number;
  readonly turnoutSeconds: number;
  /** aligned with the input places */
  readonly places: PlaceCoverage[];
  /** one per group, in order of first appearance */
  readonly groups: GroupCoverage[];
  readonly total: { population: number; coveredPopulation: number; coveredShare: number; places: number; uncoveredPlaces: number };
}

/**
 * Which places are covered (turnout + travel ≤ budget) and how many people that is, per group and
 * in total. `times` comes from bestTimesToPlaces over the same places.
 */
export function rollUpCoverage(
  places: readonly PopulatedPlace[],
  times: PlaceTimes,
  sourceIds: readonly string[],
  budgetSeconds: number,
  turnoutSeconds = 0,
): CoverageRollUp {
  const byGroup = new Map<string, { population: number; coveredPopulation: number; places: number; uncoveredPlaceIds: string[] }>();
  let population = 0, coveredPopulation = 0, uncoveredPlaces = 0;
  const out = places.map((p, i): PlaceCoverage => {
    const travel = times.seconds[i]!;
    const seconds = Number.isFinite(travel) ? travel + turnoutSeconds : null;
    const covered = seconds !== null && seconds <= budgetSeconds;
    const g = byGroup.get(p.group) ?? { population: 0, coveredPopulation: 0, places: 0, uncoveredPlaceIds: [] };
    byGroup.set(p.group, g);
    g.population += p.population;
    g.places++;
    population += p.population;
    if (covered) {
      g.coveredPopulation += p.population;
      coveredPopulation += p.population;
    } else {
      g.uncoveredPlaceIds.push(p.id);
      uncoveredPlaces++;
    }
    const label = times.sourceIndex[i]!;
    return seconds === null ? { id: p.id, seconds, covered } : { id: p.id, seconds, covered, sourceId: sourceIds[label]! };
  });
  const share = (c: number, n: number) => (n > 0 ? c / n : 0);
  return {
    budgetSeconds,
    turnoutSeconds,
    places: out,
    groups: [...byGroup].map(([group, g]) => ({ group, ...g, coveredShare: share(g.coveredPopulation, g.population) })),
    total: { population, coveredPopulation, coveredShare: share(coveredPopulation, population), places: places.length, uncoveredPlaces },
  };
}
