import { CoreError } from '../errors';
import { EARTH_RADIUS_METERS } from '../geo/haversine';
import type { RawRoads } from '../import/raw-roads';
import { buildArcTables } from './build-arc-tables';
import { NodeIdTable } from './node-id-table';
import type { RoadGraph } from './road-graph';
import { EMERGENCY_DEFAULT_PROFILE, kmhToMetersPerSecond, wayDirection, type SpeedProfile } from './speed-profile';

const BOTH_WAYS = Object.freeze({ forward: true, backward: true });
const RAD = Math.PI / 180;

/**
 * Builds the routable graph from raw roads per road-network.md: road ways are those whose
 * `highway` is in the profile; ways split at every node used twice or more (by two ways, or twice
 * in one way) and at their ends; ways are cut at nodes the extract lacks and repeated consecutive
 * refs collapse; haversine lengths; seconds from the profile's class speed;
 * oneway/roundabout/motorway directions. Edges are numbered in (way id, position) order.
 *
 * Built for a province (≈ 1 M edges): node ids go to dense indices through a typed-array hash
 * table (NodeIdTable) once per ref, every later step works on those indices in typed arrays, and
 * every output array is allocated once at its final size (counted first).
 * @throws CoreError('network-empty') when no road way remains.
 */
export function buildRoadGraph(raw: RawRoads, profile: SpeedProfile = EMERGENCY_DEFAULT_PROFILE): RoadGraph {
  const roadWays = raw.ways.filter((w) => w.tags.highway !== undefined && Object.hasOwn(profile.speedsKmh, w.tags.highway));
  roadWays.sort((a, b) => a.id - b.id);

  // Dense indices of the input's nodes: one Map lookup per node ref, typed arrays afterwards.
  const nodeCountIn = raw.nodes.size;
  const inLngLat = new Float64Array(2 * nodeCountIn);
  const inOsmId = new Float64Array(nodeCountIn);
  const indexOf = new NodeIdTable(nodeCountIn);
  raw.nodes.forEach((lngLat, id) => {
    const n = indexOf.add(id);
    inOsmId[n] = id;
    inLngLat[2 * n] = lngLat[0];
    inLngLat[2 * n + 1] = lngLat[1];
  });

  // Parts: each way cut at missing nodes, repeated consecutive refs collapsed; refs as indices.
  let refTotal = 0;
  for (const w of roadWays) refTotal += w.nodeIds.length;
  const refs = new Int32Array(refTotal);
  const partStart: number[] = [0];
  const partWay: number[] = [];
  let r = 0;
  for (let wi = 0; wi < roadWays.length; wi++) {
    const ids = roadWays[wi]!.nodeIds;
    let start = r;
    for (let k = 0; k < ids.length; k++) {
      const v = indexOf.get(ids[k]!);
      if (v < 0) {
        if (r - start >= 2) { partStart.push(r); partWay.push(wi); } else r = start;
        start = r;
        continue;
      }
      if (r > start && refs[r - 1] === v) continue;
      refs[r++] = v;
    }
    if (r - start >= 2) { partStart.push(r); partWay.push(wi); } else r = start;
  }
  const partCount = partWay.length;
  if (partCount === 0) throw new CoreError('network-empty', 'no road ways with a highway class of the speed profile in the input');

  const uses = new Int32Array(nodeCountIn);
  for (let i = 0; i < r; i++) uses[refs[i]!]!++;
  // cos(latitude) of every node a road uses, once (haversine needs it for both ends of a segment)
  const cosLat = new Float64Array(nodeCountIn);
  for (let v = 0; v < nodeCountIn; v++) if (uses[v]! > 0) cosLat[v] = Math.cos(inLngLat[2 * v + 1]! * RAD);

  // Edges: count first, then fill preallocated arrays.
  let edgeCount = 0;
  for (let p = 0; p < partCount; p++) {
    const s = partStart[p]!, e = partStart[p + 1]!;
    for (let i = s + 1; i < e; i++) if (i === e - 1 || uses[refs[i]!]! >= 2) edgeCount++;
  }
  const shapeCount = r - partCount + edgeCount; // every ref once, plus each inner split point twice
  const edgeFrom = new Int32Array(edgeCount), edgeTo = new Int32Array(edgeCount);
  const lengths = new Float64Array(edgeCount), fwd = new Float64Array(edgeCount), bwd = new Float64Array(edgeCount);
  const highwayIdx = new Uint8Array(edgeCount), wayIds = new Float64Array(edgeCount);
  const shapeOffsets = new Int32Array(edgeCount + 1);
  const shape = new Float64Array(2 * shapeCount), along = new Float64Array(shapeCount);
  const classes = Object.keys(profile.speedsKmh);
  const vertexOf = new Int32Array(nodeCountIn).fill(-1);
  const vertexIn = new Int32Array(nodeCountIn);
  let nodeCount = 0;
  const vertex = (v: number): number => {
    let x = vertexOf[v]!;
    if (x < 0) {
      x = nodeCount++;
      vertexOf[v] = x;
      vertexIn[x] = v;
    }
    return x;
  };

  let edge = 0, sp = 0;
  for (let p = 0; p < partCount; p++) {
    const way = roadWays[partWay[p]!]!;
    const highway = way.tags.highway!;
    const speed = kmhToMetersPerSecond(profile.speedsKmh[highway]!);
    const dir = profile.onewayApplies ? wayDirection(way.tags) : BOTH_WAYS;
    const cls = classes.indexOf(highway);
    const s = partStart[p]!, e = partStart[p + 1]!;
    let start = s;
    for (let i = s + 1; i < e; i++) {
      if (i < e - 1 && uses[refs[i]!]! < 2) continue;
      let meters = 0;
      for (let k = start; k <= i; k++) {
        const v = refs[k]!;
        const lng = inLngLat[2 * v]!, lat = inLngLat[2 * v + 1]!;
        if (k > start) {
          // haversineMeters(u, v), its arithmetic with each node's cos(lat) computed once
          const u = refs[k - 1]!;
          const dLat = (lat - inLngLat[2 * u + 1]!) * RAD, dLng = (lng - inLngLat[2 * u]!) * RAD;
          const h = Math.sin(dLat / 2) ** 2 + cosLat[u]! * cosLat[v]! * Math.sin(dLng / 2) ** 2;
          meters += 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
        }
        shape[2 * sp] = lng;
        shape[2 * sp + 1] = lat;
        along[sp++] = meters;
      }
      shapeOffsets[edge + 1] = sp;
      edgeFrom[edge] = vertex(refs[start]!);
      edgeTo[edge] = vertex(refs[i]!);
      lengths[edge] = meters;
      const seconds = meters / speed;
      fwd[edge] = dir.forward ? seconds : -1;
      bwd[edge] = dir.backward ? seconds : -1;
      highwayIdx[edge] = cls;
      wayIds[edge] = way.id;
      edge++;
      start = i;
    }
  }

  const nodeLngLat = new Float64Array(nodeCount * 2), nodeOsmId = new Float64Array(nodeCount);
  for (let x = 0; x < nodeCount; x++) {
    const v = vertexIn[x]!;
    nodeLngLat[2 * x] = inLngLat[2 * v]!;
    nodeLngLat[2 * x + 1] = inLngLat[2 * v + 1]!;
    nodeOsmId[x] = inOsmId[v]!;
  }
  const { forward, reverse } = buildArcTables(nodeCount, edgeFrom, edgeTo, fwd, bwd);
  return {
    version: 1,
    profileName: profile.name,
    nodeCount,
    edgeCount,
    nodeLngLat,
    nodeOsmId,
    edgeFrom,
    edgeTo,
    edgeLengthMeters: lengths,
    edgeForwardSeconds: fwd,
    edgeBackwardSeconds: bwd,
    edgeHighway: highwayIdx,
    highwayClasses: classes,
    edgeWayId: wayIds,
    edgeShapeOffsets: shapeOffsets,
    shapeLngLat: shape,
    shapeMetersAlong: along,
    forward,
    reverse,
  };
}
