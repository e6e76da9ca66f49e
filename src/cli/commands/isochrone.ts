import { computeIsochrones } from '../../core';
import { parseOptions, usage, type OptionSpec } from '../args';
import { closedEdgesFromOptions, ROAD_OPTIONS } from '../common-options';
import { parseTravelAreaOptions, readPoints, readRoadNetwork } from '../read-inputs';
import { writeJson, type CommandResult } from '../write-output';

const SPEC = {
  ...ROAD_OPTIONS,
  sources: { type: 'string', required: true, input: true, help: 'GeoJSON Point features with an "id" property: the resources' },
  minutes: { type: 'string', help: 'travel-time limit in minutes (default 15)' },
  bands: { type: 'string', help: 'several limits, e.g. 5,10,15: one feature per source and band' },
  'cell-size': { type: 'string', help: 'raster cell size in metres (default 40)' },
} satisfies OptionSpec;

export const ISOCHRONE_USAGE = usage('isochrone', 'Places each source reaches within the time (resource → place), as polygons with holes.', SPEC);

/** `isochrone`: one (Multi)Polygon per source Point and band, properties {sourceId, minutes}. */
export function runIsochrone(argv: string[]): CommandResult {
  const o = parseOptions('isochrone', argv, SPEC);
  if (o.help) return { stdout: ISOCHRONE_USAGE };
  const { bandsMinutes, cellSizeMeters } = parseTravelAreaOptions('isochrone', o);
  const sources = readPoints(o.sources!, '--sources', true);
  const { net, problems } = readRoadNetwork(o.roads!, o.profile);
  const closedEdges = closedEdgesFromOptions(net, o);
  const answer = computeIsochrones(net, sources, { bandsMinutes, cellSizeMeters, closedEdges });
  writeJson(o.out!, answer.features);
  const notes = answer.unreachableSourceIds.map((id) => `source ${id} is farther than ${net.profile.maxSnapMeters} m from every open road: no polygon`);
  return { stderr: [...problems.slice(0, 5), ...notes], stdout: `wrote ${answer.features.features.length} polygons for ${sources.length} sources to ${o.out}\n` };
}
