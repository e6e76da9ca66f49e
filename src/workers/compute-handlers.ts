import {
  closedEdgesFromBarriers, closedEdgesPerBarrier, computeCoverage, computeIsochrones, coverageGaps, CoreError, findNearestByTravelTime, findNearestWithinBudgets, parseRoads,
  projectX, projectY, roadNetworkFromRaw, createRoadNetwork, deserializeRoadGraph, getSpeedProfile, isRoadGraphBinary, roadNetworkBytes, snapResources, DEFAULT_TRAVEL_AREA_OPTIONS, buildPointIndex, nearestByStraightLine,
  type PointIndex, type RoadNetwork, type SnappedResource,
} from '../core';
import { frameCovering } from '../core/isochrone/grid-frame';
import { snapRasterFor } from '../core/isochrone/snap-raster-cache';
import type { ComputeHandlers } from './compute-host';
import { areaRaster } from './area-raster';
import { createPlannerHandlers } from './planner-handlers';
import { unpackResources, type BarrierSpec, type NotReachedWithin, type UnreachableItem } from './protocol';
import { createTyphoonHandlers } from './typhoon-handlers';
import type { RawRoads } from '../core';

/** What the worker holds between requests: the network and the resources joined to it. */
interface ComputeState {
  net: RoadNetwork | null;
  /** the parsed roads, for networks of other profiles (walking evacuation) */
  raw: RawRoads | null;
  resources: SnappedResource[];
  byId: Map<string, SnappedResource>;
  closedCache: Map<string, Uint8Array>;
  /** the resources re-joined to the open roads, per closed-edge mask (reset with the resources) */
  snappedUnderClosure: WeakMap<Uint8Array, SnappedResource[]>;
  points: PointIndex | null;
  /**
   * The last request's candidate ids (a province: 52,000, sent with every click), their set, and the
   * pool narrowed to them: a request with the same ids (compared one by one, ~1 ms) reuses them
   * instead of building the set and filtering the pool again (6–40 ms per request here).
   */
  lastIds: { ids: readonly string[]; set: Set<string>; positions: Map<string, number> | null; narrowed: WeakMap<readonly SnappedResource[], Map<string, SnappedResource[]>> } | null;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function idsEntry(s: ComputeState, ids: readonly string[]): NonNullable<ComputeState['lastIds']> {
  if (!s.lastIds || !sameIds(s.lastIds.ids, ids)) s.lastIds = { ids, set: new Set(ids), positions: null, narrowed: new WeakMap() };
  return s.lastIds;
}

/** The pool's resources of the given kinds and ids (memoised for the last ids, per pool and kinds). */
function candidatesOf(s: ComputeState, pool: readonly SnappedResource[], kinds: readonly string[] | undefined, ids: readonly string[] | undefined): SnappedResource[] {
  if (!ids) return pool.filter((r) => !kinds || kinds.includes(r.kind));
  const entry = idsEntry(s, ids);
  const kindsKey = kinds ? kinds.join('\u0000') : '*';
  let byKinds = entry.narrowed.get(pool);
  if (!byKinds) entry.narrowed.set(pool, (byKinds = new Map()));
  let out = byKinds.get(kindsKey);
  if (!out) {
    out = pool.filter((r) => (!kinds || kinds.includes(r.kind)) && entry.set.has(r.id));
    byKinds.set(kindsKey, out);
  }
  return out;
}

function requireNetwork(s: ComputeState): RoadNetwork {
  if (!s.net) throw new CoreError('invalid-argument', 'no road network loaded: send loadRoads first');
  return s.net;
}

const toBarriers = (b: BarrierSpec) => ({ wayIds: b.closedWayIds, polygons: b.floodPolygons, lines: b.closedLines, roadPoints: b.closedRoadPoints });
const CLOSED_CACHE_MAX = 32;
/** Above this many candidates the nearest search is bounded first (findNearestWithinBudgets); the county demo has 352. */
const LARGE_POOL = 5000;

function closedEdgesOf(s: ComputeState, net: RoadNetwork, barriers: BarrierSpec | undefined): Uint8Array | undefined {
  if (!barriers || (!barriers.closedWayIds?.length && !barriers.floodPolygons?.length && !barriers.closedLines?.length && !barriers.closedRoadPoints?.length)) return undefined;
  const key = JSON.stringify(barriers);
  let closed = s.closedCache.get(key);
  if (!closed) {
    closed = closedEdgesFromBarriers(net.graph, net.index, toBarriers(barriers));
    // An officer drawing and removing closures makes many sets; keep the recent ones only.
    if (s.closedCache.size >= CLOSED_CACHE_MAX) s.closedCache.delete(s.closedCache.keys().next().value!);
    s.closedCache.set(key, closed);
  }
  return closed;
}

/** A road file fetched by the worker itself (its body read on this thread, not the page's). */
async function fetchRoadFile(url: string, signal: AbortSignal): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new CoreError('invalid-argument', `${url}: cannot be fetched (${(err as Error).message})`);
  }
  if (!response.ok) throw new CoreError('invalid-argument', `${url}: HTTP ${response.status}`);
  if ((response.headers.get('content-type') ?? '').includes('text/html')) throw new CoreError('invalid-argument', `${url}: got a web page instead of a road file`);
  return response.arrayBuffer();
}

