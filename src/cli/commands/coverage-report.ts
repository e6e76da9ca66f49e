import { bestTimesToPlaces, rollUpCoverage } from '../../core';
import { parseOptions, usage, type OptionSpec } from '../args';
import { closedEdgesFromOptions, ROAD_OPTIONS } from '../common-options';
import { PLACE_OPTIONS, readPlaceInputs } from '../planning-inputs';
import { readPoints, readRoadNetwork } from '../read-inputs';
import { writeJson, type CommandResult } from '../write-output';

const SPEC = { ...ROAD_OPTIONS, ...PLACE_OPTIONS } satisfies OptionSpec;

export const COVERAGE_REPORT_USAGE = usage('coverage-report', 'Which places the stations reach within the time (the spec\'s time at each place point, turnout added), rolled up per group and for the whole.', SPEC);

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * `coverage-report`: {"minutes","places":[{"id","seconds"|null,"covered","sourceId"?}],
 * "groups":[{"group","population","coveredPopulation"}],"total":{"population","coveredPopulation"}},
 * places aligned with the input features; seconds = turnout + travel, null where unreachable.
 */
export function runCoverageReport(argv: string[]): CommandResult {
  const o = parseOptions('coverage-report', argv, SPEC);
  if (o.help) return { stdout: COVERAGE_REPORT_USAGE };
  const { places, budgetSeconds, turnoutSeconds, notes } = readPlaceInputs(o);
  const resources = readPoints(o.resources!, '--resources', true);
  const { net, problems } = readRoadNetwork(o.roads!, o.profile);
  const closedEdges = closedEdgesFromOptions(net, o);
  const times = bestTimesToPlaces(net, resources, places, { closedEdges });
  const r = rollUpCoverage(places, times, resources.map((s) => s.id), budgetSeconds, turnoutSeconds);
  writeJson(o.out!, {
    minutes: budgetSeconds / 60,
    places: r.places.map((p) => ({ id: p.id, seconds: p.seconds === null ? null : round3(p.seconds), covered: p.covered, ...(p.sourceId !== undefined ? { sourceId: p.sourceId } : {}) })),
    groups: r.groups.map((g) => ({ group: g.group, population: g.population, coveredPopulation: g.coveredPopulation })),
    total: { population: r.total.population, coveredPopulation: r.total.coveredPopulation },
  });
  const offRoad = times.unsnappedSourceIds.map((id) => `resource ${id} is farther than ${net.profile.maxSnapMeters} m from every open road: it covers nothing`);
  const pct = r.total.population > 0 ? ` (${(100 * r.total.coveredShare).toFixed(1)} % of ${r.total.population} people)` : '';
  return {
    stderr: [...problems.slice(0, 5), ...notes, ...offRoad],
    stdout: `${r.total.places - r.total.uncoveredPlaces} of ${r.total.places} places covered within ${budgetSeconds / 60} min${pct}; wrote ${o.out}\n`,
  };
}
