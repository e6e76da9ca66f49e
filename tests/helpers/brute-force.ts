/**
 * An independent reference for road-network.md, computed from RawRoads directly and written for
 * obviousness, not speed: edges built the simplest way the spec reads, an O(V²) array Dijkstra,
 * the nearest road point by searching every segment on the sphere (haversine), and the spec's
 * place time with the source and the places inserted as vertices of the graph. It shares no code
 * with src/core (not even haversine), so a test comparing the two checks something.
 */
import type { RawRoads } from '../../src/core/import/raw-roads';

const R = 6_371_008.8;
const RAD = Math.PI / 180;
const TIE_METERS = 1e-6;

export type LngLat = readonly [number, number];

export function bfHaversine(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RAD, dLng = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface BfProfile {
  readonly speedsKmh: Readonly<Record<string, number>>;
  readonly offRoadKmh: number;
  readonly maxSnapMeters: number;
  /** false: one-way tags do not apply (the walking profile) */
  readonly onewayApplies?: boolean;
}

export interface BfEdge {
  readonly index: number;
  readonly wayId: number;
  readonly highway: string;
  /** OSM node ids of the ends */
  readonly from: number;
  readonly to: number;
  readonly coords: LngLat[];
  /** metres from the first point to each point */
  readonly along: number[];
  readonly meters: number;
  /** seconds along the node order, null when one-way against */
  readonly forwardSeconds: number | null;
  readonly backwardSeconds: number | null;
}

export interface BfHit {
  readonly edge: BfEdge;
  readonly fraction: number;
  readonly lngLat: LngLat;
}

export interface BfSnap {
  readonly meters: number;
  readonly hits: BfHit[];
}

export interface BfTime {
  readonly seconds: number;
  /** off-road legs + road metres of the fastest path (Infinity when unreachable) */
  readonly meters: number;
}

export type EdgeFilter = (e: BfEdge) => boolean;

/** Directions per road-network.md "Direction". */
export function bfDirection(tags: Readonly<Record<string, string>>): { forward: boolean; backward: boolean } {
  const oneway = tags.oneway;
  if (oneway === 'yes' || oneway === 'true' || oneway === '1') return { forward: true, backward: false };
  if (oneway === '-1' || oneway === 'reverse') return { forward: false, backward: true };
  if (oneway !== 'no' && (tags.junction === 'roundabout' || tags.highway === 'motorway')) return { forward: true, backward: false };
  return { forward: true, backward: true };
}

/** The graph of the spec, edge by edge, read straight off the raw ways. */
export function bfEdges(raw: RawRoads, profile: BfProfile): BfEdge[] {
  const roads = raw.ways.filter((w) => w.tags.highway !== undefined && Object.hasOwn(profile.speedsKmh, w.tags.highway));
  roads.sort((a, b) => a.id - b.id);
  // Cut at missing nodes, collapse repeated consecutive refs.
  const parts: Array<{ way: (typeof roads)[number]; ids: number[] }> = [];
  for (const way of roads) {
    let cur: number[] = [];
    for (const id of [...way.nodeIds, NaN]) {
      if (!raw.nodes.has(id)) {
        if (cur.length >= 2) parts.push({ way, ids: cur });
        cur = [];
      } else if (cur[cur.length - 1] !== id) cur.push(id);
    }
  }
  // A node is shared when it occurs twice or more among all road parts (two ways, or twice in one).
  const count = new Map<number, number>();
  for (const p of parts) for (const id of p.ids) count.set(id, (count.get(id) ?? 0) + 1);
  const edges: BfEdge[] = [];
  for (const { way, ids } of parts) {
    const mps = profile.speedsKmh[way.tags.highway!]! / 3.6;
    const dir = profile.onewayApplies === false ? { forward: true, backward: true } : bfDirection(way.tags);
    let start = 0;
    for (let i = 1; i < ids.length; i++) {
      const isEnd = i === ids.length - 1 || (count.get(ids[i]!) ?? 0) >= 2;
      if (!isEnd) continue;
      const coords = ids.slice(start, i + 1).map((id) => raw.nodes.get(id)! as LngLat);
      const along = [0];
      for (let k = 1; k < coords.length; k++) along.push(along[k - 1]! + bfHaversine(coords[k - 1]!, coords[k]!));
      const meters = along[along.length - 1]!;
      edges.push({
        index: edges.length, wayId: way.id, highway: way.tags.highway!, from: ids[start]!, to: ids[i]!, coords, along, meters,
        forwardSeconds: dir.forward ? meters / mps : null, backwardSeconds: dir.backward ? meters / mps : null,
      });
      start = i;
    }
  }
  return edges;
}

/** Nearest point to `p` on segment a–b (linear in lng/lat), by ternary search of the haversine distance. */
function nearestOnSegment(p: LngLat, a: LngLat, b: LngLat): { t: number; meters: number } {
  const at = (t: number): LngLat => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  const d = (t: number) => bfHaversine(p, at(t));
  let lo = 0, hi = 1;
  for (let i = 0; i < 80; i++) {
    const m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
    if (d(m1) <= d(m2)) hi = m2;
    else lo = m1;
  }
  // The ends win ties within 1e-9 m: beyond a dead end the search stops a hair inside the segment
  // (fp noise), and a place then must join exactly the end node, not 1e-8 m along a one-way road.
  const mid = (lo + hi) / 2, dMid = d(mid), d0 = d(0), d1 = d(1);
  if (d0 <= dMid + 1e-9 && d0 <= d1) return { t: 0, meters: d0 };
  if (d1 <= dMid + 1e-9) return { t: 1, meters: d1 };
  return { t: mid, meters: dMid };
}

export class BruteForceRoads {
  readonly edges: BfEdge[];
  /** OSM ids of every edge end */
  readonly nodeIds: number[];
  readonly offRoadMetersPerSecond: number;

  constructor(
    readonly raw: RawRoads,
    readonly profile: BfProfile,
  ) {
    this.edges = bfEdges(raw, profile);
    this.nodeIds = [...new Set(this.edges.flatMap((e) => [e.from, e.to]))];
    this.offRoadMetersPerSecond = profile.offRoadKmh / 3.6;
  }

  /** The nearest point on any open edge (every segment tried), null beyond maxSnapMeters. */
  snap(p: LngLat, open: EdgeFilter = () => true): BfSnap | null {
    let best = Infinity;
    let hits: Array<BfHit & { meters: number }> = [];
    for (const edge of this.edges) {
      if (!open(edge)) continue;
      for (let i = 0; i + 1 < edge.coords.length; i++) {
        const a = edge.coords[i]!, b = edge.coords[i + 1]!;
        const { t, meters } = nearestOnSegment(p, a, b);
        if (meters > best + TIE_METERS) continue;
        const lngLat: LngLat = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        const fraction = edge.meters > 0 ? Math.min(1, (edge.along[i]! + bfHaversine(a, lngLat)) / edge.meters) : 0;
        hits.push({ edge, fraction, lngLat, meters });
        if (meters < best) best = meters;
      }
    }
    hits = hits.filter((h) => h.meters <= best + TIE_METERS);
    if (!(best <= this.profile.maxSnapMeters)) return null;
    return { meters: best, hits };
  }

  /**
   * Node times (OSM id → seconds) of a Dijkstra from seed nodes: 'forward' travels out of the
   * seeds, 'reverse' answers how long each node needs to reach the nearest seed.
   */
  nodeSeconds(seeds: ReadonlyMap<number, number>, direction: 'forward' | 'reverse', open: EdgeFilter = () => true): Map<number, number> {
    const index = new Map(this.nodeIds.map((id, i) => [id, i]));
    const arcs: Arc[] = [];
    for (const e of this.edges) {
      if (!open(e)) continue;
      const a = index.get(e.from)!, b = index.get(e.to)!;
      if (e.forwardSeconds !== null) arcs.push({ tail: a, head: b, seconds: e.forwardSeconds, meters: e.meters });
      if (e.backwardSeconds !== null) arcs.push({ tail: b, head: a, seconds: e.backwardSeconds, meters: e.meters });
    }
    const init = new Map<number, number>();
    for (const [id, s] of seeds) if (index.has(id)) init.set(index.get(id)!, s);
    const { dist } = dijkstra(this.nodeIds.length, direction === 'forward' ? arcs : arcs.map(reverseArc), init);
    return new Map(this.nodeIds.map((id, i) => [id, dist[i]!]));
  }

  /**
   * The spec's time from `source` to each place (resource → place): both off-road legs, travel
   * pro rata along the snapped edges, the source and the places inserted as vertices so a place
   * on the source's own edge is reached along it. Infinity when unreachable (either end farther
   * than maxSnapMeters from every open road, or no path).
   */
  travel(source: LngLat, places: readonly LngLat[], open: EdgeFilter = () => true): BfTime[] {
    const unreachable = { seconds: Infinity, meters: Infinity };
    const s = this.snap(source, open);
    if (!s) return places.map(() => unreachable);
    const placeSnaps = places.map((p) => this.snap(p, open));
    // Vertices: the edge ends, then one per hit (source hits first).
    const index = new Map(this.nodeIds.map((id, i) => [id, i]));
    let n = this.nodeIds.length;
    const splits = new Map<BfEdge, Array<{ fraction: number; v: number }>>();
    const insert = (h: BfHit): number => {
      const v = n++;
      const list = splits.get(h.edge) ?? [];
      list.push({ fraction: h.fraction, v });
      splits.set(h.edge, list);
      return v;
    };
    const sourceVs = s.hits.map(insert);
    const placeVs = placeSnaps.map((ps) => (ps ? ps.hits.map(insert) : []));
    const arcs: Arc[] = [];
    for (const e of this.edges) {
      if (!open(e)) continue;
      const chain = [{ fraction: 0, v: index.get(e.from)! }, ...(splits.get(e) ?? []).sort((x, y) => x.fraction - y.fraction), { fraction: 1, v: index.get(e.to)! }];
      for (let k = 0; k + 1 < chain.length; k++) {
        const p = chain[k]!, q = chain[k + 1]!, share = q.fraction - p.fraction;
        if (share === 0) {
          // two points at the same place of the edge (e.g. both on one shape node): no travel,
          // whatever the road's direction
          arcs.push({ tail: p.v, head: q.v, seconds: 0, meters: 0 }, { tail: q.v, head: p.v, seconds: 0, meters: 0 });
          continue;
        }
        if (e.forwardSeconds !== null) arcs.push({ tail: p.v, head: q.v, seconds: share * e.forwardSeconds, meters: share * e.meters });
        if (e.backwardSeconds !== null) arcs.push({ tail: q.v, head: p.v, seconds: share * e.backwardSeconds, meters: share * e.meters });
      }
    }
    const off = s.meters / this.offRoadMetersPerSecond;
    const { dist, meters } = dijkstra(n, arcs, new Map(sourceVs.map((v) => [v, off])));
    return placeSnaps.map((ps, i) => {
      if (!ps) return unreachable;
      let best = unreachable;
      for (const v of placeVs[i]!) {
        if (dist[v]! < best.seconds) best = { seconds: dist[v]!, meters: meters[v]! };
      }
      if (best.seconds === Infinity) return unreachable;
      return { seconds: best.seconds + ps.meters / this.offRoadMetersPerSecond, meters: best.meters + s.meters + ps.meters };
    });
  }
}

interface Arc {
  tail: number;
  head: number;
  seconds: number;
  meters: number;
}

const reverseArc = (a: Arc): Arc => ({ tail: a.head, head: a.tail, seconds: a.seconds, meters: a.meters });

/** Textbook O(V²) Dijkstra with plain arrays; `meters` is the length of the chosen path. */
function dijkstra(n: number, arcs: readonly Arc[], seeds: ReadonlyMap<number, number>): { dist: number[]; meters: number[] } {
  const out: Arc[][] = Array.from({ length: n }, () => []);
  for (const a of arcs) out[a.tail]!.push(a);
  const dist = new Array<number>(n).fill(Infinity);
  const meters = new Array<number>(n).fill(Infinity);
  const done = new Array<boolean>(n).fill(false);
  for (const [v, s] of seeds) if (s < dist[v]!) { dist[v] = s; meters[v] = 0; }
  for (;;) {
    let u = -1;
    for (let v = 0; v < n; v++) if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
    if (u < 0) break;
    done[u] = true;
    for (const a of out[u]!) {
      if (dist[u]! + a.seconds < dist[a.head]!) {
        dist[a.head] = dist[u]! + a.seconds;
        meters[a.head] = meters[u]! + a.meters;
      }
    }
  }
  return { dist, meters };
}
