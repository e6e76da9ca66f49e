import { describe, expect, it } from 'vitest';
import { RESOURCE_KINDS, type ResourceKind } from '../../src/config/resource-kinds';
import type { MapPoint } from '../../src/map/layer-descriptor';
import { RESOURCE_DRAW_ORDER, buildLayerDescriptors, countDrawnByKind } from '../../src/map/layers/build-layer-descriptors';
import { buildPolygonBandsLayer } from '../../src/map/layers/polygon-bands-layer';

function points(kind: ResourceKind, n: number, spreadDegrees = 0.001): MapPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${kind}-${i}`,
    kind,
    lngLat: [119.7 + (i % 10) * spreadDegrees, 27.5 + Math.floor(i / 10) * spreadDegrees] as const,
  }));
}

function byKind(counts: Partial<Record<ResourceKind, number>>): Record<ResourceKind, MapPoint[]> {
  return Object.fromEntries(RESOURCE_KINDS.map((k) => [k, points(k, counts[k] ?? 0)])) as Record<ResourceKind, MapPoint[]>;
}

describe('buildLayerDescriptors', () => {
  const state = {
    pointsByKind: byKind({ shelter: 2, rescue_team: 1, fire_station: 1, depot: 1, camera: 40 }),
    visibleKinds: new Set(RESOURCE_KINDS),
    zoom: 9,
    selectedLngLat: null,
  };

  it('draws every kind exactly once', () => {
    expect([...RESOURCE_DRAW_ORDER].sort()).toEqual([...RESOURCE_KINDS].sort());
  });

  it('has one layer per kind, a cluster layer for cameras, one for the other kinds mixed, and a highlight, in a stable order', () => {
    const ids = buildLayerDescriptors(state).map((d) => `${d.type}:${d.id}`);
    expect(ids).toMatchInlineSnapshot(`
      [
        "fan-out:fan-out",
        "icon-points:resource-camera",
        "cluster-circles:cluster-camera",
        "icon-points:resource-depot",
        "icon-points:resource-shelter",
        "icon-points:resource-rescue_team",
        "icon-points:resource-fire_station",
        "cluster-circles:cluster-resources",
        "cluster-circles:cluster-camera-top",
        "highlight:selection-highlight",
      ]
    `);
  });

  it('represents every point exactly once, clustered or not', () => {
    expect(countDrawnByKind(buildLayerDescriptors(state))).toEqual({
      shelter: 2,
      rescue_team: 1,
      fire_station: 1,
      depot: 1,
      camera: 40,
    });
  });

  it('clusters crowded cameras at low zoom and spreads them at high zoom', () => {
    const low = buildLayerDescriptors(state).find((d) => d.id === 'cluster-camera');
    const high = buildLayerDescriptors({ ...state, zoom: 18 }).find((d) => d.id === 'cluster-camera');
    expect(low?.type === 'cluster-circles' && low.clusters.length).toBeGreaterThan(0);
    expect(high?.type === 'cluster-circles' && high.clusters.length).toBe(0);
  });

  it('marks toggled-off kinds invisible and leaves them out of the drawn counts', () => {
    const ds = buildLayerDescriptors({ ...state, visibleKinds: new Set<ResourceKind>(['shelter']) });
    expect(ds.find((d) => d.id === 'resource-depot')?.visible).toBe(false);
    expect(countDrawnByKind(ds)).toMatchObject({ shelter: 2, camera: 0, depot: 0 });
  });

  it('puts extra descriptors below and above the resources', () => {
    const bands = buildPolygonBandsLayer('isochrone-FS01', { type: 'FeatureCollection', features: [] });
    const ds = buildLayerDescriptors({ ...state, extraBelow: [bands] });
    expect(ds[0]).toMatchInlineSnapshot(`
      {
        "bands": {
          "features": [],
          "type": "FeatureCollection",
        },
        "fallbackColor": [
          120,
          120,
          120,
          60,
        ],
        "fillColorsByValue": {
          "10": [
            240,
            180,
            30,
            90,
          ],
          "15": [
            220,
            70,
            50,
            70,
          ],
          "5": [
            34,
            160,
            90,
            110,
          ],
        },
        "id": "isochrone-FS01",
        "lineColor": [
          60,
          60,
          60,
          200,
        ],
        "lineWidthPixels": 1,
        "pickable": false,
        "type": "polygon-bands",
        "valueProperty": "minutes",
        "visible": true,
      }
    `);
  });

  it('shows the highlight only when something is selected', () => {
    const ds = buildLayerDescriptors({ ...state, selectedLngLat: [119.7, 27.5] });
    expect(ds.find((d) => d.id === 'selection-highlight')).toMatchObject({ visible: true, lngLat: [119.7, 27.5] });
  });
});

describe('place labels', () => {
  it('are drawn last (above icons and clusters) when given', () => {
    const ds = buildLayerDescriptors({
      pointsByKind: byKind({ shelter: 1 }),
      visibleKinds: new Set(RESOURCE_KINDS),
      zoom: 10,
      selectedLngLat: null,
      placeLabels: [{ id: 'T01', text: '罗阳镇', lngLat: [119.713, 27.5601] }],
    });
    const last = ds[ds.length - 1];
    expect(last).toMatchObject({ type: 'text-labels', id: 'township-labels', visible: true });
  });
});
