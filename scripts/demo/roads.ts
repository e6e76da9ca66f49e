/**
 * Schematic road network, OSM-style: LineStrings with `highway` (and `oneway`) tags.
 * Ways meet only at vertices with bit-identical coordinates (rounded to 7 decimals first),
 * the way OSM ways share nodes, so a graph importer joins them at those coordinates.
 */
import type { Rng } from './prng';
import { haversineMeters, metersPerDegree, roundLngLat, type LngLat } from './geo';
import type { Township, Village } from './places';

export type Highway = 'trunk' | 'primary' | 'secondary' | 'tertiary' | 'unclassified' | 'track' | 'residential';

export interface Way {
  id: string;
  highway: Highway;
  name?: string;
  oneway?: 'yes';
  coordinates: LngLat[];
}

interface MeanderOptions {
  /** Largest lateral swing of the long wave, as a share of the length. */
  bendShare: number;
  /** Cap of that swing in metres. */
  bendMaxMeters: number;
  /** Amplitude of the short hairpin-like wiggles, metres. */
  wiggleMeters: number;
}

const MOUNTAIN: MeanderOptions = { bendShare: 0.06, bendMaxMeters: 900, wiggleMeters: 90 };
const STRAIGHT: MeanderOptions = { bendShare: 0, bendMaxMeters: 0, wiggleMeters: 0 };

/**
 * A winding polyline from a to b (both kept exactly), vertices every ~50–150 m.
 * The lateral offset is a function of the along-track position, so the line never crosses itself.
 */
export function meanderLine(a: LngLat, b: LngLat, rng: Rng, opt: MeanderOptions): LngLat[] {
  const lengthMeters = haversineMeters(a, b);
  if (lengthMeters < 1) return [a, b];
  const m = metersPerDegree((a[1] + b[1]) / 2);
  const dx = (b[0] - a[0]) * m.lng;
  const dy = (b[1] - a[1]) * m.lat;
  const ux = dx / lengthMeters, uy = dy / lengthMeters;
  const bend = Math.min(opt.bendShare * lengthMeters, opt.bendMaxMeters) * rng.range(0.4, 1) * (rng.chance(0.5) ? 1 : -1);
  const bendCycles = rng.int(1, 2) / 2;
  const bendPhase = rng.chance(0.5) ? 0 : Math.PI;
  const wiggleWavelength = rng.range(500, 1100);
  const wiggle = Math.min(opt.wiggleMeters, lengthMeters * 0.08) * rng.range(0.5, 1);
  const wigglePhase = rng.range(0, 2 * Math.PI);
  const out: LngLat[] = [a];
  let s = rng.range(45, 110);
  while (s < lengthMeters - 40) {
    const t = s / lengthMeters;
    const envelope = Math.sin(Math.PI * t);
    const lateral =
      bend * Math.sin(2 * Math.PI * bendCycles * t + bendPhase) * (bendCycles === 0.5 ? 1 : envelope) +
      wiggle * envelope * Math.sin((2 * Math.PI * s) / wiggleWavelength + wigglePhase);
    const x = ux * s - uy * lateral;
    const y = uy * s + ux * lateral;
    const p = roundLngLat([a[0] + x / m.lng, a[1] + y / m.lat]);
    const last = out[out.length - 1]!;
    if (p[0] !== last[0] || p[1] !== last[1]) out.push(p);
    s += rng.range(45, 110);
  }
  const last = out[out.length - 1]!;
  if (last[0] !== b[0] || last[1] !== b[1]) out.push(b);
  return out;
}

