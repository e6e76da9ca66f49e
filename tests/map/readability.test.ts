/** A map an officer can read: stacked icons can be told apart and picked, shelters show their state. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIconSvg, RESOURCE_KINDS, RESOURCE_KIND_STYLES, iconParts, shelterState, type ResourceKind } from '../../src/config/resource-kinds';
import { FAN_OUT_MIN_ZOOM } from '../../src/config/map-defaults';
import { fanOutPoints } from '../../src/map/fan-out';
import type { ClusterCirclesDescriptor, IconPointsDescriptor, LayerDescriptor, MapPoint } from '../../src/map/layer-descriptor';
import { buildLayerDescriptors, countDrawnByKind, drawnIconPositions, prewarmResourceDescriptors } from '../../src/map/layers/build-layer-descriptors';
import { clusterRadiusPixels } from '../../src/map/layers/cluster-layer';
import { moveClearOf } from '../../src/map/layers/clear-of-icons';
import { iconSizePixelsAtZoom } from '../../src/map/layers/icon-size';
import { iconKeyOf } from '../../src/map/layers/resource-layer';
import { worldPixels } from '../../src/map/screen-geometry';

const DIR = join(__dirname, '..', '..', 'data', 'taishun', 'resources');
const FILES: Record<ResourceKind, string> = {
  shelter: 'shelters', rescue_team: 'rescue-teams', fire_station: 'fire-stations', depot: 'depots', camera: 'cameras',
};
type Demo = MapPoint & Record<string, unknown>;
const demo = Object.fromEntries(
  RESOURCE_KINDS.map((k) => [
    k,
    (JSON.parse(readFileSync(join(DIR, `${FILES[k]}.geojson`), 'utf8')).features as { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[]).map(
      (f) => ({ ...f.properties, lngLat: f.geometry.coordinates }) as unknown as Demo,
    ),
  ]),
) as Record<ResourceKind, Demo[]>;
const all = new Set(RESOURCE_KINDS);
const NON_CAMERA: ResourceKind[] = ['shelter', 'rescue_team', 'fire_station', 'depot'];

function build(zoom: number, visibleKinds: ReadonlySet<ResourceKind> = all) {
  return buildLayerDescriptors({ pointsByKind: demo, visibleKinds, zoom, selectedLngLat: null });
}
const icons = (ds: LayerDescriptor[]) => ds.filter((d): d is IconPointsDescriptor => d.type === 'icon-points' && d.visible);
const cluster = (ds: LayerDescriptor[], id: string) => ds.find((d): d is ClusterCirclesDescriptor => d.id === id)!;

/** Pairs of drawn icons (of the given kinds) whose centres are closer than `fraction` of an icon at `zoom`. */
function overlappingPairs(ds: LayerDescriptor[], zoom: number, kinds: readonly ResourceKind[], fraction: number): string[] {
  const size = iconSizePixelsAtZoom(zoom);
  const drawn = drawnIconPositions(ds).filter((p) => kinds.includes(p.kind)).map((p) => ({ id: p.id, xy: worldPixels(p.lngLat, zoom) }));
  const out: string[] = [];
  for (let i = 0; i < drawn.length; i++)
    for (let j = i + 1; j < drawn.length; j++) {
      const a = drawn[i]!;
      const b = drawn[j]!;
      if (Math.hypot(a.xy[0] - b.xy[0], a.xy[1] - b.xy[1]) < size * fraction) out.push(`${a.id}/${b.id}`);
    }
  return out;
}

