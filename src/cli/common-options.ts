import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { closedEdgesFromBarriers, type RoadNetwork } from '../core';
import type { OptionSpec } from './args';
import { CliError } from './cli-error';

export const ROAD_OPTIONS = {
  roads: { type: 'string', required: true, help: 'road network: .osm.pbf, .osm (XML) or .geojson LineStrings with highway tags' },
  profile: { type: 'string', help: 'speed profile name (default emergency-default, road-network.md)' },
  'closed-ways': { type: 'string', help: 'comma-separated OSM way ids closed to traffic' },
  barriers: { type: 'string', help: 'GeoJSON of (Multi)Polygons (flooded areas): every road touching them is closed' },
  out: { type: 'string', required: true, help: 'output file' },
} satisfies OptionSpec;

/** The closed-edge mask from --closed-ways and --barriers, or undefined when neither is given. */
export function closedEdgesFromOptions(net: RoadNetwork, o: { 'closed-ways'?: string; barriers?: string }): Uint8Array | undefined {
  if (!o['closed-ways'] && !o.barriers) return undefined;
  const wayIds = (o['closed-ways'] ?? '').split(',').filter((s) => s.trim() !== '').map((s) => {
    const id = Number(s);
    if (!Number.isInteger(id)) throw new CliError(`--closed-ways must be whole way ids, got "${s}"`);
    return id;
  });
  const polygons: Array<Polygon | MultiPolygon> = [];
  if (o.barriers) {
    let fc: { features?: Array<{ geometry?: Polygon | MultiPolygon | null }> };
    try {
      fc = JSON.parse(readFileSync(o.barriers, 'utf8'));
    } catch (err) {
      throw new CliError(`cannot read --barriers "${o.barriers}": ${(err as Error).message}`);
    }
    (fc.features ?? []).forEach((f, i) => {
      const t = f.geometry?.type;
      if (t !== 'Polygon' && t !== 'MultiPolygon') throw new CliError(`--barriers "${o.barriers}" feature ${i}: geometry ${t ?? 'null'} is not a (Multi)Polygon`);
      polygons.push(f.geometry!);
    });
  }
  return closedEdgesFromBarriers(net.graph, net.index, { wayIds, polygons });
}
