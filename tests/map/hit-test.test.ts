import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIconSvg, ICON_KEYS, RESOURCE_KINDS, type ResourceKind } from '../../src/config/resource-kinds';
import { hitTest, ICON_BADGE_RADIUS_FRACTION, type ScreenProjection } from '../../src/map/hit-test';
import type { ClusterCirclesDescriptor, ClusterDatum, IconPointsDescriptor, LayerDescriptor, MapPoint, PickRef } from '../../src/map/layer-descriptor';
import { clusterRadiusPixels } from '../../src/map/layers/cluster-layer';
import { lngLatFromWorldPixels, worldPixels } from '../../src/map/screen-geometry';

/** A Web Mercator screen like MapLibre's: centre, zoom, size in CSS pixels, bearing (degrees, clockwise). */
function screen(center: readonly [number, number], zoom: number, bearingDegrees = 0, widthPixels = 800, heightPixels = 600): ScreenProjection {
  const [cx, cy] = worldPixels(center, zoom);
  const a = (bearingDegrees * Math.PI) / 180;
  const cos = Math.cos(a), sin = Math.sin(a);
  return {
    project: (lngLat) => {
      const [x, y] = worldPixels(lngLat, zoom);
      const dx = x - cx, dy = y - cy;
      return [widthPixels / 2 + dx * cos + dy * sin, heightPixels / 2 - dx * sin + dy * cos];
    },
    unproject: ([sx, sy]) => {
      const dx = sx - widthPixels / 2, dy = sy - heightPixels / 2;
      return lngLatFromWorldPixels([cx + dx * cos - dy * sin, cy + dx * sin + dy * cos], zoom);
    },
  };
}

const view = screen([119.7, 27.5], 14);
/** The [lng, lat] drawn at a screen pixel of `view`. */
const at = (x: number, y: number, v = view) => v.unproject([x, y]) as [number, number];

let seq = 0;
function icons(kind: ResourceKind, pixels: Array<[number, number]>, extra: Partial<IconPointsDescriptor> = {}, v = view): IconPointsDescriptor {
  const points: MapPoint[] = pixels.map(([x, y]) => ({ id: `${kind}-${seq++}`, kind, lngLat: at(x, y, v) }));
  return { type: 'icon-points', id: `resource-${kind}`, kind, visible: true, points, icon: kind, iconSizePixels: 28, pickable: true, ...extra };
}

function clusters(data: Array<{ xy: [number, number]; pointCount: number; displayXy?: [number, number] }>, extra: Partial<ClusterCirclesDescriptor> = {}): ClusterCirclesDescriptor {
  const list: ClusterDatum[] = data.map((c, i) => ({
    clusterId: 100 + i,
    lngLat: at(...c.xy),
    pointCount: c.pointCount,
    kindCounts: { shelter: c.pointCount },
    expansionZoom: 15,
    ...(c.displayXy ? { displayLngLat: at(...c.displayXy) } : {}),
  }));
  return {
    type: 'cluster-circles', id: 'cluster-resources', group: 'resources', visible: true, clusters: list,
    fillColor: [52, 58, 74, 240], lineColor: [255, 255, 255], lineWidthPixels: 2, textColor: [255, 255, 255],
    minRadiusPixels: 12, maxRadiusPixels: 22, pickable: true, ...extra,
  };
}

const idAt = (descriptors: readonly LayerDescriptor[], x: number, y: number, v = view) => {
  const ref = hitTest(descriptors, [x, y], v);
  return ref === null ? null : ref.type === 'resource' ? ref.id : `cluster ${ref.clusterId}`;
};