describe('the county seat (罗阳镇): fire stations, teams and depots on one spot', () => {
  const seat = ['FS01', 'FS02', 'RT001', 'RT002', 'RT003', 'RT004', 'DP01', 'DP02'];

  it('the demo really stacks them (the problem exists): drawn plainly at zoom 14, many icons overlap', () => {
    const ps = seat.map((id) => NON_CAMERA.flatMap((k) => demo[k]).find((p) => p.id === id)!);
    const size = iconSizePixelsAtZoom(14);
    let overlapping = 0;
    for (let i = 0; i < ps.length; i++)
      for (let j = i + 1; j < ps.length; j++) {
        const a = worldPixels(ps[i]!.lngLat, 14);
        const b = worldPixels(ps[j]!.lngLat, 14);
        if (Math.hypot(a[0] - b[0], a[1] - b[1]) < size) overlapping++;
      }
    expect(overlapping).toBeGreaterThanOrEqual(5);
  });

  it.each([9, 10, 11, 12, 13, 14])('zoom %i: no two drawn icons of the other kinds hide each other; crowds are mixed clusters', (zoom) => {
    const ds = build(zoom + 0.3);
    expect(overlappingPairs(ds, zoom, NON_CAMERA, 0.75)).toEqual([]);
    const mixed = cluster(ds, 'cluster-resources');
    for (const c of mixed.clusters) {
      expect(Object.values(c.kindCounts).reduce((a, b) => a + (b ?? 0), 0)).toBe(c.pointCount);
      expect(c.expansionZoom).toBeGreaterThan(zoom);
    }
    // Some cluster mixes kinds (the county seat's): one cluster, not one per kind stacked up.
    expect(mixed.clusters.some((c) => Object.keys(c.kindCounts).length >= 3)).toBe(true);
    expect(countDrawnByKind(ds)).toEqual({ shelter: 201, rescue_team: 111, fire_station: 20, depot: 20, camera: 2071 });
  });

  it.each([15, 16, 17, 18])('zoom %i: nothing is clustered; every icon of every kind is drawn apart (fanned out where stacked)', (zoom) => {
    const ds = build(zoom);
    expect(cluster(ds, 'cluster-resources').clusters).toEqual([]);
    expect(cluster(ds, 'cluster-camera').clusters).toEqual([]);
    // Measured at the smallest zoom the layout is shown at; icons may touch at their rims, never stack.
    const pairs = overlappingPairs(ds, zoom, RESOURCE_KINDS, 0.85);
    expect(pairs).toEqual([]);
    const seatIcons = drawnIconPositions(ds).filter((p) => seat.includes(p.id));
    expect(seatIcons.map((p) => p.id).sort()).toEqual([...seat].sort());
  });

  it('a fanned icon keeps its true spot marked and its highlight follows it', () => {
    const ds = buildLayerDescriptors({ pointsByKind: demo, visibleKinds: all, zoom: FAN_OUT_MIN_ZOOM, selectedLngLat: [119.7134118, 27.5590419], selectedId: 'FS02' });
    const fan = ds.find((d) => d.type === 'fan-out');
    expect(fan?.type === 'fan-out' && fan.groups.some((g) => g.memberIds.includes('FS02'))).toBe(true);
    const shown = drawnIconPositions(ds).find((p) => p.id === 'FS02')!;
    expect(shown.lngLat).not.toEqual([119.7134118, 27.5590419]);
    expect(ds.find((d) => d.type === 'highlight')).toMatchObject({ lngLat: shown.lngLat });
  });
});

describe('fanOutPoints', () => {
  const p = (id: string, kind: ResourceKind, lng: number): MapPoint => ({ id, kind, lngLat: [lng, 27.5] });

  it('spreads coincident points on a ring, most urgent kind on top, and leaves lone points alone', () => {
    const f = fanOutPoints([p('SH1', 'shelter', 119.7), p('FS1', 'fire_station', 119.7), p('RT1', 'rescue_team', 119.7), p('X', 'depot', 119.8)], 16, 30);
    expect(f.groups).toHaveLength(1);
    expect(f.groups[0]!.memberIds).toEqual(['FS1', 'RT1', 'SH1']);
    expect(f.displayLngLat.has('X')).toBe(false);
    const top = worldPixels(f.displayLngLat.get('FS1')!, 16);
    const centre = worldPixels(f.groups[0]!.centerLngLat, 16);
    expect(top[1]).toBeLessThan(centre[1]); // fire station straight above the spot
    const xs = ['FS1', 'RT1', 'SH1'].map((id) => worldPixels(f.displayLngLat.get(id)!, 16));
    for (let i = 0; i < xs.length; i++)
      for (let j = i + 1; j < xs.length; j++) expect(Math.hypot(xs[i]![0] - xs[j]![0], xs[i]![1] - xs[j]![1])).toBeGreaterThanOrEqual(30);
  });

  it('is deterministic whatever the input order', () => {
    const pts = [p('A', 'shelter', 119.7), p('B', 'shelter', 119.70001), p('C', 'camera', 119.7)];
    const a = fanOutPoints(pts, 16, 30);
    const b = fanOutPoints([...pts].reverse(), 16, 30);
    expect([...b.displayLngLat]).toEqual([...a.displayLngLat]);
  });
});

