import {
  CoreError, findNearestByTravelTime, parseGeoJsonRoads, roadNetworkFromRaw, snapResources, WALKING_PROFILE,
  type RoadNetwork, type SnappedResource,
} from '../core';
import { decodeCompactRoads } from '../io/compact-roads';
import type { HandlersOf } from './compute-host';
import type { WalkingMessages } from './walking-protocol';

/** The walking worker's handlers over one state (the network and the shelters joined to it); used by walking.worker.ts and tests. */
export function createWalkingHandlers(): HandlersOf<WalkingMessages> {
  let net: RoadNetwork | null = null;
  let shelters: SnappedResource[] = [];
  let byId = new Map<string, SnappedResource>();
  return {
    loadWalkingNetwork({ fileName, bytes, shelters: input }) {
      const started = performance.now();
      // Compact roads (src/io/compact-roads.ts) or GeoJSON only: the OSM XML and PBF parsers stay out of the phone's download.
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(bytes));
      } catch (err) {
        throw new CoreError('invalid-input', `${fileName}: not JSON (${(err as Error).message})`);
      }
      const compact = (json as { format?: unknown } | null)?.format !== undefined ? decodeCompactRoads(json) : null;
      const raw = parseGeoJsonRoads(compact ? compact.roads : json);
      const decodeProblems = compact ? compact.issues.map((i) => `${fileName}: ${i.message}`) : [];
      net = roadNetworkFromRaw(raw, WALKING_PROFILE);
      shelters = snapResources(net, input.map((s) => ({ id: s.id, kind: 'shelter', lngLat: s.lngLat })));
      byId = new Map(shelters.map((s) => [s.id, s]));
      return {
        result: {
          nodeCount: net.graph.nodeCount,
          edgeCount: net.graph.edgeCount,
          offRoadIds: shelters.filter((s) => !s.snap).map((s) => s.id),
          problems: [...decodeProblems, ...raw.problems],
          buildMs: performance.now() - started,
        },
      };
    },
    walkingNearest({ from, ids, k, withRoutes }, ctx) {
      if (!net) throw new CoreError('invalid-argument', 'no walking network loaded: send loadWalkingNetwork first');
      const wanted = ids.map((id) => byId.get(id)).filter((s): s is SnappedResource => s !== undefined);
      const a = findNearestByTravelTime(net, from, wanted, { k, signal: ctx.signal, withRoutes });
      return { result: { fromReachable: a.incidentSnap !== null, results: a.results } };
    },
  };
}
