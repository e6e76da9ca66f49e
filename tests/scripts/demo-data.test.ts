/** The committed Taishun demo data honour the contract the UI and the routing engine read. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointInPolygonRings, pointSegmentMeters, type PolygonRings } from '../../scripts/demo/geo';

const DIR = join(__dirname, '..', '..', 'data', 'taishun');
type Pos = [number, number];
interface F {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}
const read = (f: string): { type: string; features: F[] } => JSON.parse(readFileSync(join(DIR, f), 'utf8'));
const meta = JSON.parse(readFileSync(join(DIR, 'meta.json'), 'utf8'));
const county = read('county.geojson');
const townships = read('townships.geojson');
const seats = read('township-seats.geojson');
const villages = read('villages.geojson');
const roads = read('roads.geojson');
const RESOURCE_FILES = ['shelters', 'rescue-teams', 'fire-stations', 'depots', 'cameras'] as const;
const resources = Object.fromEntries(RESOURCE_FILES.map((k) => [k, read(`resources/${k}.geojson`)])) as Record<
  (typeof RESOURCE_FILES)[number],
  ReturnType<typeof read>
>;
const countyRings: PolygonRings[] = (() => {
  const g = county.features[0]!.geometry;
  return g.type === 'Polygon' ? [g.coordinates as PolygonRings] : (g.coordinates as PolygonRings[]);
})();
const pointOf = (f: F) => f.geometry.coordinates as Pos;
const sum = (fs: F[], key: string) => fs.reduce((a, f) => a + (f.properties[key] as number), 0);

describe('county, townships, villages', () => {
  it('county.geojson: one (Multi)Polygon feature with name, nameEn, adcode', () => {
    expect(county.features).toHaveLength(1);
    const f = county.features[0]!;
    expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    expect(f.properties).toMatchObject({ name: '泰顺县', nameEn: 'Taishun County', adcode: '330329' });
  });

  it('20 township zones (19 townships + 乌岩岭 reserve) with seats inside their own zone', () => {
    expect(townships.features).toHaveLength(20);
    expect(seats.features).toHaveLength(20);
    const kinds = townships.features.map((f) => f.properties['kind']);
    expect(kinds.filter((k) => k === 'reserve')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'town').length + kinds.filter((k) => k === 'township').length).toBe(19);
    townships.features.forEach((f, i) => {
      expect(f.properties['id']).toBe(`T${String(i + 1).padStart(2, '0')}`);
      expect(f.geometry.type).toBe('Polygon');
      const seat = f.properties['seat'] as Pos;
      expect(pointInPolygonRings(seat, [f.geometry.coordinates as PolygonRings])).toBe(true);
      expect(pointOf(seats.features[i]!)).toEqual(seat);
      expect(seats.features[i]!.properties['name']).toBe(f.properties['name']);
    });
    expect(townships.features[0]!.properties).toMatchObject({ name: '罗阳镇', nameEn: 'Luoyang', code: '330329100' });
  });

  it('290 villages, each inside its own township zone, populations summing to the county total', () => {
    expect(villages.features).toHaveLength(290);
    const zones = new Map(townships.features.map((f) => [f.properties['id'], [f.geometry.coordinates as PolygonRings]]));
    for (const v of villages.features) {
      const zone = zones.get(v.properties['township']);
      expect(zone, String(v.properties['id'])).toBeDefined();
      expect(pointInPolygonRings(pointOf(v), zone!), String(v.properties['id'])).toBe(true);
      expect(v.properties['population']).toBeGreaterThan(0);
    }
    const total = sum(villages.features, 'population');
    expect(total).toBe(meta.totals.population);
    expect(total).toBeGreaterThan(300_000);
    expect(total).toBeLessThan(420_000);
    expect(sum(townships.features, 'population')).toBe(total);
  });
});

describe('resources: counts and totals from the 2024 report', () => {
  it('201 shelters with 11,200 places', () => {
    expect(resources.shelters.features).toHaveLength(201);
    expect(sum(resources.shelters.features, 'capacity')).toBe(11_200);
  });
  it('111 rescue teams with 2,814 people, 6 social teams with 190 people', () => {
    const teams = resources['rescue-teams'].features;
    expect(teams).toHaveLength(111);
    expect(sum(teams, 'members')).toBe(2_814);
    const social = teams.filter((t) => t.properties['category'] === 'social');
    expect(social).toHaveLength(6);
    expect(sum(social, 'members')).toBe(190);
  });
  it('19 township emergency-fire stations plus the county station', () => {
    const fs = resources['fire-stations'].features;
    expect(fs).toHaveLength(20);
    expect(fs.filter((f) => f.properties['level'] === 'county')).toHaveLength(1);
    expect(fs.filter((f) => f.properties['level'] === 'township')).toHaveLength(19);
  });
  it('depots: 965 machines, 14,000 small items, 33,000 county items', () => {
    const depots = resources.depots.features;
    expect(depots.filter((d) => d.properties['level'] === 'county')).toHaveLength(1);
    const total = (cat: string) =>
      depots.reduce(
        (a, d) =>
          a +
          (d.properties['stock'] as { category: string; quantity: number }[])
            .filter((s) => s.category === cat)
            .reduce((b, s) => b + s.quantity, 0),
        0,
      );
    expect(total('machine')).toBe(965);
    expect(total('small')).toBe(14_000);
    expect(total('county')).toBe(33_000);
  });
  it('2,071 cameras: 1,845 gauges, 164 at shelters, 62 at 7 mines; every stream a same-origin clip in public/', () => {
    const cams = resources.cameras.features;
    expect(cams).toHaveLength(2_071);
    const by = (t: string) => cams.filter((c) => c.properties['cameraType'] === t);
    expect(by('rain_gauge').length + by('water_gauge').length).toBe(1_845);
    expect(by('shelter')).toHaveLength(164);
    expect(by('mine')).toHaveLength(62);
    const shelterIds = new Set(resources.shelters.features.map((s) => s.properties['id']));
    for (const c of by('shelter')) expect(shelterIds.has(c.properties['siteId'])).toBe(true);
    expect(new Set(by('mine').map((c) => c.properties['siteId'])).size).toBe(7);
    const publicDir = join(__dirname, '..', '..', 'public');
    const used = new Set<string>();
    for (const c of cams) {
      const stream = c.properties['stream'] as { protocol: string; url: string };
      // Relative to the page: no scheme, no host, so the demo never leaves its origin.
      expect(stream.url, String(c.properties['id'])).toMatch(/^demo-cameras\/[a-z0-9/-]+\.(m3u8|jpg)$/);
      const gauge = c.properties['cameraType'] === 'rain_gauge' || c.properties['cameraType'] === 'water_gauge';
      expect(stream.protocol).toBe(gauge ? 'snapshot' : 'hls');
      expect(stream.url.endsWith(gauge ? '.jpg' : '.m3u8')).toBe(true);
      used.add(stream.url);
    }
    // Every clip the data names is committed (npm run demo:cameras makes them).
    for (const url of used) expect(statSync(join(publicDir, url)).size, url).toBeGreaterThan(0);
    expect(used.size).toBe(5);
    // The clips stay small: a few hundred KB in all (HLS playlists and segments, JPEG snapshots).
    const walk = (d: string): number => readdirSync(d).reduce((a, n) => a + (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : statSync(join(d, n)).size), 0);
    expect(walk(join(publicDir, 'demo-cameras'))).toBeLessThan(600 * 1024);
  });
  it('meta.json counts and totals agree with the files', () => {
    expect(meta.synthetic).toBe(true);
    expect(meta.generator).toBe('scripts/generate-demo.ts');
    expect(meta.counts).toMatchObject({
      townships: 20, villages: 290, shelters: 201, rescueTeams: 111, fireStations: 20, cameras: 2_071,
      roads: roads.features.length, depots: resources.depots.features.length,
    });
    expect(meta.totals).toMatchObject({
      shelterCapacity: 11_200, teamMembers: 2_814, socialTeamMembers: 190, machines: 965, smallItems: 14_000, countyItems: 33_000,
    });
  });
});

describe('geometry', () => {
  const allPoints: { label: string; p: Pos }[] = [
    ...villages.features.map((f) => ({ label: `village ${f.properties['id']}`, p: pointOf(f) })),
    ...seats.features.map((f) => ({ label: `seat ${f.properties['id']}`, p: pointOf(f) })),
    ...RESOURCE_FILES.flatMap((k) =>
      resources[k].features.map((f) => ({ label: `${k} ${f.properties['id']}`, p: pointOf(f) })),
    ),
  ];

  it('every point lies inside the county outline', () => {
    const outside = allPoints.filter((x) => !pointInPolygonRings(x.p, countyRings)).map((x) => x.label);
    expect(outside).toEqual([]);
  });

  it('every feature is marked synthetic (the county outline is the one real geometry)', () => {
    expect(county.features[0]!.properties['synthetic']).toBe(false);
    for (const fc of [townships, seats, villages, roads, ...Object.values(resources)])
      for (const f of fc.features) expect(f.properties['synthetic']).toBe(true);
  });

  it('all coordinates have at most 7 decimals; files stay small', () => {
    for (const f of ['roads.geojson', 'villages.geojson', 'resources/cameras.geojson']) {
      const text = readFileSync(join(DIR, f), 'utf8');
      expect(text).not.toMatch(/\d\.\d{8,}/);
    }
    expect(statSync(join(DIR, 'roads.geojson')).size).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('road network', () => {
  const key = (p: Pos) => `${p[0]},${p[1]}`;
  const ways = roads.features.map((f) => ({ props: f.properties, coords: f.geometry.coordinates as Pos[] }));

  it('is OSM-style: LineStrings with known highway classes, some one-way', () => {
    const classes = new Set(['trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'track', 'residential']);
    for (const f of roads.features) {
      expect(f.geometry.type).toBe('LineString');
      expect(classes.has(f.properties['highway'] as string)).toBe(true);
    }
    const present = new Set(ways.map((w) => w.props['highway']));
    for (const c of ['trunk', 'primary', 'tertiary', 'unclassified', 'track', 'residential']) expect(present.has(c)).toBe(true);
    expect(ways.filter((w) => w.props['oneway'] === 'yes').length).toBeGreaterThanOrEqual(2);
  });

  it('is one connected network when ways are joined at identical coordinates', () => {
    const parent = new Map<string, string>();
    const find = (k: string): string => {
      let r = k;
      while (parent.get(r) !== r) r = parent.get(r)!;
      parent.set(k, r);
      return r;
    };
    for (const w of ways) for (const p of w.coords) if (!parent.has(key(p))) parent.set(key(p), key(p));
    for (const w of ways)
      for (let i = 1; i < w.coords.length; i++) parent.set(find(key(w.coords[i - 1]!)), find(key(w.coords[i]!)));
    const roots = new Set([...parent.keys()].map(find));
    expect(roots.size).toBe(1);
  });

  it('is strongly connected when one-way ways are respected', () => {
    const fwd = new Map<string, string[]>();
    const rev = new Map<string, string[]>();
    const add = (m: Map<string, string[]>, a: string, b: string) => (m.get(a) ?? m.set(a, []).get(a)!).push(b);
    for (const w of ways)
      for (let i = 1; i < w.coords.length; i++) {
        const a = key(w.coords[i - 1]!), b = key(w.coords[i]!);
        add(fwd, a, b); add(rev, b, a);
        if (w.props['oneway'] !== 'yes') { add(fwd, b, a); add(rev, a, b); }
      }
    const reach = (m: Map<string, string[]>, start: string) => {
      const seen = new Set([start]);
      const stack = [start];
      while (stack.length) for (const n of m.get(stack.pop()!) ?? []) if (!seen.has(n)) { seen.add(n); stack.push(n); }
      return seen.size;
    };
    const start = key(ways[0]!.coords[0]!);
    const nodes = new Set([...fwd.keys(), ...rev.keys()]).size;
    expect(reach(fwd, start)).toBe(nodes);
    expect(reach(rev, start)).toBe(nodes);
  });

  it('ways meet only at exact junctions: no two distinct vertices closer than 1 m', () => {
    const cell = (p: Pos) => `${Math.floor(p[0] / 0.001)},${Math.floor(p[1] / 0.001)}`;
    const grid = new Map<string, Pos[]>();
    for (const w of ways) for (const p of w.coords) {
      const c = cell(p);
      const list = grid.get(c) ?? grid.set(c, []).get(c)!;
      if (!list.some((q) => q[0] === p[0] && q[1] === p[1])) list.push(p);
    }
    let nearMisses = 0;
    for (const [c, list] of grid) {
      const [cx, cy] = c.split(',').map(Number) as [number, number];
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const q of grid.get(`${cx + dx},${cy + dy}`) ?? [])
            for (const p of list)
              if ((p[0] !== q[0] || p[1] !== q[1]) && pointSegmentMeters(p, q, q) < 1) nearMisses++;
    }
    expect(nearMisses).toBe(0);
  });

  it('has vertices every ~50–150 m (winding mountain roads, not straight lines)', () => {
    const gaps: number[] = [];
    for (const w of ways) for (let i = 1; i < w.coords.length; i++) gaps.push(pointSegmentMeters(w.coords[i - 1]!, w.coords[i]!, w.coords[i]!));
    gaps.sort((a, b) => a - b);
    const median = gaps[Math.floor(gaps.length / 2)]!;
    expect(median).toBeGreaterThan(50);
    expect(median).toBeLessThan(150);
    expect(gaps[Math.floor(gaps.length * 0.99)]!).toBeLessThan(250);
  });

  it('every village, seat and resource is within 300 m of a road, 95% within 150 m', () => {
    const CELL = 0.005; // ~500 m: a 3x3 block covers > 300 m
    const grid = new Map<string, [Pos, Pos][]>();
    for (const w of ways)
      for (let i = 1; i < w.coords.length; i++) {
        const a = w.coords[i - 1]!, b = w.coords[i]!;
        const cells = new Set([a, b].map((p) => `${Math.floor(p[0] / CELL)},${Math.floor(p[1] / CELL)}`));
        for (const c of cells) (grid.get(c) ?? grid.set(c, []).get(c)!).push([a, b]);
      }
    const far: string[] = [];
    let within150 = 0;
    const pts = [
      ...villages.features.map((f) => ({ label: `village ${f.properties['id']}`, p: pointOf(f) })),
      ...seats.features.map((f) => ({ label: `seat ${f.properties['id']}`, p: pointOf(f) })),
      ...RESOURCE_FILES.flatMap((k) => resources[k].features.map((f) => ({ label: `${k} ${f.properties['id']}`, p: pointOf(f) }))),
    ];
    for (const { label, p } of pts) {
      const cx = Math.floor(p[0] / CELL), cy = Math.floor(p[1] / CELL);
      let best = Infinity;
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const [a, b] of grid.get(`${cx + dx},${cy + dy}`) ?? []) best = Math.min(best, pointSegmentMeters(p, a, b));
      if (best > 300) far.push(`${label}: ${Math.round(best)} m`);
      if (best <= 150) within150++;
    }
    expect(far).toEqual([]);
    expect(within150 / pts.length).toBeGreaterThan(0.95);
  });
});