describe('hitTest: hand-built scenes', () => {
  it('the badge radius is what buildIconSvg draws for every icon (circle r plus half its ring, in a 24-unit box)', () => {
    for (const key of ICON_KEYS) {
      const svg = buildIconSvg(key);
      expect(svg, key).toContain('viewBox="0 0 24 24"');
      const m = /<circle cx="12" cy="12" r="([\d.]+)"[^>]*stroke-width="([\d.]+)"/.exec(svg);
      expect(m, key).not.toBeNull();
      expect((Number(m![1]) + Number(m![2]) / 2) / 24, key).toBeCloseTo(ICON_BADGE_RADIUS_FRACTION, 12);
    }
  });

  it('overlapping icons of two layers: the later layer is on top', () => {
    const shelters = icons('shelter', [[400, 300]]);
    const depots = icons('depot', [[410, 300]]);
    const [s, d] = [shelters.points[0]!.id, depots.points[0]!.id];
    expect(idAt([shelters, depots], 405, 300)).toBe(d);
    expect(idAt([depots, shelters], 405, 300)).toBe(s);
    expect(idAt([shelters, depots], 392, 300)).toBe(s); // only the shelter's disc
    expect(idAt([shelters, depots], 420, 300)).toBe(d);
    expect(hitTest([shelters, depots], [405, 300], view)).toEqual({ type: 'resource', id: d, kind: 'depot' });
  });

  it('within one layer a later point is drawn over an earlier one', () => {
    const layer = icons('shelter', [[400, 300], [406, 300], [800, 800]]);
    expect(idAt([layer], 403, 300)).toBe(layer.points[1]!.id);
    expect(idAt([layer], 390, 300)).toBe(layer.points[0]!.id);
  });

  it('a fanned-out group is hit where its icons are drawn, not at the members\' shared true spot', () => {
    const spot = at(400, 300);
    const points: MapPoint[] = ['A', 'B', 'C'].map((id) => ({ id, kind: 'rescue_team', lngLat: spot }));
    const fanned: IconPointsDescriptor = {
      ...icons('rescue_team', []), points,
      displayLngLats: [at(370, 300), at(430, 300), at(400, 270)],
    };
    expect(idAt([fanned], 370, 300)).toBe('A');
    expect(idAt([fanned], 432, 301)).toBe('B');
    expect(idAt([fanned], 400, 268)).toBe('C');
    expect(idAt([fanned], 400, 300)).toBeNull(); // the true spot: a dot under the fan, nothing pickable
    // unfanned (no displayLngLats), all three sit on the spot and the last one is on top
    expect(idAt([{ ...fanned, displayLngLats: undefined }], 400, 300)).toBe('C');
  });

  it('a cluster over an icon: the circle (with its outline) wins where they overlap, the icon shows beyond it', () => {
    const layer = icons('shelter', [[415, 300]]);
    const circle = clusters([{ xy: [400, 300], pointCount: 10 }]);
    const outer = clusterRadiusPixels(10, 12, 22) + 2 / 2; // 19.31 + half the 2-pixel outline
    expect(idAt([layer, circle], 412, 300)).toBe('cluster 100');
    expect(idAt([layer, circle], 400 + outer - 0.2, 300)).toBe('cluster 100');
    expect(idAt([layer, circle], 400 + outer + 0.3, 300)).toBe(layer.points[0]!.id);
    expect(idAt([circle, layer], 412, 300)).toBe(layer.points[0]!.id); // icons drawn above instead
    expect(idAt([layer, circle], 400, 300 + outer + 0.3)).toBeNull();
    expect(hitTest([layer, circle], [400, 300], view)).toEqual({
      type: 'cluster', group: 'resources', clusterId: 100, pointCount: 10, kindCounts: { shelter: 10 }, lngLat: circle.clusters[0]!.lngLat, expansionZoom: 15,
    });
  });

  it('a cluster moved clear of icons is hit where it is drawn and still refers to its true position', () => {
    const circle = clusters([{ xy: [400, 300], pointCount: 3, displayXy: [460, 300] }]);
    expect(idAt([circle], 400, 300)).toBeNull();
    const ref = hitTest([circle], [460, 300], view) as Extract<PickRef, { type: 'cluster' }>;
    expect(ref.clusterId).toBe(100);
    expect(ref.lngLat).toEqual(circle.clusters[0]!.lngLat);
  });

  it('an invisible or unpickable layer is passed through to the one under it', () => {
    const under = icons('shelter', [[400, 300]]);
    const over = icons('depot', [[400, 300]]);
    expect(idAt([under, over], 400, 300)).toBe(over.points[0]!.id);
    expect(idAt([under, { ...over, visible: false }], 400, 300)).toBe(under.points[0]!.id);
    expect(idAt([under, { ...over, pickable: false }], 400, 300)).toBe(under.points[0]!.id);
    expect(idAt([{ ...under, visible: false }, { ...over, visible: false }], 400, 300)).toBeNull();
    expect(idAt([under, clusters([{ xy: [400, 300], pointCount: 5 }], { visible: false })], 400, 300)).toBe(under.points[0]!.id);
  });

  it('a point just outside the badge is empty map, and so are the transparent corners of the icon\'s square', () => {
    const layer = icons('shelter', [[400, 300]]); // 28 px: badge radius 13.71 px
    const id = layer.points[0]!.id;
    const r = 28 * ICON_BADGE_RADIUS_FRACTION;
    expect(idAt([layer], 400 + r - 0.1, 300)).toBe(id);
    expect(idAt([layer], 400, 300 - r + 0.1)).toBe(id);
    expect(idAt([layer], 400 + r + 0.2, 300)).toBeNull();
    expect(idAt([layer], 400, 300 + r + 0.2)).toBeNull();
    expect(idAt([layer], 400 + 12, 300 + 12)).toBeNull(); // inside the 28-pixel square, outside the disc
  });

  it('rebuilt descriptors are hit at their new positions (the index follows the arrays, never a stale one)', () => {
    const first = icons('shelter', [[400, 300]]);
    expect(idAt([first], 400, 300)).toBe(first.points[0]!.id);
    const moved = { ...first, points: first.points.map((p) => ({ ...p, lngLat: at(600, 100) })) };
    expect(idAt([moved], 400, 300)).toBeNull();
    expect(idAt([moved], 600, 100)).toBe(first.points[0]!.id);
    // same points, new fanned positions
    const fanned = { ...first, displayLngLats: [at(200, 500)] };
    expect(idAt([fanned], 400, 300)).toBeNull();
    expect(idAt([fanned], 200, 500)).toBe(first.points[0]!.id);
  });

  it('works on a rotated map (badges are discs, the screen box is turned back to the ground)', () => {
    const turned = screen([119.7, 27.5], 14, 37);
    const layer = icons('shelter', [[100, 80], [700, 520]], {}, turned);
    expect(idAt([layer], 100, 80, turned)).toBe(layer.points[0]!.id);
    expect(idAt([layer], 708, 528, turned)).toBe(layer.points[1]!.id);
    expect(idAt([layer], 400, 300, turned)).toBeNull();
  });
});