/** The compute worker's handlers, over one state object; used by compute.worker.ts and in tests. */
export function createComputeHandlers(): ComputeHandlers {
  const s: ComputeState = { net: null, raw: null, resources: [], byId: new Map(), closedCache: new Map(), snappedUnderClosure: new WeakMap(), points: null, lastIds: null };
  return {
    ...createTyphoonHandlers(() => (s.net ? { raw: s.raw, driving: s.net } : null)),
    async loadRoads({ fileName, bytes: given, url }, ctx) {
      // A prebuilt binary graph (a province: no parse, no build, views on the transferred bytes)
      // or a road file to import. Only an imported file keeps its raw roads (the typhoon
      // handlers build their walking network from them).
      const bytes = given ?? (url ? await fetchRoadFile(url, ctx.signal) : null);
      if (!bytes) throw new CoreError('invalid-argument', 'loadRoads needs the file\'s bytes or its url');
      let problems: string[] = [];
      if (isRoadGraphBinary(new Uint8Array(bytes))) {
        const graph = deserializeRoadGraph(bytes);
        s.net = createRoadNetwork(graph, getSpeedProfile(graph.profileName));
        s.raw = null;
      } else {
        const raw = parseRoads(fileName, new Uint8Array(bytes));
        s.net = roadNetworkFromRaw(raw);
        s.raw = raw;
        problems = [...raw.problems];
      }
      s.resources = [];
      s.byId.clear();
      s.points = null;
      s.closedCache.clear();
      const memoryBytes = roadNetworkBytes(s.net).total;
      return { result: { nodeCount: s.net.graph.nodeCount, edgeCount: s.net.graph.edgeCount, problems, memoryBytes } };
    },
    setResources({ resources, packed }) {
      const net = requireNetwork(s);
      s.resources = snapResources(net, packed ? unpackResources(packed) : (resources ?? []));
      s.byId = new Map(s.resources.map((r) => [r.id, r]));
      s.points = buildPointIndex(s.resources.map((r) => r.lngLat));
      s.snappedUnderClosure = new WeakMap();
      return { result: { count: s.resources.length, offRoadIds: s.resources.filter((r) => !r.snap).map((r) => r.id) } };
    },
    async warmUp({ cellSizeMeters = DEFAULT_TRAVEL_AREA_OPTIONS.cellSizeMeters }, ctx) {
      const net = requireNetwork(s);
      const g = net.graph, p = net.index.projection, margin = net.profile.maxSnapMeters + 2 * cellSizeMeters;
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (let i = 0; i < g.nodeLngLat.length; i += 2) {
        const x = projectX(p, g.nodeLngLat[i]!), y = projectY(p, g.nodeLngLat[i + 1]!);
        minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
      const whole = frameCovering(p, cellSizeMeters, { minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin }, DEFAULT_TRAVEL_AREA_OPTIONS.maxCells);
      const raster = snapRasterFor(net, cellSizeMeters);
      const STRIP = 64;
      for (let row = 0; row < whole.height; row += STRIP) {
        raster.forEachCell({ ...whole, rowOffset: whole.rowOffset + row, height: Math.min(STRIP, whole.height - row) }, () => {});
        await ctx.checkpoint();
      }
      return { result: { cells: whole.width * whole.height } };
    },
    isochrone({ sourceId, lngLat, bandsMinutes, barriers }, ctx) {
      const net = requireNetwork(s);
      const at = lngLat ?? s.byId.get(sourceId)?.lngLat;
      if (!at) throw new CoreError('invalid-argument', `unknown resource "${sourceId}" and no lngLat given`);
      const answer = computeIsochrones(net, [{ id: sourceId, lngLat: at }], { bandsMinutes, closedEdges: closedEdgesOf(s, net, barriers), signal: ctx.signal });
      return { result: { bands: answer.features, unreachable: answer.unreachableSourceIds.length > 0 } };
    },
    nearestStraightLine({ incident, k, kinds, perKind, ids }) {
      if (!s.points) return { result: { results: [] } };
      const idSet = ids ? idsEntry(s, ids).set : null;
      const wanted = (i: number, kind?: string) => {
        const r = s.resources[i]!;
        return (kind ? r.kind === kind : !kinds || kinds.includes(r.kind)) && (!idSet || idSet.has(r.id));
      };
      const groups = perKind ? (kinds ?? [...new Set(s.resources.map((r) => r.kind))]).map((kind) => nearestByStraightLine(s.points!, incident, k, (i) => wanted(i, kind))) : [nearestByStraightLine(s.points, incident, k, (i) => wanted(i))];
      return { result: { results: groups.flat().map(({ index, meters }) => ({ id: s.resources[index]!.id, kind: s.resources[index]!.kind, straightLineMeters: meters })) } };
    },
    nearest({ incident, k, perKind, kinds, ids, barriers, withRoutes }, ctx) {
      const net = requireNetwork(s);
      const closedEdges = closedEdgesOf(s, net, barriers);
      // With closures, resources whose road is closed must join the nearest open road instead;
      // joined once per closure set, not per request.
      let pool = s.resources;
      if (closedEdges) {
        pool = s.snappedUnderClosure.get(closedEdges) ?? snapResources(net, s.resources, closedEdges);
        s.snappedUnderClosure.set(closedEdges, pool);
      }
      const wanted = candidatesOf(s, pool, kinds, ids);
      // A province's tens of thousands of candidates: bounded searches first (the same k nearest,
      // a fraction of a one-to-all search over 1 M edges); what they did not reach is listed apart.
      const bounded = wanted.length > LARGE_POOL ? findNearestWithinBudgets(net, incident, wanted, { k, perKind, closedEdges, signal: ctx.signal, withRoutes }) : null;
      const a = bounded ?? findNearestByTravelTime(net, incident, wanted, { k, perKind, closedEdges, signal: ctx.signal, withRoutes });
      const kindOf = (id: string) => s.byId.get(id)?.kind ?? '';
      const unreachable: UnreachableItem[] = [
        ...a.offNetworkIds.map((id) => ({ id, kind: kindOf(id), reason: 'off-network' as const })),
        ...a.unreachableIds.map((id) => ({ id, kind: kindOf(id), reason: 'no-route' as const })),
      ];
      let notReached: NotReachedWithin | null = null;
      const transfer: ArrayBuffer[] = [];
      if (bounded?.boundedSeconds != null) {
        if (ids) {
          // positions in the request's ids, per kind, as transferred typed arrays (the page has the ids)
          const entry = idsEntry(s, ids);
          const positions = (entry.positions ??= new Map(ids.map((id, i) => [id, i])));
          const byKind: Record<string, number[]> = {};
          for (const id of bounded.beyondBudgetIds) (byKind[kindOf(id)] ??= []).push(positions.get(id)!);
          const indicesByKind = Object.fromEntries(Object.entries(byKind).map(([kind, at]) => [kind, Uint32Array.from(at)]));
          transfer.push(...Object.values(indicesByKind).map((a) => a.buffer));
          notReached = { withinSeconds: bounded.boundedSeconds, indicesByKind };
        } else {
          const idsByKind: Record<string, string[]> = {};
          for (const id of bounded.beyondBudgetIds) (idsByKind[kindOf(id)] ??= []).push(id);
          notReached = { withinSeconds: bounded.boundedSeconds, idsByKind };
        }
      }
      return { result: { incidentReachable: a.incidentSnap !== null, results: a.results, unreachable, notReached }, transfer };
    },
    closures({ closures }) {
      const net = requireNetwork(s);
      const per = closedEdgesPerBarrier(net.graph, net.index, closures.map(toBarriers));
      return { result: { closures: per.map((c) => ({ segmentCount: c.edgeIds.length, lines: c.lines })) } };
    },
    coverage({ kinds, sourceIds, bandsMinutes, barriers, extraSources, catchments }, ctx) {
      const net = requireNetwork(s);
      const ids = sourceIds ? new Set(sourceIds) : null;
      const sources = [...s.resources.filter((r) => (!kinds || kinds.includes(r.kind)) && (!ids || ids.has(r.id))), ...(extraSources ?? [])];
      const a = computeCoverage(net, sources, { bandsMinutes, closedEdges: closedEdgesOf(s, net, barriers), signal: ctx.signal, catchments });
      return { result: { covered: a.covered, catchments: a.catchments, unreachableSourceIds: a.unreachableSourceIds } };
    },
    plannerAreaRaster({ stations, bandsMinutes, catchments, barriers, bandColors, palette }, ctx) {
      const net = requireNetwork(s);
      const raster = areaRaster(net, stations, { bandsMinutes, catchments, closedEdges: closedEdgesOf(s, net, barriers), bandColors, palette, signal: ctx.signal });
      return { result: { raster }, transfer: raster ? [raster.rgba.buffer] : [] };
    },
    plannerGaps({ stations, budgetMinutes, within, barriers }, ctx) {
      const net = requireNetwork(s);
      const a = computeCoverage(net, stations, { bandsMinutes: [budgetMinutes], closedEdges: closedEdgesOf(s, net, barriers), signal: ctx.signal });
      return { result: coverageGaps(a.covered.features[0]?.geometry ?? null, within) };
    },
    ...createPlannerHandlers(() => ({ net: s.net, raw: s.raw })),
  };
}