describe('camera clusters', () => {
  it.each([9, 11, 13])('zoom %i: no camera cluster sits under an icon or cluster of the other kinds (moved clear, or drawn on top in a crowd)', (zoom) => {
    const ds = build(zoom);
    const cams = cluster(ds, 'cluster-camera');
    expect(cams.clusters.length).toBeGreaterThan(0);
    const obstacles = [
      ...drawnIconPositions(ds).filter((p) => p.kind !== 'camera').map((p) => ({ xy: worldPixels(p.lngLat, zoom), r: iconSizePixelsAtZoom(zoom) / 2 })),
      ...cluster(ds, 'cluster-resources').clusters.map((c) => ({ xy: worldPixels(c.lngLat, zoom), r: clusterRadiusPixels(c.pointCount, 12, 22) })),
    ];
    // "Hidden" = its count (about 8 px either side of the centre) is covered by an icon or cluster,
    // or by another camera cluster.
    const placed = cams.clusters.map((c) => ({ id: c.clusterId, xy: worldPixels(c.displayLngLat ?? c.lngLat, zoom) }));
    const hidden = cams.clusters.filter((c, i) => {
      const [x, y] = placed[i]!.xy;
      return (
        obstacles.some((o) => Math.hypot(o.xy[0] - x, o.xy[1] - y) < o.r + 8) ||
        placed.some((p, j) => j > i && Math.hypot(p.xy[0] - x, p.xy[1] - y) < 16)
      );
    });
    expect(hidden.map((c) => c.clusterId)).toEqual([]);
    // The ones in crowds are drawn above every icon and cluster, so they are not hidden either.
    const top = cluster(ds, 'cluster-camera-top');
    const ids = ds.map((d) => d.id);
    expect(ids.indexOf('cluster-camera-top')).toBeGreaterThan(ids.indexOf('cluster-resources'));
    expect(ids.indexOf('cluster-camera-top')).toBeGreaterThan(ids.indexOf('resource-fire_station'));
    // Away from the county view most are moved clear rather than drawn over the other kinds.
    if (zoom >= 11) expect(top.clusters.length).toBeLessThan(cams.clusters.length / 2);
  });

  it('do not share the camera icon colour', () => {
    const cams = cluster(build(10), 'cluster-camera');
    expect(cams.fillColor.slice(0, 3)).not.toEqual([...RESOURCE_KIND_STYLES.camera.color]);
    const mixed = cluster(build(10), 'cluster-resources');
    for (const k of RESOURCE_KINDS) expect(mixed.fillColor.slice(0, 3)).not.toEqual([...RESOURCE_KIND_STYLES[k].color]);
  });

  it('moveClearOf pushes a disc off an obstacle by the overlap (capped), and leaves clear discs alone', () => {
    const here: [number, number] = [119.7, 27.5];
    const movable = [{ lngLat: here, radiusPixels: 10 }, { lngLat: [119.9, 27.5] as const, radiusPixels: 10 }];
    const obstacles = [{ lngLat: here, radiusPixels: 10 }];
    const o = worldPixels(here, 12);
    const shift = (p: [number, number]) => Math.hypot(worldPixels(p, 12)[0] - o[0], worldPixels(p, 12)[1] - o[1]);
    const [moved, untouched] = moveClearOf(movable, obstacles, 12, 2, 3);
    expect(shift(moved!)).toBeCloseTo(22, 6);
    expect(untouched![0]).toBeCloseTo(119.9, 9);
    // By default a disc moves at most twice its radius from its cluster's centre.
    expect(shift(moveClearOf(movable, obstacles, 12, 2)[0]!)).toBeCloseTo(20, 6);
  });
});

