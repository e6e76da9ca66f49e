import loadHighs from 'highs';
import {
  bestTimesToPlaces, coverSetsFromMatrix, exactMaxCovering, greedyMaxCovering, highsLinearSolver, rollUpCoverage,
  snapAll, travelTimeMatrix, type CoveringSolution,
} from '../../core';
import { parseOptions, usage, type OptionSpec } from '../args';
import { CliError } from '../cli-error';
import { closedEdgesFromOptions, ROAD_OPTIONS } from '../common-options';
import { PLACE_OPTIONS, readPlaceInputs } from '../planning-inputs';
import { parsePositive, readPoints, readRoadNetwork } from '../read-inputs';
import { writeJson, type CommandResult } from '../write-output';

const SPEC = {
  ...ROAD_OPTIONS,
  ...PLACE_OPTIONS,
  candidates: { type: 'string', required: true, help: 'GeoJSON Point features with an "id" property: where a new station could go' },
  p: { type: 'string', help: 'how many new stations, 1–5 (default 1)' },
  method: { type: 'string', help: 'greedy (marginal population per pick) or exact (MCLP as a MIP in HiGHS), default greedy' },
  'time-limit-seconds': { type: 'string', help: 'exact: stop the MIP after this long and report the gap (default 120)' },
} satisfies OptionSpec;

export const SITE_SUGGEST_USAGE = usage('site-suggest', 'Where p new stations would cover the most people not yet covered (maximal covering, MCLP).', SPEC);

/**
 * `site-suggest`: {"chosen":[{"id","marginalPopulation"}],"coveredPopulation","method"}, where
 * coveredPopulation counts the existing stations and the chosen sites together. Async: HiGHS loads
 * its WebAssembly first.
 */
export async function runSiteSuggest(argv: string[]): Promise<CommandResult> {
  const o = parseOptions('site-suggest', argv, SPEC);
  if (o.help) return { stdout: SITE_SUGGEST_USAGE };
  const method = o.method ?? 'greedy';
  if (method !== 'greedy' && method !== 'exact') throw new CliError(`--method must be greedy or exact, got "${method}"`);
  const p = o.p ? parsePositive(o.p, '--p', true) : 1;
  if (p > 5) throw new CliError(`--p must be 1 to 5, got "${o.p}"`);
  const timeLimitSeconds = o['time-limit-seconds'] ? parsePositive(o['time-limit-seconds'], '--time-limit-seconds', false) : 120;
  const { places, budgetSeconds, turnoutSeconds, notes } = readPlaceInputs(o);
  const resources = readPoints(o.resources!, '--resources', true);
  const candidates = readPoints(o.candidates!, '--candidates', true);
  const { net, problems } = readRoadNetwork(o.roads!, o.profile);
  const closedEdges = closedEdgesFromOptions(net, o);
  const placeSnaps = snapAll(net, places, closedEdges);
  const existing = rollUpCoverage(places, bestTimesToPlaces(net, resources, places, { closedEdges }, placeSnaps), resources.map((r) => r.id), budgetSeconds, turnoutSeconds);
  const travelBudget = budgetSeconds - turnoutSeconds;
  const matrix = travelTimeMatrix(net, candidates, places, { closedEdges, budgetSeconds: travelBudget }, placeSnaps);
  const problem = {
    weights: places.map((pl) => pl.population),
    alreadyCovered: existing.places.map((pl) => (pl.covered ? 1 : 0)),
    coverSets: coverSetsFromMatrix(matrix, candidates.length, places.length, travelBudget),
    p,
  };
  let solution: CoveringSolution;
  if (method === 'greedy') solution = greedyMaxCovering(problem);
  else solution = exactMaxCovering(problem, highsLinearSolver(await loadHighs()), { timeLimitSeconds });
  const coveredPopulation = existing.total.coveredPopulation + solution.addedPopulation;
  writeJson(o.out!, {
    chosen: solution.chosen.map((c) => ({ id: candidates[c.candidate]!.id, marginalPopulation: c.marginalPopulation })),
    coveredPopulation,
    method,
  });
  const gap = method === 'exact'
    ? solution.status === 'optimal' ? ' (proven optimal, gap 0)' : ` (stopped at the time limit: gap ${(100 * solution.relativeGap!).toFixed(2)} %, bound +${Math.floor(solution.bound!)} people)`
    : '';
  return {
    stderr: [...problems.slice(0, 5), ...notes],
    stdout: `${method}: ${solution.chosen.length} site(s) add ${solution.addedPopulation} people to the ${existing.total.coveredPopulation} covered, ${coveredPopulation} of ${existing.total.population}${gap}; wrote ${o.out}\n`,
  };
}
