import { findNearestByTravelTime, snapResources } from '../../core';
import { parseOptions, usage, type OptionSpec } from '../args';
import { CliError } from '../cli-error';
import { closedEdgesFromOptions, ROAD_OPTIONS } from '../common-options';
import { parseLngLat, parsePositive, readPoints, readRoadNetwork } from '../read-inputs';
import { writeJson, type CommandResult } from '../write-output';

const SPEC = {
  ...ROAD_OPTIONS,
  resources: { type: 'string', required: true, input: true, help: 'GeoJSON Point features with an "id" property' },
  incident: { type: 'string', help: 'the incident as LNG,LAT' },
  incidents: { type: 'string', input: true, help: 'GeoJSON Point features: answer them all, output an array aligned with them' },
  k: { type: 'string', help: 'how many resources to list (default 10)' },
  'per-kind': { type: 'boolean', help: 'k of each "kind" property instead of k overall' },
} satisfies OptionSpec;

export const NEAREST_USAGE = usage('nearest', 'Resources ranked by the time each needs to reach the incident (resource → incident).', SPEC);

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** `nearest`: {"incident":[lng,lat],"results":[{"id","seconds","meters"}…]} ascending; unreachable left out. */
export function runNearest(argv: string[]): CommandResult {
  const o = parseOptions('nearest', argv, SPEC);
  if (o.help) return { stdout: NEAREST_USAGE };
  if (!o.incident === !o.incidents) throw new CliError('nearest: give exactly one of --incident LNG,LAT or --incidents FILE.geojson');
  const k = o.k ? parsePositive(o.k, '--k', true) : 10;
  const incidents = o.incident ? [parseLngLat(o.incident, '--incident')] : readPoints(o.incidents!, '--incidents', false).map((p) => p.lngLat);
  const resources = readPoints(o.resources!, '--resources', true);
  const { net, problems } = readRoadNetwork(o.roads!, o.profile);
  const closedEdges = closedEdgesFromOptions(net, o);
  const snapped = snapResources(net, resources, closedEdges);
  const answers = incidents.map((incident) => {
    const a = findNearestByTravelTime(net, incident, snapped, { k, perKind: Boolean(o['per-kind']), closedEdges });
    return {
      incident,
      ...(a.incidentSnap ? {} : { unreachable: `farther than ${net.profile.maxSnapMeters} m from every open road` }),
      results: a.results.map((r) => ({ id: r.id, seconds: round(r.seconds, 3), meters: round(r.meters, 1), straightLineMeters: round(r.straightLineMeters, 1), ...(o['per-kind'] ? { kind: r.kind } : {}) })),
    };
  });
  writeJson(o.out!, o.incident ? answers[0] : answers);
  const offRoad = snapped.filter((r) => !r.snap).map((r) => r.id);
  const notes = offRoad.length ? [`${offRoad.length} resources are farther than ${net.profile.maxSnapMeters} m from every open road and never listed: ${offRoad.slice(0, 10).join(', ')}`] : [];
  return { stderr: [...problems.slice(0, 5), ...notes], stdout: `wrote ${answers.length} answer(s) to ${o.out}\n` };
}