/** Planar segment intersection (proper crossing), used to keep seat links from crossing. */
function segmentsCross(p1: LngLat, p2: LngLat, p3: LngLat, p4: LngLat): boolean {
  const d = (a: LngLat, b: LngLat, c: LngLat) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const d1 = d(p3, p4, p1), d2 = d(p3, p4, p2), d3 = d(p1, p2, p3), d4 = d(p1, p2, p4);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

interface SeatEdge {
  a: number;
  b: number;
  meters: number;
}

/** Designed spine (by seat name): a west–east trunk and north/south primaries through 罗阳镇. */
export const SPINE: { highway: Highway; seats: string[] }[] = [
  { highway: 'trunk', seats: ['司前畲族镇', '西旸镇', '罗阳镇', '筱村镇', '泗溪镇', '彭溪镇', '雪溪乡', '南浦溪镇'] },
  { highway: 'primary', seats: ['罗阳镇', '三魁镇', '仕阳镇', '雅阳镇'] },
  { highway: 'primary', seats: ['罗阳镇', '柳峰乡', '凤垟乡', '百丈镇'] },
];

/**
 * Seat links: the spine, then the shortest non-crossing links that join the remaining seats
 * (Kruskal), then a few short non-crossing loops for redundancy.
 */
function seatEdges(seats: LngLat[], index: Map<string, number>): { spine: (SeatEdge & { highway: Highway })[]; tree: SeatEdge[]; loops: SeatEdge[] } {
  const n = seats.length;
  const parent = [...Array(n).keys()];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const spine: (SeatEdge & { highway: Highway })[] = [];
  for (const line of SPINE)
    for (let k = 1; k < line.seats.length; k++) {
      const a = index.get(line.seats[k - 1]!), b = index.get(line.seats[k]!);
      if (a === undefined || b === undefined) throw new Error(`spine seat missing: ${line.seats.join(',')}`);
      spine.push({ a, b, meters: haversineMeters(seats[a]!, seats[b]!), highway: line.highway });
      parent[find(a)] = find(b);
    }
  const all: SeatEdge[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) all.push({ a: i, b: j, meters: haversineMeters(seats[i]!, seats[j]!) });
  all.sort((x, y) => x.meters - y.meters || x.a - y.a || x.b - y.b);
  const key = (e: SeatEdge) => `${Math.min(e.a, e.b)}-${Math.max(e.a, e.b)}`;
  const used = new Set(spine.map(key));
  const tree: SeatEdge[] = [];
  const loops: SeatEdge[] = [];
  const crossesAny = (e: SeatEdge) =>
    [...spine, ...tree, ...loops].some(
      (f) =>
        f.a !== e.a && f.a !== e.b && f.b !== e.a && f.b !== e.b &&
        segmentsCross(seats[e.a]!, seats[e.b]!, seats[f.a]!, seats[f.b]!),
    );
  for (const e of all) {
    if (used.has(key(e)) || find(e.a) === find(e.b) || crossesAny(e)) continue;
    tree.push(e);
    used.add(key(e));
    parent[find(e.a)] = find(e.b);
  }
  if (new Set(seats.map((_, i) => find(i))).size !== 1) throw new Error('seat links do not connect every seat');
  for (const e of all) {
    if (loops.length >= 4 || e.meters > 12_000) break;
    if (used.has(key(e)) || crossesAny(e)) continue;
    loops.push(e);
    used.add(key(e));
  }
  return { spine, tree, loops };
}

class VertexRegistry {
  private readonly points: LngLat[] = [];
  private readonly keys = new Set<string>();
  add(coords: LngLat[]): void {
    for (const p of coords) {
      const k = `${p[0]},${p[1]}`;
      if (this.keys.has(k)) continue;
      this.keys.add(k);
      this.points.push(p);
    }
  }
  nearest(p: LngLat): LngLat {
    const m = metersPerDegree(p[1]);
    let best = this.points[0]!;
    let bestD = Infinity;
    for (const q of this.points) {
      const dx = (q[0] - p[0]) * m.lng, dy = (q[1] - p[1]) * m.lat;
      const d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = q; }
    }
    return best;
  }
  all(): readonly LngLat[] {
    return this.points;
  }
}

