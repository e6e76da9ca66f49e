import { throwIfAborted } from '../errors';
import { haversineMeters } from '../geo/haversine';
import type { Snap } from '../spatial/snap-to-graph';
import { snapPoint, type RoadNetwork } from './road-network';
import { offRoadSeconds, secondsAlongEdge, seedsForSnap } from './snap-seeds';
import { pathCoordinates, tracePath } from './trace-path';
import { edgeSlice } from './edge-slice';
import type { RoadGraph } from '../graph/road-graph';

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
  /** of `meters`, the two off-road legs (resource → its road, the incident's road → the incident), walked; always set by findNearestByTravelTime */
  readonly offRoadMeters?: number;
  /** the route from the resource to the incident as [lng, lat] positions (with `withRoutes`) */
  readonly route?: [number, number][];
}

export interface NearestOptions {
  /** how many per kind (or overall with `perKind: false`) */
  readonly k: number;
  readonly perKind?: boolean;
  /** resources slower than this are left out; default: no limit (every reachable resource ranks) */
  readonly budgetSeconds?: number;
  readonly closedEdges?: Uint8Array;
  readonly signal?: AbortSignal;
  /** also return each result's route geometry, for drawing */
  readonly withRoutes?: boolean;
}

export interface NearestAnswer {
  /** null when the incident is farther than maxSnapMeters from every road: nothing can reach it */
  readonly incidentSnap: Snap | null;
  /** ascending by seconds; unreachable resources left out (and listed below) */
  readonly results: NearestResult[];
  /** resources on the network from which no open road leads to the incident (input order; only without a budget) */
  readonly unreachableIds: string[];
  /** resources farther than maxSnapMeters from every open road (input order) */
  readonly offNetworkIds: string[];
  /**
   * With a finite `budgetSeconds`: resources on the network with no time within it (input order) —
   * farther, or with no road to the incident at all (a bounded search cannot tell which). Empty
   * without a budget (those are `unreachableIds`).
   */
  readonly beyondBudgetIds: string[];
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
  if (!incidentSnap) return { incidentSnap, results: [], unreachableIds: [], offNetworkIds: resources.filter((r) => !r.snap).map((r) => r.id), beyondBudgetIds: [] };
  throwIfAborted(options.signal);
  const budgetSeconds = options.budgetSeconds ?? Infinity;
  const ex = net.expander.expand(seedsForSnap(graph, incidentSnap, 'reverse', speed, 0), {
    direction: 'reverse', budgetSeconds, closedEdges: options.closedEdges, signal: options.signal,
  });
  const incidentOff = offRoadSeconds(incidentSnap, speed);
  const timed: Array<{ r: SnappedResource; snap: Snap; d: Departure }> = [];
  const unreachableIds: string[] = [], offNetworkIds: string[] = [], beyondBudgetIds: string[] = [];
  const bounded = budgetSeconds !== Infinity;
  for (const r of resources) {
    if (!r.snap) {
      offNetworkIds.push(r.id);
      continue;
    }
    const d = bestDeparture(net, ex.seconds, r.snap, incidentSnap, incidentOff);
    if (!Number.isFinite(d.seconds) || d.seconds > budgetSeconds) {
      // a bounded search cannot tell "no road" from "farther than the limit"
      (bounded ? beyondBudgetIds : unreachableIds).push(r.id);
      continue;
    }
    timed.push({ r, snap: r.snap, d });
  }
  timed.sort((a, b) => a.d.seconds - b.d.seconds || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
  const kept = takeK(timed, options.k, options.perKind ?? false, (t) => t.r.kind);
  const results = kept.map(({ r, snap, d }): NearestResult => {
    const route = routeOf(net, r.lngLat, snap, d, incident, incidentSnap);
    return {
      id: r.id,
      kind: r.kind,
      seconds: d.seconds,
      meters: lineMeters(route),
      straightLineMeters: haversineMeters(r.lngLat[0], r.lngLat[1], incident[0], incident[1]),
      offRoadMeters: snap.offRoadMeters + incidentSnap.offRoadMeters,
      ...(options.withRoutes ? { route } : {}),
    };
  });
  return { incidentSnap, results, unreachableIds, offNetworkIds, beyondBudgetIds };
}

/** How a resource best leaves its edge: towards `node` (then the searched path), or along the incident's own edge (node -1). */
interface Departure {
  seconds: number;
  node: number;
  edge: number;
  fraction: number;
  /** with node -1: the incident's fraction on the shared edge */
  toFraction: number;
}

function bestDeparture(net: RoadNetwork, rev: Float64Array, snap: Snap, incident: Snap, incidentOff: number): Departure {
  const g = net.graph;
  const best: Departure = { seconds: Infinity, node: -1, edge: -1, fraction: 0, toFraction: 0 };
  const consider = (s: number, node: number, edge: number, fraction: number, toFraction: number) => {
    if (s < best.seconds) Object.assign(best, { seconds: s, node, edge, fraction, toFraction });
  };
  for (const { edge, fraction } of snap.candidates) {
    const fwd = g.edgeForwardSeconds[edge]!, bwd = g.edgeBackwardSeconds[edge]!;
    if (fwd >= 0) consider((1 - fraction) * fwd + rev[g.edgeTo[edge]!]!, g.edgeTo[edge]!, edge, fraction, 1);
    if (bwd >= 0) consider(fraction * bwd + rev[g.edgeFrom[edge]!]!, g.edgeFrom[edge]!, edge, fraction, 0);
    for (const c of incident.candidates) {
      // rev[] already holds the incident's off-road seconds; along a shared edge they are added here.
      if (c.edge === edge) consider(secondsAlongEdge(g, edge, fraction, c.fraction) + incidentOff, -1, edge, fraction, c.fraction);
    }
  }
  best.seconds += offRoadSeconds(snap, net.offRoadMetersPerSecond);
  return best;
}

/**
 * The route as drawn: resource → its road point → along its edge → the searched path → along the
 * incident's edge → the incident's road point → the incident.
 */
function routeOf(net: RoadNetwork, from: readonly [number, number], snap: Snap, d: Departure, incident: readonly [number, number], incidentSnap: Snap): [number, number][] {
  const g = net.graph;
  const start: [number, number] = [from[0], from[1]];
  const end: [number, number] = [incident[0], incident[1]];
  if (d.node < 0) return [start, ...edgeSlice(g, d.edge, d.fraction, d.toFraction), end];
  const { edges } = tracePath(g, net.expander, d.node);
  const road = pathCoordinates(g, edges, d.node);
  const last = lastNodeOf(g, edges, d.node);
  const arrival = arrivalOnIncidentEdge(net, incidentSnap, last);
  return [
    start,
    ...edgeSlice(g, d.edge, d.fraction, d.toFraction),
    ...road.slice(1),
    ...(arrival ? edgeSlice(g, arrival.edge, arrival.from, arrival.to).slice(1) : []),
    end,
  ];
}

function lastNodeOf(g: RoadGraph, edges: readonly number[], node: number): number {
  let at = node;
  for (const e of edges) at = g.edgeFrom[e] === at ? g.edgeTo[e]! : g.edgeFrom[e]!;
  return at;
}

/** Which of the incident's edges the path arrives on from `node`, and the part travelled. */
function arrivalOnIncidentEdge(net: RoadNetwork, incident: Snap, node: number): { edge: number; from: number; to: number } | null {
  const g = net.graph;
  let best: { edge: number; from: number; to: number; seconds: number } | null = null;
  for (const { edge, fraction } of incident.candidates) {
    const fwd = g.edgeForwardSeconds[edge]!, bwd = g.edgeBackwardSeconds[edge]!;
    if (g.edgeFrom[edge] === node && fwd >= 0 && (!best || fraction * fwd < best.seconds)) best = { edge, from: 0, to: fraction, seconds: fraction * fwd };
    if (g.edgeTo[edge] === node && bwd >= 0 && (!best || (1 - fraction) * bwd < best.seconds)) best = { edge, from: 1, to: fraction, seconds: (1 - fraction) * bwd };
  }
  return best;
}

function lineMeters(line: readonly (readonly [number, number])[]): number {
  let m = 0;
  for (let i = 1; i < line.length; i++) m += haversineMeters(line[i - 1]![0], line[i - 1]![1], line[i]![0], line[i]![1]);
  return m;
}

function takeK<T>(sorted: T[], k: number, perKind: boolean, kindOf: (t: T) => string): T[] {
  if (!perKind) return sorted.slice(0, k);
  const taken = new Map<string, number>();
  return sorted.filter((t) => {
    const n = taken.get(kindOf(t)) ?? 0;
    taken.set(kindOf(t), n + 1);
    return n < k;
  });
}
