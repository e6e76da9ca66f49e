import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildBasemapStyle, labelTextField, LABEL_LAYER_IDS } from '../../src/map/basemap-style';

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
});