export interface RoadNetwork {
  ways: Way[];
  /** Every distinct vertex of the network. */
  vertices: readonly LngLat[];
}

export function buildRoads(townships: Township[], villages: Village[], rng: Rng): RoadNetwork {
  const seats = townships.map((t) => t.seat);
  const ways: Way[] = [];
  const registry = new VertexRegistry();
  const push = (w: Omit<Way, 'id'>) => {
    const way: Way = { id: `W${String(ways.length + 1).padStart(4, '0')}`, ...w };
    ways.push(way);
    registry.add(way.coordinates);
  };

  const index = new Map(townships.map((t, i) => [t.name, i]));
  const center = index.get('罗阳镇')!;
  const { spine, tree, loops } = seatEdges(seats, index);
  const links: (SeatEdge & { highway: Highway })[] = [
    ...spine,
    ...tree.map((e) => ({
      ...e,
      highway: (townships[e.a]!.kind === 'town' && townships[e.b]!.kind === 'town' ? 'secondary' : 'tertiary') as Highway,
    })),
    ...loops.map((e) => ({ ...e, highway: 'tertiary' as Highway })),
  ];
  for (const e of links) {
    const ta = townships[e.a]!, tb = townships[e.b]!;
    push({ highway: e.highway, name: `${ta.name}至${tb.name}公路`, coordinates: meanderLine(ta.seat, tb.seat, rng, MOUNTAIN) });
  }

  // County town (罗阳镇): a small street grid with a one-way pair (north street eastbound,
  // south street westbound), joined to the spine at the seat.
  const s = seats[center]!;
  const m = metersPerDegree(s[1]);
  const at = (east: number, north: number): LngLat => roundLngLat([s[0] + east / m.lng, s[1] + north / m.lat]);
  const west = at(-520, 0), east = at(520, 0);
  const n1 = at(-260, 190), n2 = at(0, 210), n3 = at(260, 190);
  const s1 = at(-260, -190), s2 = at(0, -210), s3 = at(260, -190);
  const street = (pts: LngLat[]): LngLat[] => {
    const out: LngLat[] = [pts[0]!];
    for (let k = 1; k < pts.length; k++) out.push(...meanderLine(pts[k - 1]!, pts[k]!, rng, STRAIGHT).slice(1));
    return out;
  };
  push({ highway: 'residential', name: '城西路', coordinates: street([s, west]) });
  push({ highway: 'residential', name: '城东路', coordinates: street([s, east]) });
  push({ highway: 'residential', name: '城北路', oneway: 'yes', coordinates: street([west, n1, n2, n3, east]) });
  push({ highway: 'residential', name: '城南路', oneway: 'yes', coordinates: street([east, s3, s2, s1, west]) });
  push({ highway: 'residential', name: '中心街', coordinates: street([n2, s, s2]) });

  // Village roads: each village, nearest to its seat first, joins the nearest existing vertex.
  const order = [...villages].sort((p, q) => {
    const tp = townships.findIndex((t) => t.id === p.township);
    const tq = townships.findIndex((t) => t.id === q.township);
    return (
      tp - tq ||
      haversineMeters(p.lngLat, townships[tp]!.seat) - haversineMeters(q.lngLat, townships[tq]!.seat) ||
      p.id.localeCompare(q.id)
    );
  });
  for (const v of order) {
    const target = registry.nearest(v.lngLat);
    const t = townships.find((x) => x.id === v.township)!;
    const highway: Highway = v.urban
      ? 'residential'
      : t.kind === 'reserve' || v.population < 700
        ? 'track'
        : 'unclassified';
    const coords = meanderLine(v.lngLat, target, rng, v.urban ? STRAIGHT : MOUNTAIN);
    if (coords.length >= 2 && !(target[0] === v.lngLat[0] && target[1] === v.lngLat[1])) {
      push({ highway, coordinates: coords });
    }
  }
  return { ways, vertices: registry.all() };
}
