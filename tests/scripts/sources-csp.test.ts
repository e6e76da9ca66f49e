import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script module
import { connectSrcFor, sourceOriginsFromFile } from '../../scripts/sources-csp.mjs';

function file(content: string): string {
  const p = join(mkdtempSync(join(tmpdir(), 'onemap-csp-')), 'sources.json');
  writeFileSync(p, content);
  return p;
}

describe('connect-src from sources.json', () => {
  it('exactly the origins named, sorted, deduplicated; same-site paths add nothing', () => {
    const p = file(JSON.stringify({ layers: {
      shelter: { type: 'ogc-api-features', url: 'https://gis.example.org:8443/ogcapi/collections/shelters' },
      rescue_team: { type: 'geojson', url: 'https://data.example.org/teams.geojson' },
      depot: { type: 'geojson', url: 'https://data.example.org/depots.geojson' },
      camera: { type: 'geojson', url: '/live/cameras.geojson' },
      fire_station: { type: 'embedded' },
    } }));
    expect(sourceOriginsFromFile(p)).toEqual(['https://data.example.org', 'https://gis.example.org:8443']);
    expect(connectSrcFor(p)).toBe("'self' https://data.example.org https://gis.example.org:8443");
  });
  it("a missing, broken or empty file gives just 'self'; non-http URLs are never allowed", () => {
    expect(connectSrcFor('/nonexistent/sources.json')).toBe("'self'");
    expect(connectSrcFor(file('{"layers": {'))).toBe("'self'");
    expect(connectSrcFor(file('{"layers": {}}'))).toBe("'self'");
    expect(connectSrcFor(file('{"layers": {"shelter": {"type": "geojson", "url": "javascript:alert(1)"}}}'))).toBe("'self'");
  });
});
