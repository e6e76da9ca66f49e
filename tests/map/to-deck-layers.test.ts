import { describe, expect, it } from 'vitest';
import { RESOURCE_KINDS, type ResourceKind } from '../../src/config/resource-kinds';
import type { MapPoint } from '../../src/map/layer-descriptor';
import { buildLayerDescriptors } from '../../src/map/layers/build-layer-descriptors';
import { buildPolygonBandsLayer } from '../../src/map/layers/polygon-bands-layer';
import { toDeckLayers } from '../../src/map/to-deck-layers';

const empty = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, [] as MapPoint[]])) as Record<ResourceKind, MapPoint[]>;
const shelter: MapPoint = { id: 'SH001', kind: 'shelter', lngLat: [119.71, 27.56] };

describe('toDeckLayers', () => {
  const bands = buildPolygonBandsLayer('isochrone-FS01', {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { minutes: 5 },
        geometry: { type: 'Polygon', coordinates: [[[119.7, 27.5], [119.8, 27.5], [119.8, 27.6], [119.7, 27.5]]] },
      },
    ],
  });
  const descriptors = buildLayerDescriptors({
    pointsByKind: { ...empty, shelter: [shelter] },
    visibleKinds: new Set(RESOURCE_KINDS),
    zoom: 10,
    selectedLngLat: null,
    placeLabels: [{ id: 'T01', text: '罗阳镇', lngLat: [119.713, 27.56] }],
    extraBelow: [bands],
  });

  it('turns every descriptor into deck.gl layers with matching ids; bands are left to MapLibre', () => {
    const ids = toDeckLayers(descriptors).map((l) => l.id);
    // Polygon bands go to MapLibre as a GeoJSON source (tessellated in its worker), not to deck.gl.
    expect(ids.some((id) => id.startsWith('isochrone-FS01'))).toBe(false);
    // the fan-out's two layers come first, drawn transparent below the fan-out zoom (pipelines ready)
    expect(ids.slice(0, 3)).toEqual(['fan-out', 'fan-out-spots', 'resource-camera']);
    expect(ids).toContain('cluster-resources');
    expect(ids).toContain('resource-shelter');
    expect(ids).toContain('cluster-camera');
    expect(ids).toContain('cluster-camera-count');
    expect(ids[ids.length - 1]).toBe('township-labels');
  });

  it('makes no deck.gl layer pickable, so deck.gl never runs a picking pass (src/map/hit-test.ts picks on the CPU)', () => {
    const layers = toDeckLayers(descriptors);
    expect(descriptors.some((d) => 'pickable' in d && d.pickable)).toBe(true);
    expect(layers.filter((l) => l.props.pickable).map((l) => l.id)).toEqual([]);
  });

  it('keeps each layer\'s data when the descriptors are rebuilt from the same sources (deck.gl redraws on new data)', () => {
    // Layers are recreated on every render; deck.gl compares `data` by identity, and a new array
    // means new attributes and a redraw (with software WebGL: the canvas read back, ~100 ms).
    const at = [119.72, 27.57] as const;
    const groups = [{ centerLngLat: at, radiusMeters: 40, memberIds: ['A', 'B'], memberLngLats: [at, at] }];
    const build = (lngLat: readonly [number, number] | null) => [
      { type: 'highlight' as const, id: 'pick', visible: lngLat !== null, lngLat, radiusPixels: 20, color: [1, 2, 3] as const },
      { type: 'fan-out' as const, id: 'fans', visible: true, groups },
    ];
    const dataOf = (layers: ReturnType<typeof toDeckLayers>) => Object.fromEntries(layers.map((l) => [l.id, l.props.data]));
    const first = dataOf(toDeckLayers(build(at)));
    const again = dataOf(toDeckLayers(build(at)));
    expect(Object.keys(again)).toEqual(['pick', 'fans', 'fans-spots']);
    for (const id of Object.keys(first)) expect(again[id], id).toBe(first[id]);
    expect(first.pick).toEqual([at]);
    expect(first['fans-spots']).toEqual([{ lngLat: at }, { lngLat: at }]);
    // another position is new data; no position is one shared placeholder, drawn transparent (its
    // pipeline exists before the first highlight: see toHighlightLayer)
    expect(dataOf(toDeckLayers(build([119.8, 27.6]))).pick).not.toBe(first.pick);
    expect(dataOf(toDeckLayers(build(null))).pick).toBe(dataOf(toDeckLayers(build(null))).pick);
    expect(dataOf(toDeckLayers(build(null))).pick).toEqual([[0, 0]]);
    const none = toDeckLayers(build(null)).find((l) => l.id === 'pick')!;
    expect(none.props.visible).toBe(true);
    expect((none.props as unknown as { getLineColor: unknown }).getLineColor).toEqual([0, 0, 0, 0]);
    const shown = toDeckLayers(build(at)).find((l) => l.id === 'pick')!;
    expect((shown.props as unknown as { getLineColor: number[] }).getLineColor[3]).toBe(255);
  });
});
