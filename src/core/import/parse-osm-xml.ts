import { XMLParser } from 'fast-xml-parser';
import { CoreError } from '../errors';
import type { RawRoads, RawWay } from './raw-roads';

type XmlAttrs = Record<string, string>;
interface XmlWay extends XmlAttrs {}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/**
 * Reads OpenStreetMap XML (`.osm`) into raw roads: nodes with lat/lon and ways with a `highway` tag.
 * DOCTYPE/entities are not processed. Bad nodes are reported in `problems`, never thrown.
 * @throws CoreError('invalid-input') when the text has no <osm> root.
 */
export function parseOsmXml(text: string): RawRoads {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    processEntities: false,
    isArray: (name) => name === 'node' || name === 'way' || name === 'nd' || name === 'tag',
  });
  let doc: { osm?: { node?: XmlAttrs[]; way?: Array<XmlWay & { nd?: XmlAttrs[]; tag?: XmlAttrs[] }> } };
  try {
    doc = parser.parse(text);
  } catch (err) {
    throw new CoreError('invalid-input', `not readable OSM XML: ${(err as Error).message}`);
  }
  if (!doc.osm) throw new CoreError('invalid-input', 'not OSM XML: no <osm> root element');
  const problems: string[] = [];
  const nodes = new Map<number, readonly [number, number]>();
  for (const n of asArray(doc.osm.node)) {
    const id = Number(n.id), lat = Number(n.lat), lon = Number(n.lon);
    if (!Number.isFinite(id) || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      problems.push(`node id="${n.id}": lat="${n.lat}" lon="${n.lon}" is not a position; skipped`);
      continue;
    }
    nodes.set(id, [lon, lat]);
  }
  const ways: RawWay[] = [];
  for (const w of asArray(doc.osm.way)) {
    const tags: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const t of asArray(w.tag)) if (t.k !== undefined && t.v !== undefined) tags[t.k] = t.v;
    if (!tags.highway) continue;
    ways.push({ id: Number(w.id), nodeIds: asArray(w.nd).map((nd) => Number(nd.ref)), tags });
  }
  return { nodes, ways, problems };
}
