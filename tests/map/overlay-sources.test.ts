import type { Map as MaplibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { syncOverlaySources, type OverlaysOnMap } from '../../src/map/canvas/overlay-sources';
import type { LayerDescriptor } from '../../src/map/layer-descriptor';

/** Just enough of a MapLibre map to hold sources and layers, and to refuse a duplicate as MapLibre does. */
function fakeMap() {
  const sources = new Map<string, { data: unknown; setData(d: unknown): void }>();
  const layers: Array<{ id: string; type: string; source?: string; layout?: Record<string, unknown> }> = [];
  /** every setLayoutProperty call (each one repaints a real map, changed or not) */
  const layoutWrites: string[] = [];
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
    getLayersOrder: () => layers.map((l) => l.id),
    getLayoutProperty: (id: string, name: string) => layers.find((l) => l.id === id)?.layout?.[name],
    setLayoutProperty: (id: string, name: string, value: unknown) => {
      const l = layers.find((x) => x.id === id)!;
      l.layout = { ...l.layout, [name]: value };
      layoutWrites.push(`${id}.${name}=${String(value)}`);
    },
  };
  return { map: map as unknown as MaplibreMap, sources, layers, layoutWrites };
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

  it('writes a layer\'s visibility only when it changes (MapLibre repaints on every setLayoutProperty)', () => {
    const { map, layoutWrites } = fakeMap();
    const onMap: OverlaysOnMap = new Map();
    const shown = route([[0, 0], [1, 1]]);
    syncOverlaySources(map, [shown], onMap);
    syncOverlaySources(map, [shown], onMap);
    expect(layoutWrites).toEqual([]); // added visible, still visible: nothing written
    syncOverlaySources(map, [{ ...shown, visible: false }], onMap);
    syncOverlaySources(map, [{ ...shown, visible: false }], onMap);
    expect(layoutWrites).toEqual(['duty-route:0.visibility=none']);
    syncOverlaySources(map, [shown], onMap);
    expect(layoutWrites).toEqual(['duty-route:0.visibility=none', 'duty-route:0.visibility=visible']);
  });
});
