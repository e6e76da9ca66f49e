/**
 * KML → GeoJSON features with @tmcw/togeojson over @xmldom/xmldom's parser (the same in Node and
 * in a Web Worker, which has no DOMParser). DOCTYPE entities are not expanded and nothing
 * external is fetched. KML is WGS-84 by definition.
 */
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';

export class KmlError extends Error {
  override readonly name = 'KmlError';
}

export function readKml(text: string): Array<{ type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }> {
  if (/<!ENTITY/i.test(text.slice(0, 10_000))) throw new KmlError('the KML declares XML entities (<!ENTITY>); refused (entity expansion)');
  let problem: string | null = null;
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level === 'fatalError' && !problem) problem = msg;
    },
  }).parseFromString(text, 'text/xml');
  if (problem) throw new KmlError(`not readable KML: ${String(problem).split('\n')[0]!.slice(0, 200)}`);
  if (!doc.documentElement || doc.documentElement.nodeName.toLowerCase() !== 'kml') throw new KmlError(`not KML: the root element is <${doc.documentElement?.nodeName ?? 'none'}>`);
  const fc = kml(doc as unknown as Document);
  return fc.features.map((f) => ({ type: 'Feature' as const, geometry: f.geometry, properties: (f.properties ?? {}) as Record<string, unknown> }));
}
