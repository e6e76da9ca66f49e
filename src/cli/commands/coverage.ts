import { computeCoverage } from '../../core';
import { parseOptions, usage, type OptionSpec } from '../args';
import { closedEdgesFromOptions, ROAD_OPTIONS } from '../common-options';
import { parseTravelAreaOptions, readPoints, readRoadNetwork } from '../read-inputs';
import { writeJson, type CommandResult } from '../write-output';

const SPEC = {
  ...ROAD_OPTIONS,
  resources: { type: 'string', required: true, input: true, help: 'GeoJSON Point features with an "id" property: the stations' },
  minutes: { type: 'string', help: 'travel-time limit in minutes (default 15)' },
  bands: { type: 'string', help: 'several limits, e.g. 5,10,15: one covered-area feature per band' },
  catchments: { type: 'boolean', help: 'also write which station reaches each place first: features {sourceId, minutes, catchment: true}' },
  'cell-size': { type: 'string', help: 'raster cell size in metres (default 40)' },
} satisfies OptionSpec;

export const COVERAGE_USAGE = usage('coverage', 'The area some resource reaches within the time: the union of their isochrones.', SPEC);

/** `coverage`: FeatureCollection of the covered area as (Multi)Polygons, properties {minutes}. */
export function runCoverage(argv: string[]): CommandResult {
  const o = parseOptions('coverage', argv, SPEC);
  if (o.help) return { stdout: COVERAGE_USAGE };
  const { bandsMinutes, cellSizeMeters } = parseTravelAreaOptions('coverage', o);
  const resources = readPoints(o.resources!, '--resources', true);
  const { net, problems } = readRoadNetwork(o.roads!, o.profile);
  const closedEdges = closedEdgesFromOptions(net, o);
  const answer = computeCoverage(net, resources, { bandsMinutes, cellSizeMeters, closedEdges, catchments: Boolean(o.catchments) });
  const features = [
    ...answer.covered.features,
    ...answer.catchments.features.map((f) => ({ ...f, properties: { ...f.properties, catchment: true } })),
  ];
  writeJson(o.out!, { type: 'FeatureCollection', features });
  const notes = answer.unreachableSourceIds.map((id) => `resource ${id} is farther than ${net.profile.maxSnapMeters} m from every open road: it covers nothing`);
  return { stderr: [...problems.slice(0, 5), ...notes], stdout: `wrote coverage (${bandsMinutes.join(', ')} min) of ${resources.length} resources to ${o.out}\n` };
}
