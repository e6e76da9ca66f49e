import { throwIfAborted } from '../errors';
import { haversineMeters } from '../geo/haversine';
import type { Snap } from '../spatial/snap-to-graph';
import { snapPoint, type RoadNetwork } from './road-network';
import { offRoadSeconds, secondsAlongEdge, seedsForSnap } from './snap-seeds';
import { tracePath } from './trace-path';

/** A resource already joined to the network (snap null = farther than maxSnapMeters from roads). */
export interface SnappedResource {
  readonly id: string;
  readonly kind: string;
  readonly lngLat: readonly [number, number];
  readonly snap: Snap | null;
}

export interface NearestResult {
  readonly id: string;
  readonly kind: string;
  /** travel time resource → incident, seconds */
  readonly seconds: number;
  /** metres travelled: both off-road legs and the road path */
  readonly meters: number;
  readonly straightLineMeters: number;
}

export interface NearestOptions {
  /** how many per kind (or overall with `perKind: false`) */
  readonly k: number;
  readonly perKind?: boolean;
  /** resources slower than this are left out; default: no limit (every reachable resource ranks) */
  readonly budgetSeconds?: number;
  readonly closedEdges?: Uint8Array;
  readonly signal?: AbortSignal;
}

export interface NearestAnswer {
  /** null when the incident is farther than maxSnapMeters from every road: nothing can reach it */
  readonly incidentSnap: Snap | null;
  /** ascending by seconds; unreachable resources left out */
  readonly results: NearestResult[];
}

/** Joins resources to the network once, so each incident costs one search. */
export function snapResources(
  net: RoadNetwork,
  resources: ReadonlyArray<{ id: string; kind: string; lngLat: readonly [number, number] }>,
  closedEdges?: Uint8Array,
): SnappedResource[] {
  return resources.map((r) => ({ id: r.id, kind: r.kind, lngLat: r.lngLat, snap: snapPoint(net, r.lngLat, closedEdges) }));
}

/**
 * Ranks resources by the time each needs to reach the incident (road-network.md: resource →
 * incident, so one reverse search from the incident answers all of them; with one-way streets
 * this is not the incident → resource time). Ties break by id for a stable order.
 */
export function findNearestByTravelTime(
  net: RoadNetwork,
  incident: readonly [number, number],
  resources: readonly SnappedResource[],
  options: NearestOptions,
): NearestAnswer {
  const { graph, offRoadMetersPerSecond: speed } = net;
  const incidentSnap = snapPoint(net, incident, options.closedEdges);
  if (!incidentSnap) return { incidentSnap, results: [] };
  throwIfAborted(options.signal);
  const budgetSeconds = options.budgetSeconds ?? Infinity;
  const ex = net.expander.expand(seedsForSnap(graph, incidentSnap, 'reverse', speed, 0), {
    direction: 'reverse', budgetSeconds, closedEdges: options.closedEdges, signal: options.signal,
  });
  const incidentOff = offRoadSeconds(incidentSnap, speed);
  const timed: NearestResult[] = [];
  for (const r of resources) {
    if (!r.snap) continue;
    const best = bestDeparture(net, ex.seconds, r.snap, incidentSnap, incidentOff);
    if (!Number.isFinite(best.seconds) || best.seconds > budgetSeconds) continue;
    const pathMeters = best.node < 0 ? 0 : tracePath(graph, ex, best.node).meters;
    timed.push({
      id: r.id,
      kind: r.kind,
      seconds: best.seconds,
      meters: r.snap.offRoadMeters + best.edgeMeters + pathMeters + incidentSnap.offRoadMeters,
      straightLineMeters: haversineMeters(r.lngLat[0], r.lngLat[1], incident[0], incident[1]),
    });
  }
  timed.sort((a, b) => a.seconds - b.seconds || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { incidentSnap, results: takeK(timed, options.k, options.perKind ?? false) };
}

/** The resource's best way onto the network: via which node (or -1 straight along a shared edge). */
function bestDeparture(net: RoadNetwork, rev: Float64Array, snap: Snap, incident: Snap, incidentOff: number) {
  const g = net.graph;
  let seconds = Infinity, node = -1, edgeMeters = 0;
  const consider = (s: number, via: number, meters: number) => {
    if (s < seconds) { seconds = s; node = via; edgeMeters = meters; }
  };
  for (const { edge, fraction } of snap.candidates) {
    const fwd = g.edgeForwardSeconds[edge]!, bwd = g.edgeBackwardSeconds[edge]!, len = g.edgeLengthMeters[edge]!;
    const tailNode = g.edgeFrom[edge]!, headNode = g.edgeTo[edge]!;
    if (fwd >= 0) consider((1 - fraction) * fwd + rev[headNode]!, headNode, (1 - fraction) * len);
    if (bwd >= 0) consider(fraction * bwd + rev[tailNode]!, tailNode, fraction * len);
    for (const c of incident.candidates) {
      if (c.edge !== edge) continue;
      const along = secondsAlongEdge(g, edge, fraction, c.fraction);
      // incidentOff is already inside rev[]; here it is added explicitly.
      consider(along + incidentOff, -1, Math.abs(c.fraction - fraction) * len);
    }
  }
  // rev[] includes the incident's off-road seconds; the path metres exclude it (added by the caller).
  return { seconds: seconds + offRoadSeconds(snap, net.offRoadMetersPerSecond), node, edgeMeters: node < 0 ? edgeMeters : edgeMeters + partialIncidentMeters(net, incident, node) };
}

/** Metres of the incident's own edge between the path's last node and the incident's snap. */
function partialIncidentMeters(net: RoadNetwork, incident: Snap, firstNode: number): number {
  const g = net.graph;
  // Walk to the seed node the path ends at, then take the pro-rata part of the incident's edge.
  let v = firstNode;
  const arcs = net.expander.arcs;
  for (let guard = 0; guard <= g.nodeCount; guard++) {
    const a = net.expander.predArc[v]!;
    if (a < 0) break;
    const e = arcs.edges[a]!;
    v = g.edgeFrom[e] === v ? g.edgeTo[e]! : g.edgeFrom[e]!;
  }
  let best = Infinity;
  for (const { edge, fraction } of incident.candidates) {
    const len = g.edgeLengthMeters[edge]!;
    if (g.edgeFrom[edge] === v && g.edgeForwardSeconds[edge]! >= 0) best = Math.min(best, fraction * len);
    if (g.edgeTo[edge] === v && g.edgeBackwardSeconds[edge]! >= 0) best = Math.min(best, (1 - fraction) * len);
  }
  return Number.isFinite(best) ? best : 0;
}

function takeK(sorted: NearestResult[], k: number, perKind: boolean): NearestResult[] {
  if (!perKind) return sorted.slice(0, k);
  const taken = new Map<string, number>();
  return sorted.filter((r) => {
    const n = taken.get(r.kind) ?? 0;
    taken.set(r.kind, n + 1);
    return n < k;
  });
}