/** The answer by definition: every object of every visible + pickable layer, topmost first, checked on the screen. */
function bruteForce(descriptors: readonly LayerDescriptor[], [x, y]: readonly [number, number], v: ScreenProjection): PickRef | null {
  const inside = (lngLat: readonly [number, number], radius: number) => {
    const [px, py] = v.project(lngLat);
    return (px - x) ** 2 + (py - y) ** 2 <= radius ** 2;
  };
  for (let k = descriptors.length - 1; k >= 0; k--) {
    const d = descriptors[k]!;
    if (!('pickable' in d) || !d.visible || !d.pickable) continue;
    if (d.type === 'icon-points') {
      for (let i = d.points.length - 1; i >= 0; i--) {
        const p = d.points[i]!;
        if (inside(d.displayLngLats ? d.displayLngLats[i]! : p.lngLat, (d.iconSizePixels * 11.75) / 24)) return { type: 'resource', id: p.id, kind: p.kind };
      }
    } else if (d.type === 'cluster-circles') {
      for (let i = d.clusters.length - 1; i >= 0; i--) {
        const c = d.clusters[i]!;
        if (inside(c.displayLngLat ?? c.lngLat, clusterRadiusPixels(c.pointCount, d.minRadiusPixels, d.maxRadiusPixels) + d.lineWidthPixels / 2)) {
          return { type: 'cluster', group: d.group, clusterId: c.clusterId, pointCount: c.pointCount, kindCounts: c.kindCounts, lngLat: c.lngLat, expansionZoom: c.expansionZoom };
        }
      }
    }
  }
  return null;
}

