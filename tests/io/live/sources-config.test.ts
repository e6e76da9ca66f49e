import { describe, expect, it } from 'vitest';
import { parseSourcesConfig, sourceOrigins, staleAfterSecondsOf } from '../../../src/io';

const EXAMPLE = {
  layers: {
    shelter: { type: 'ogc-api-features', url: 'https://gis.example.org/ogcapi/collections/shelters', pollSeconds: 30, staleAfterSeconds: 120, properties: { updatedAt: 'updated_at' } },
    rescue_team: { type: 'geojson', url: 'https://data.example.org/teams.geojson', pollSeconds: 60 },
  },
};

describe('sources.json', () => {
  it('the issue example is valid; kinds not named stay embedded', () => {
    const { config, errors } = parseSourcesConfig(EXAMPLE);
    expect(errors).toEqual([]);
    expect(config.layers.shelter).toMatchObject({ type: 'ogc-api-features', pollSeconds: 30 });
    expect(config.layers.camera).toBeUndefined();
    expect(sourceOrigins(config)).toEqual(['https://data.example.org', 'https://gis.example.org']);
    expect(staleAfterSecondsOf(config.layers.rescue_team as never)).toBe(180);
  });

  it('an empty file and {"layers": {}} mean every kind embedded', () => {
    expect(parseSourcesConfig({}).errors).toEqual([]);
    expect(parseSourcesConfig({ layers: {} }).config.layers).toEqual({});
  });

  it('errors name the file and the field, and nothing is half applied', () => {
    const { config, errors } = parseSourcesConfig({
      layers: {
        shelter: { type: 'ogc-api-features', url: 'ftp://x', pollSeconds: 1 },
        shelters: { type: 'geojson', url: 'https://x.org/a.geojson' },
        depot: { type: 'wfs', url: 'https://x.org' },
      },
    });
    expect(config.layers).toEqual({});
    const text = errors.join('\n');
    expect(text).toMatch(/sources\.json: layers\.shelter\.url: must be an http\(s\) URL/);
    expect(text).toMatch(/sources\.json: layers\.shelter\.pollSeconds: pollSeconds must be at least 5/);
    expect(text).toMatch(/shelters.*known kinds: shelter, rescue_team/);
    expect(text).toMatch(/layers\.depot\.type/);
  });

  it('same-site paths need no extra origin', () => {
    const { config, errors } = parseSourcesConfig({ layers: { shelter: { type: 'geojson', url: '/live/shelters.geojson' } } });
    expect(errors).toEqual([]);
    expect(sourceOrigins(config)).toEqual([]);
  });
});
