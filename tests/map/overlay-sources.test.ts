import type { Map as MaplibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { syncOverlaySources, type OverlaysOnMap } from '../../src/map/canvas/overlay-sources';
import type { LayerDescriptor } from '../../src/map/layer-descriptor';

/** Just enough of a MapLibre map to hold sources and layers, and to refuse a duplicate as MapLibre does. */
function fakeMap() {
  const sources = new Map<string, { data: unknown; setData(d: unknown): void }>();
  const layers: Array<{ id: string; type: string; source?: string }> = [];
  const map = {
    getSource: (id: string) => sources.get(id),
    addSource: (id: string, spec: { data: unknown }) => {
      if (sources.has(id)) throw new Error(`Source "${id}" already exists.`);
      const s = { data: spec.data, setData(d: unknown) { s.data = d; } };
      sources.set(id, s);
    },
    removeSource: (id: string) => { if ([...layers].some((l) => l.source === id)) throw new Error('layers still use it'); sources.delete(id); },
    getLayer: (id: string) => layers.find((l) => l.id === id),
    addLayer: (l: { id: string; type: string; source?: string }) => {
      if (layers.some((x) => x.id === l.id)) throw new Error(`Layer "${l.id}" already exists.`);
      layers.push(l);
    },
    removeLayer: (id: string) => { layers.splice(layers.findIndex((l) => l.id === id), 1); },
    getStyle: () => ({ layers: [...layers] }),
    setLayoutProperty: () => {},
  };
  return { map: map as unknown as MaplibreMap, sources, layers };
}

const route = (path: [number, number][]): LayerDescriptor => ({
  type: 'paths', id: 'duty-route', visible: true, pickable: false, drawnBy: 'maplibre',
  paths: [{ id: 'r1', path, color: [29, 79, 145, 255], widthPixels: 5 }],
});

describe('syncOverlaySources', () => {
  it('adds, updates and removes a MapLibre-drawn overlay', () => {
    const { map, sources, layers } = fakeMap();
    const onMap: OverlaysOnMap = new Map();
    syncOverlaySources(map, [route([[0, 0], [1, 1]])], onMap);
    expect(sources.has('duty-route')).toBe(true);
    expect(layers.map((l) => l.id)).toEqual(['duty-route:0']);
    syncOverlaySources(map, [route([[0, 0], [2, 2]])], onMap);
    expect((sources.get('duty-route')!.data as { features: unknown[] }).features).toHaveLength(1);
    syncOverlaySources(map, [], onMap);
    expect(sources.size).toBe(0);
    expect(layers).toHaveLength(0);
  });

  it('is idempotent when its record was cleared while the map kept the source (never "already exists")', () => {
    const { map, sources, layers } = fakeMap();
    const onMap: OverlaysOnMap = new Map();
    syncOverlaySources(map, [route([[0, 0], [1, 1]])], onMap);
    onMap.clear();
    expect(() => syncOverlaySources(map, [route([[0, 0], [3, 3]])], onMap)).not.toThrow();
    expect(sources.size).toBe(1);
    expect(layers.map((l) => l.id)).toEqual(['duty-route:0']);
  });
});
