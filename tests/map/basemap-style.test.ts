import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_SOURCE, buildBasemapStyle, labelTextField, LABEL_LAYER_IDS, mergedBasemapData } from '../../src/map/basemap-style';

const empty = { type: 'FeatureCollection' as const, features: [] };
const data = { county: empty, townships: empty, townshipSeats: empty, villages: empty, roads: empty };

describe('basemap style', () => {
  const style = buildBasemapStyle(data, 'zh-CN');

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('uses only inline data: no glyphs, sprite or remote URLs', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const json = JSON.stringify(style);
    expect(json).not.toMatch(/https?:\/\//);
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
  });

  it('draws roads by class, tracks dashed, major roads wider', () => {
    const ids = style.layers.map((l) => l.id);
    for (const c of ['trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'track']) expect(ids).toContain(`road-${c}`);
    const track = style.layers.find((l) => l.id === 'road-track');
    expect(track?.type === 'line' && track.paint?.['line-dasharray']).toBeTruthy();
    expect(ids.indexOf('road-trunk')).toBeGreaterThan(ids.indexOf('road-track'));
  });

  it('labels townships and villages in the chosen language', () => {
    for (const id of LABEL_LAYER_IDS) expect(style.layers.some((l) => l.id === id)).toBe(true);
    expect(labelTextField('zh-CN')).toEqual(['get', 'name']);
    expect(JSON.stringify(labelTextField('en'))).toContain('nameEn');
  });

  it('is one GeoJSON source holding every part, each layer filtered to its part (one set of tiles, one stencil clip per tile)', () => {
    const pt = (name: string) => ({ type: 'Feature' as const, properties: { name }, geometry: { type: 'Point' as const, coordinates: [119.7, 27.5] } });
    const line = { type: 'Feature' as const, properties: { highway: 'trunk' }, geometry: { type: 'LineString' as const, coordinates: [[119.7, 27.5], [119.8, 27.6]] } };
    const fc = (features: unknown[]) => ({ type: 'FeatureCollection' as const, features }) as never;
    const input = { county: fc([]), townships: fc([]), townshipSeats: fc([pt('罗阳镇')]), villages: fc([pt('白溪村'), pt('瑞岭村')]), roads: fc([line]) };
    const merged = mergedBasemapData(input);
    expect(merged.features.map((f) => f.properties?.basemapPart)).toEqual(['seat', 'village', 'village', 'road']);
    expect(merged.features[1]!.properties).toEqual({ name: '白溪村', basemapPart: 'village' });
    expect((input.villages as { features: { properties: object }[] }).features[0]!.properties).toEqual({ name: '白溪村' }); // inputs untouched
    const s = buildBasemapStyle(input, 'zh-CN');
    expect(Object.keys(s.sources)).toEqual([BASEMAP_SOURCE]);
    for (const l of s.layers) if (l.type !== 'background') expect(JSON.stringify((l as { filter?: unknown }).filter)).toContain('basemapPart');
    expect(validateStyleMin(s)).toEqual([]);
  });

  it('keeps the roads a source of their own when MapLibre reads them from a URL (the province)', () => {
    const s = buildBasemapStyle({ ...data, roadsUrl: '/province/roads.geojson' }, 'zh-CN');
    expect(Object.keys(s.sources).sort()).toEqual([BASEMAP_SOURCE, 'roads'].sort());
    const trunk = s.layers.find((l) => l.id === 'road-trunk') as { source: string; filter: unknown };
    expect(trunk.source).toBe('roads');
    expect(trunk.filter).toEqual(['==', ['get', 'highway'], 'trunk']);
    expect(validateStyleMin(s)).toEqual([]);
  });
});

