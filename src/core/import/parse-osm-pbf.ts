import tinyOsmPbf from 'tiny-osmpbf';
import { CoreError } from '../errors';
import { checkPbfFraming } from './pbf-framing';
import type { RawRoads, RawWay } from './raw-roads';

interface PbfElement {
  type: 'node' | 'way' | 'relation';
  id: number;
  lat?: number;
  lon?: number;
  nodes?: number[];
  tags?: Record<string, string>;
}

/**
 * Reads an OpenStreetMap `.osm.pbf` into raw roads: every node, and every way with a `highway` tag.
 * Uses tiny-osmpbf (pure JS, runs in Node and workers; reads the whole file into memory).
 * The block framing is checked first (`checkPbfFraming`), so a truncated or corrupted file fails at
 * once, named, instead of sending the decoder past the end of the bytes.
 * @throws CoreError('invalid-input') when the bytes are not an OSM PBF file.
 */
export function parseOsmPbf(bytes: Uint8Array): RawRoads {
  const nodes = new Map<number, readonly [number, number]>();
  const ways: RawWay[] = [];
  checkPbfFraming(bytes);
  try {
    tinyOsmPbf(bytes, (e: PbfElement) => {
      if (e.type === 'node' && e.lon !== undefined && e.lat !== undefined) nodes.set(e.id, [e.lon, e.lat]);
      else if (e.type === 'way' && e.tags?.highway && e.nodes) ways.push({ id: e.id, nodeIds: e.nodes, tags: e.tags });
    });
  } catch (err) {
    throw new CoreError('invalid-input', `not a readable OSM PBF file: ${(err as Error).message}`);
  }
  return { nodes, ways, problems: [] };
}
