import { barrierPolygonsFromGeoJson, closedEdgesFromBarriers, CoreError, previewValue, type RoadNetwork } from '../core';
import type { OptionSpec } from './args';
import { CliError } from './cli-error';
import { readJson } from './read-inputs';

export const ROAD_OPTIONS = {
  roads: { type: 'string', required: true, input: true, help: 'road network: .osm.pbf, .osm (XML) or .geojson LineStrings with highway tags' },
  profile: { type: 'string', help: 'speed profile name (default emergency-default, road-network.md)' },
  'closed-ways': { type: 'string', help: 'comma-separated OSM way ids closed to traffic' },
  barriers: { type: 'string', input: true, help: 'GeoJSON of (Multi)Polygons (flooded areas): every road touching them is closed' },
  out: { type: 'string', required: true, output: true, help: 'output file; written whole to a temporary file, then renamed, never over an input' },
} satisfies OptionSpec;

/** The closed-edge mask from --closed-ways and --barriers, or undefined when neither is given. */
export function closedEdgesFromOptions(net: RoadNetwork, o: { 'closed-ways'?: string; barriers?: string }): Uint8Array | undefined {
  if (!o['closed-ways'] && !o.barriers) return undefined;
  const wayIds = (o['closed-ways'] ?? '').split(',').filter((s) => s.trim() !== '').map((s) => {
    const id = Number(s);
    if (!Number.isSafeInteger(id)) throw new CliError(`--closed-ways must be whole way ids, got ${previewValue(s)}`);
    return id;
  });
  try {
    const polygons = o.barriers ? barrierPolygonsFromGeoJson(readJson(o.barriers, '--barriers')) : [];
    return closedEdgesFromBarriers(net.graph, net.index, { wayIds, polygons });
  } catch (err) {
    if (err instanceof CoreError) throw new CliError(`--barriers "${o.barriers}": ${err.message}`);
    throw err;
  }
}