describe('shelters: open, full and closed look different', () => {
  it('shelterState reads tonight’s flag and the free places', () => {
    expect(shelterState({ open: true, capacity: 100, occupancy: 20 })).toBe('open');
    expect(shelterState({ open: true, capacity: 100, occupancy: 100 })).toBe('full');
    expect(shelterState({ open: false, capacity: 100, occupancy: 0 })).toBe('closed');
  });

  it('three icons with different fills, rings or marks, and the demo shelters get them', () => {
    const svgs = new Set(['shelter', 'shelter-full', 'shelter-closed'].map((k) => buildIconSvg(k as 'shelter')));
    expect(svgs.size).toBe(3);
    expect(iconParts('shelter-closed').fill).not.toEqual(iconParts('shelter').fill);
    expect(iconParts('shelter-full').ring).not.toEqual(iconParts('shelter').ring);
    const keys = demo.shelter.map(iconKeyOf);
    const full = demo.shelter.filter((s) => s.open === true && Number(s.occupancy) >= Number(s.capacity)).length;
    expect(full).toBeGreaterThan(0); // the demo has a few full shelters tonight (scripts/demo/resources.ts)
    expect(keys.filter((k) => k === 'shelter')).toHaveLength(demo.shelter.filter((s) => s.open === true).length - full);
    expect(keys.filter((k) => k === 'shelter-full')).toHaveLength(full);
    expect(keys.filter((k) => k === 'shelter-closed')).toHaveLength(demo.shelter.filter((s) => s.open === false).length);
    const layer = icons(build(12)).find((d) => d.id === 'resource-shelter')!;
    expect(layer.iconKeys).toHaveLength(layer.points.length);
    expect(new Set(layer.iconKeys)).toEqual(new Set(['shelter', 'shelter-full', 'shelter-closed']));
  });
});

it('icons grow with zoom', () => {
  const sizes = [8, 9, 11, 13, 15, 16, 18].map(iconSizePixelsAtZoom);
  for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeGreaterThanOrEqual(sizes[i - 1]!);
  expect(sizes[sizes.length - 1]!).toBeGreaterThan(sizes[1]! + 10);
  const at = (z: number) => icons(build(z)).find((d) => d.id === 'resource-fire_station')!.iconSizePixels;
  expect(at(16)).toBeGreaterThan(at(10));
});

describe('resource descriptors are cached per whole zoom and can be computed ahead', () => {
  it('a prewarmed zoom is used as it is (the same fan and icon arrays), equal to one computed on demand', () => {
    const points = { ...demo }; // a new points record: its own cache
    const cold = buildLayerDescriptors({ pointsByKind: { ...demo, camera: [...demo.camera] }, visibleKinds: all, zoom: 16, selectedLngLat: null });
    expect(prewarmResourceDescriptors(points, all, 16.7)).toBe(true);
    expect(prewarmResourceDescriptors(points, all, 16)).toBe(false); // already there
    const a = buildLayerDescriptors({ pointsByKind: points, visibleKinds: all, zoom: 16.2, selectedLngLat: null });
    const b = buildLayerDescriptors({ pointsByKind: points, visibleKinds: all, zoom: 16.9, selectedLngLat: null });
    const fanOf = (ds: LayerDescriptor[]) => ds.find((d) => d.type === 'fan-out');
    expect(fanOf(a)).toBe(fanOf(b));
    expect(icons(a).map((d) => d.points)).toEqual(icons(b).map((d) => d.points));
    icons(a).forEach((d, i) => expect(d).toBe(icons(b)[i]));
    expect(drawnIconPositions(a)).toEqual(drawnIconPositions(cold));
  });
  it('zooming back and forth keeps each zoom (no recomputation), and other kinds make a new cache', () => {
    const points = { ...demo };
    const z14 = build14(points);
    expect(z14.find((d) => d.id === 'cluster-resources')).toBeDefined();
    buildLayerDescriptors({ pointsByKind: points, visibleKinds: all, zoom: 15, selectedLngLat: null });
    expect(build14(points).find((d) => d.id === 'cluster-resources')).toBe(z14.find((d) => d.id === 'cluster-resources'));
    expect(prewarmResourceDescriptors(points, new Set<ResourceKind>(['shelter']), 14)).toBe(true);
  });
});
function build14(points: Record<ResourceKind, Demo[]>) {
  return buildLayerDescriptors({ pointsByKind: points, visibleKinds: all, zoom: 14, selectedLngLat: null });
}
