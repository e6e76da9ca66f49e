import type { FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import type { LeaveByRow, NearestResult, PlaceWindTimes, PlanningPoint, StormState, TrackFormat, TyphoonTrack } from '../core';
import type { TrackIssue } from '../io';
import type {
  CoverageFigures, CoverageParams, CutOffShelter, NewShelter, PlannerShelter, PlannerStation, PlannerVillage, ShelterFigures,
  ShelterParams, ShelterSuggestion, StationSuggestion,
} from './planner-session';

/**
 * Road closures sent with a request: OSM way ids, flooded areas, lines drawn across roads (every
 * segment they cross is closed) and points on roads (the nearest segment within 50 m is closed).
 */
export interface BarrierSpec {
  readonly closedWayIds?: readonly number[];
  readonly floodPolygons?: ReadonlyArray<Polygon | MultiPolygon>;
  readonly closedLines?: ReadonlyArray<LineString>;
  readonly closedRoadPoints?: ReadonlyArray<readonly [number, number]>;
}

/** Why a ranked kind's resource has no travel time. */
export interface UnreachableItem {
  readonly id: string;
  readonly kind: string;
  /** 'off-network': > 500 m from every open road; 'no-route': no open road leads to the incident */
  readonly reason: 'off-network' | 'no-route';
}

/**
 * A large pool's bounded search (a province): the candidates it did not reach within its limit —
 * farther, or with no road to the incident (it cannot tell which) — per kind, in candidate order.
 * Ids only (a province's tens of thousands are a few strings each, not objects).
 */
export interface NotReachedWithin {
  readonly withinSeconds: number;
  /**
   * With the request's `ids`: per kind, positions in those ids (transferred typed arrays, not tens
   * of thousands of strings cloned into the page on each click); the page turns them back into ids
   * (notReachedIds). Without: the ids themselves.
   */
  readonly indicesByKind?: Readonly<Record<string, Uint32Array>>;
  readonly idsByKind?: Readonly<Record<string, readonly string[]>>;
}

/** Per kind, the ids a bounded search did not reach: from the positions in the request's ids, or as sent. */
export function notReachedIds(n: NotReachedWithin, requestIds: readonly string[] | undefined): Record<string, readonly string[]> {
  if (!n.indicesByKind) return { ...(n.idsByKind ?? {}) };
  if (!requestIds) throw new Error('notReachedIds: the answer holds positions in the request\'s ids, and no ids were given');
  return Object.fromEntries(Object.entries(n.indicesByKind).map(([kind, at]) => [kind, Array.from(at, (i) => requestIds[i]!)]));
}

/**
 * Resources as columns (packResources): ids as strings, kinds as codes into `kindNames`, positions as
 * [lng, lat] pairs. The typed arrays are transferred, so a province's 52,000 candidates cost the page
 * no structured clone of 52,000 objects (~100 ms on its thread).
 */
export interface PackedResources {
  readonly ids: readonly string[];
  readonly kindNames: readonly string[];
  readonly kindCodes: Uint8Array;
  readonly lngLat: Float64Array;
}

export function packResources(resources: readonly ComputeResource[]): { packed: PackedResources; transfer: ArrayBuffer[] } {
  const kindNames: string[] = [];
  const codeOf = new Map<string, number>();
  const ids = new Array<string>(resources.length);
  const kindCodes = new Uint8Array(resources.length);
  const lngLat = new Float64Array(resources.length * 2);
  resources.forEach((r, i) => {
    let code = codeOf.get(r.kind);
    if (code === undefined) {
      if (kindNames.length === 256) throw new Error('packResources: more than 256 kinds');
      code = kindNames.push(r.kind) - 1;
      codeOf.set(r.kind, code);
    }
    ids[i] = r.id;
    kindCodes[i] = code;
    lngLat[2 * i] = r.lngLat[0];
    lngLat[2 * i + 1] = r.lngLat[1];
  });
  return { packed: { ids, kindNames, kindCodes, lngLat }, transfer: [kindCodes.buffer, lngLat.buffer] };
}

export function unpackResources(p: PackedResources): ComputeResource[] {
  return p.ids.map((id, i) => ({ id, kind: p.kindNames[p.kindCodes[i]!]!, lngLat: [p.lngLat[2 * i]!, p.lngLat[2 * i + 1]!] as const }));
}

export interface ComputeResource {
  readonly id: string;
  readonly kind: string;
  readonly lngLat: readonly [number, number];
}

/** A ranked resource as the core returns it. */
export type NearestItem = NearestResult;

/**
 * Every message the compute worker answers: name → [params, result]. Both sides are generic over
 * this one map (MapLibre's actor_messages idea), so a new message is one line here plus a handler.
 */
export interface ComputeMessages extends TyphoonMessages {
  /** build the road graph from a file's bytes (transferred) */
  /** a road file to import (OSM PBF/XML, GeoJSON) or a prebuilt binary graph (serializeRoadGraph); memoryBytes: graph + index + search buffers */
  /** `url` instead of `bytes`: the worker fetches the file itself (same origin; a province's 173 MB graph, read off the page's busy thread) */
  loadRoads: [{ fileName: string; bytes?: ArrayBuffer; url?: string }, { nodeCount: number; edgeCount: number; problems: string[]; memoryBytes?: number }];
  /** join the resources to the network once; later requests refer to them by id */
  setResources: [{ resources?: readonly ComputeResource[]; packed?: PackedResources }, { count: number; offRoadIds: string[] }];
  /** fill the snap raster over the whole network in advance, so the first isochrone is fast */
  warmUp: [{ cellSizeMeters?: number }, { cells: number }];
  /** the 5/10/15-minute bands of one resource (by id) or of a point */
  isochrone: [
    { sourceId: string; lngLat?: readonly [number, number]; bandsMinutes: readonly number[]; barriers?: BarrierSpec },
    { bands: FeatureCollection<MultiPolygon, { sourceId: string; minutes: number }>; unreachable: boolean },
  ];
  /** the instant first answer: resources by straight-line distance (k-d tree), before the road search */
  nearestStraightLine: [
    { incident: readonly [number, number]; k: number; kinds?: readonly string[]; perKind?: boolean; ids?: readonly string[] },
    { results: Array<{ id: string; kind: string; straightLineMeters: number }> },
  ];
  /**
   * resources ranked by time to reach the incident; `ids` narrows the candidates (e.g. the
   * officer's filters). Unreachable candidates are listed, never dropped silently.
   */
  nearest: [
    { incident: readonly [number, number]; k: number; perKind: boolean; kinds?: readonly string[]; ids?: readonly string[]; barriers?: BarrierSpec; withRoutes?: boolean },
    { incidentReachable: boolean; results: NearestItem[]; unreachable: UnreachableItem[]; notReached: NotReachedWithin | null },
  ];
  /** each closure on its own: the road segments it closes (count and geometry, for listing and drawing) */
  closures: [
    { closures: readonly BarrierSpec[] },
    { closures: Array<{ segmentCount: number; lines: [number, number][][] }> },
  ];
  /** union and catchments of many resources' areas */
  coverage: [
    {
      kinds?: readonly string[]; sourceIds?: readonly string[]; bandsMinutes: readonly number[]; barriers?: BarrierSpec;
      /** what-if stations, drawn with the rest */
      extraSources?: readonly PlanningPoint[];
      /** also cut the largest band into each station's catchment (default true) */
      catchments?: boolean;
    },
    {
      covered: FeatureCollection<MultiPolygon, { minutes: number }>;
      catchments: FeatureCollection<MultiPolygon, { sourceId: string; minutes: number }>;
      unreachableSourceIds: string[];
    },
  ];
  /** the covered area of stations as a coloured best-time image (by band, or by fastest station) */
  plannerAreaRaster: [
    { stations: readonly PlanningPoint[]; bandsMinutes: readonly number[]; catchments: boolean; barriers?: BarrierSpec; bandColors: ReadonlyArray<readonly [number, number, number, number]>; palette: ReadonlyArray<readonly [number, number, number, number]> },
    { raster: import('./area-raster').AreaRaster | null },
  ];
  /** the county's gaps: the region outside the stations' covered area (contour of the spec's grid), with areas */
  plannerGaps: [
    { stations: readonly PlanningPoint[]; budgetMinutes: number; within: import('geojson').Polygon | import('geojson').MultiPolygon; barriers?: BarrierSpec },
    import('../core').CoverageGaps,
  ];
  /** the planner's villages (with people who must move), shelters and stations */
  plannerSetData: [
    { villages: readonly PlannerVillage[]; shelters: readonly PlannerShelter[]; stations: readonly PlannerStation[] },
    { villages: number; shelters: number; stations: number },
  ];
  /** every village's best time (turnout added), covered or not, township and county roll-up */
  plannerCoverage: [CoverageParams, CoverageFigures];
  /** nearest-shelter and capacity-aware (HiGHS LP) assignments of the people who must move */
  plannerShelters: [ShelterParams, ShelterFigures];
  /** p new stations: greedy (marginal population) and exact MCLP (HiGHS MIP) */
  plannerSuggestStations: [CoverageParams & { p: number; extraCandidates?: readonly PlanningPoint[] }, StationSuggestion];
  /** p new shelters of a capacity: greedy and exact (HiGHS MIP) */
  plannerSuggestShelters: [ShelterParams & { capacity: number; p: number; extraCandidates?: readonly PlanningPoint[] }, ShelterSuggestion];
  /** storm mode: shelters the closures cut off from villages that could walk there before */
  plannerCutOff: [ShelterParams, { shelters: CutOffShelter[] }];
}

/** A place whose wind-circle times are asked for (village, shelter, team…). */
export interface TyphoonPlace {
  readonly id: string;
  readonly lngLat: readonly [number, number];
}

export interface TyphoonTrackAnswer {
  readonly track: TyphoonTrack | null;
  readonly format: TrackFormat | null;
  readonly issues: TrackIssue[];
  /** the storm at every hourly step (typhoon.md), centre and radii per threshold */
  readonly states: StormState[];
  /** aligned with the request's places */
  readonly windTimes: PlaceWindTimes[];
  /** threshold → places × hours (place-major), 1 = inside at that hour */
  readonly insideByThreshold: Record<string, Uint8Array>;
}

export interface TyphoonMessages {
  /** read a track file (any supported format) and place every given place in its wind circles */
  typhoonTrack: [{ text: string; places: readonly TyphoonPlace[] }, TyphoonTrackAnswer];
  /** must-leave-by rows of the villages ever inside the force-7 / 34-kt circle, most urgent first */
  typhoonLeaveBy: [
    {
      villages: ReadonlyArray<TyphoonPlace & { firstInsideMs: number | null }>;
      /** open shelters with free places, and any shelter the assignments name */
      shelters: readonly TyphoonPlace[];
      /** the shelters a village without an assignment may go to (default: all of `shelters`) */
      nearestShelterIds?: readonly string[];
      profile: 'walking' | 'emergency-default';
      marginMinutes: number;
      /** the planner's capacity-aware assignment, village id → shelter id, where present */
      assignments?: ReadonlyArray<readonly [string, string]>;
    },
    { rows: LeaveByRow[] },
  ];
}

export type { NewShelter };

export type ComputeName = keyof ComputeMessages;
export type ComputeParams<K extends ComputeName> = ComputeMessages[K][0];
export type ComputeResult<K extends ComputeName> = ComputeMessages[K][1];

/** Any worker's message map (name → [params, result]); client and host are generic over one. */
export type MessageMap<M> = { [K in keyof M]: [unknown, unknown] };

/** An error as it crosses the boundary; rehydrated to CoreError / AbortError / Error. */
export interface SerializedError {
  readonly name: string;
  readonly code?: string;
  readonly message: string;
}

export type ToWorker =
  | { readonly type: 'request'; readonly id: number; readonly name: string; readonly params: unknown }
  | { readonly type: 'cancel'; readonly id: number };

export type FromWorker =
  | { readonly type: 'response'; readonly id: number; readonly result: unknown; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly id: number; readonly error: SerializedError };

/** What both a Worker / worker global and a MessagePort offer. */
export interface MessagePortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener?(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
}