describe('hitTest against a brute force', () => {
  const pixel = fc.tuple(fc.double({ min: -50, max: 850, noNaN: true }), fc.double({ min: -50, max: 650, noNaN: true }));
  const layerArb = fc.record({
    type: fc.constantFrom('icon-points' as const, 'cluster-circles' as const),
    kind: fc.constantFrom(...RESOURCE_KINDS),
    visible: fc.double({ min: 0, max: 1, noNaN: true }).map((u) => u < 0.8),
    pickable: fc.double({ min: 0, max: 1, noNaN: true }).map((u) => u < 0.85),
    items: fc.array(fc.record({ xy: pixel, display: fc.option(pixel, { nil: undefined }), pointCount: fc.integer({ min: 2, max: 5000 }) }), { maxLength: 40 }),
    fanned: fc.boolean(),
    iconSizePixels: fc.double({ min: 8, max: 48, noNaN: true }),
    minRadiusPixels: fc.integer({ min: 6, max: 16 }),
    maxRadiusPixels: fc.integer({ min: 10, max: 30 }),
    lineWidthPixels: fc.double({ min: 0, max: 4, noNaN: true }),
  });
  const sceneArb = fc.record({
    center: fc.tuple(fc.double({ min: 73, max: 135, noNaN: true }), fc.double({ min: 18, max: 53, noNaN: true })),
    zoom: fc.double({ min: 3, max: 19, noNaN: true }),
    bearing: fc.oneof(fc.constant(0), fc.double({ min: -180, max: 180, noNaN: true })),
    layers: fc.array(layerArb, { minLength: 1, maxLength: 5 }),
    probes: fc.array(pixel, { minLength: 1, maxLength: 20 }),
    nearProbes: fc.array(fc.tuple(fc.nat(), fc.double({ min: -25, max: 25, noNaN: true }), fc.double({ min: -25, max: 25, noNaN: true })), { maxLength: 20 }),
  });

  it('gives the same pick as checking every object, on random scenes (zoom, rotation, overlaps, fans, hidden layers)', () => {
    fc.assert(
      fc.property(sceneArb, (scene) => {
        const v = screen(scene.center, scene.zoom, scene.bearing);
        const descriptors: LayerDescriptor[] = scene.layers.map((l, k) => {
          if (l.type === 'icon-points') {
            const points: MapPoint[] = l.items.map((it, i) => ({ id: `${k}-${i}`, kind: l.kind, lngLat: v.unproject(it.xy) as [number, number] }));
            return {
              type: 'icon-points', id: `icons-${k}`, kind: l.kind, visible: l.visible, pickable: l.pickable, points, icon: l.kind, iconSizePixels: l.iconSizePixels,
              ...(l.fanned ? { displayLngLats: l.items.map((it) => v.unproject(it.display ?? it.xy) as [number, number]) } : {}),
            };
          }
          return {
            ...clusters([], { id: `clusters-${k}`, visible: l.visible, pickable: l.pickable, minRadiusPixels: l.minRadiusPixels, maxRadiusPixels: l.maxRadiusPixels, lineWidthPixels: l.lineWidthPixels }),
            clusters: l.items.map((it, i) => ({
              clusterId: k * 1000 + i, lngLat: v.unproject(it.xy) as [number, number], pointCount: it.pointCount, kindCounts: { [l.kind]: it.pointCount }, expansionZoom: 12,
              ...(it.display ? { displayLngLat: v.unproject(it.display) as [number, number] } : {}),
            })),
          };
        });
        // probes at random and next to drawn objects (so that overlaps and edges are hit often)
        const drawn = scene.layers.flatMap((l) => l.items.map((it) => (l.fanned || l.type === 'cluster-circles' ? it.display ?? it.xy : it.xy)));
        const probes = [...scene.probes, ...(drawn.length ? scene.nearProbes.map(([i, dx, dy]) => [drawn[i % drawn.length]![0] + dx, drawn[i % drawn.length]![1] + dy] as [number, number]) : [])];
        for (const xy of probes) expect(hitTest(descriptors, xy, v)).toEqual(bruteForce(descriptors, xy, v));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same pick on 100,000 resources (the province) at high zoom', () => {
    const v = screen([119.7, 27.5], 15);
    let state = 12345;
    const random = () => {
      // mulberry32
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
    // spread over ±3000 pixels around the screen: over a thousand on it (overlapping), most off it
    const points: MapPoint[] = Array.from({ length: 100_000 }, (_, i) => ({ id: `R${i}`, kind: 'shelter', lngLat: v.unproject([400 + (random() - 0.5) * 6_000, 300 + (random() - 0.5) * 6_000]) as [number, number] }));
    const layer = icons('shelter', [], { points, iconSizePixels: 28 });
    let hits = 0;
    const onScreen = points.map((p) => v.project(p.lngLat)).filter(([x, y]) => x >= 0 && x <= 800 && y >= 0 && y <= 600);
    expect(onScreen.length).toBeGreaterThan(1000);
    for (let q = 0; q < 60; q++) {
      // half at random on the screen, half next to a resource drawn on it
      const near = onScreen[Math.floor(random() * onScreen.length)]!;
      const xy: [number, number] = q % 2 === 0 ? [random() * 800, random() * 600] : [near[0] + (random() - 0.5) * 30, near[1] + (random() - 0.5) * 30];
      const ref = hitTest([layer], xy, v);
      expect(ref).toEqual(bruteForce([layer], xy, v));
      if (ref) hits++;
    }
    expect(hits).toBeGreaterThan(15);
  });
});
