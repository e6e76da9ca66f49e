import { CoreError } from '../errors';
import { parseGeoJsonRoads } from './parse-geojson-roads';
import { parseOsmPbf } from './parse-osm-pbf';
import { parseOsmXml } from './parse-osm-xml';
import type { RawRoads } from './raw-roads';

export type RoadFormat = 'osm-pbf' | 'osm-xml' | 'geojson';

/** Guesses the road file format from its name, then from its first bytes. */
export function detectRoadFormat(fileName: string, bytes: Uint8Array): RoadFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.pbf')) return 'osm-pbf';
  if (name.endsWith('.osm') || name.endsWith('.xml')) return 'osm-xml';
  if (name.endsWith('.geojson') || name.endsWith('.json')) return 'geojson';
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart();
  if (head.startsWith('<')) return 'osm-xml';
  if (head.startsWith('{')) return 'geojson';
  if (bytes.length > 8 && head.includes('OSMHeader')) return 'osm-pbf';
  throw new CoreError('invalid-input', `cannot tell the road format of "${fileName}" (expected .osm.pbf, .osm or .geojson)`);
}

/** Reads road bytes in any supported format into raw roads. */
export function parseRoads(fileName: string, bytes: Uint8Array): RawRoads {
  const format = detectRoadFormat(fileName, bytes);
  if (format === 'osm-pbf') return parseOsmPbf(bytes);
  const text = new TextDecoder().decode(bytes);
  if (format === 'osm-xml') return parseOsmXml(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CoreError('invalid-input', `"${fileName}" is not valid JSON: ${(err as Error).message}`);
  }
  return parseGeoJsonRoads(json);
}
