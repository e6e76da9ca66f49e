/** The report's table (CSV, XLSX, print): townships with coverage and shelter figures, a total, a note. */
import type { CoverageRollUp } from '../../../../core';
import type { ShelterFigures } from '../../../../workers/planner-session';
import type { CsvCell } from './csv';
import { townshipCoverageRows, townshipShelterRows, type NameLookup } from './tables';

export interface ReportInput {
  coverage: CoverageRollUp;
  shelters: ShelterFigures | null;
  names: NameLookup;
  shelterTownship: (id: string) => string;
  villageTownship: (id: string) => string;
  /** column titles, in order: township, population, covered, share, villages, uncoveredVillages, mustMove, places, placedAware, withoutPlace */
  columns: readonly string[];
  totalLabel: string;
  note: string;
  /** what-if sites, exported below the table: [label, lng, lat, capacity or null] */
  whatIfs?: ReadonlyArray<readonly [string, number, number, number | null]>;
}

export function reportRows(r: ReportInput): CsvCell[][] {
  const cov = townshipCoverageRows(r.coverage, r.names);
  const sh = r.shelters ? new Map(townshipShelterRows(r.shelters, r.shelterTownship, r.names, r.villageTownship).map((x) => [x.townshipId, x])) : new Map();
  const pct = (x: number) => Math.round(x * 1000) / 10;
  const rows: CsvCell[][] = [[...r.columns]];
  let mustMove = 0, places = 0, placed = 0, without = 0;
  for (const c of cov) {
    const s = sh.get(c.townshipId);
    mustMove += s?.people ?? 0; places += s?.places ?? 0; placed += s?.placedCapacityAware ?? 0; without += s?.withoutPlace ?? 0;
    rows.push([c.township, c.population, c.coveredPopulation, pct(c.coveredShare), c.villages, c.uncoveredVillages,
      s ? s.people : null, s ? s.places : null, s ? round1(s.placedCapacityAware) : null, s ? round1(s.withoutPlace) : null]);
  }
  const t = r.coverage.total;
  rows.push([r.totalLabel, t.population, t.coveredPopulation, pct(t.coveredShare), t.places, t.uncoveredPlaces,
    r.shelters ? mustMove : null, r.shelters ? places : null, r.shelters ? round1(placed) : null, r.shelters ? round1(without) : null]);
  rows.push([r.note]);
  for (const [label, lng, lat, capacity] of r.whatIfs ?? []) rows.push([label, Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5, capacity]);
  return rows;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
