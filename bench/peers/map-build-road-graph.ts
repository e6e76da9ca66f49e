/**
 * The peer of bench #2/4's build row: buildRoadGraph as it was before issue 12 (a JS Map per node
 * lookup, growing number[] arrays, number[] arc tables), kept verbatim so the bench can show the
 * typed-array builder's gain and that both give the same graph.
 */
import { CoreError, EMERGENCY_DEFAULT_PROFILE, haversineMeters, kmhToMetersPerSecond, wayDirection, type ArcTable, type RawRoads, type RawWay, type RoadGraph, type SpeedProfile } from '../../src/core/index';

interface WayPart {
  readonly way: RawWay;
  readonly nodeIds: number[];
}

/**
 * Cuts ways at nodes the extract lacks and collapses repeated consecutive refs (road-network.md).
 * Parts shorter than two nodes carry no edge and are dropped.
 */
function splitIntoParts(way: RawWay, nodes: RawRoads['nodes']): WayPart[] {
  const parts: WayPart[] = [];
  let current: number[] = [];
  const flush = () => {
    if (current.length >= 2) parts.push({ way, nodeIds: current });
    current = [];
  };
  for (const id of way.nodeIds) {
    if (!nodes.has(id)) {
      flush();
      continue;
    }
    if (current[current.length - 1] !== id) current.push(id);
  }
  flush();
  return parts;
}

/**
 * Builds the routable graph from raw roads per road-network.md: road ways are those whose
 * `highway` is in the profile; ways split at every node used twice or more (by two ways, or twice
 * in one way) and at their ends; haversine lengths; seconds from the profile's class speed;
 * oneway/roundabout/motorway directions. Edges are numbered in (way id, position) order.
 * @throws CoreError('network-empty') when no road way remains.
 */
const BOTH_WAYS = Object.freeze({ forward: true, backward: true });

export function mapBuildRoadGraph(raw: RawRoads, profile: SpeedProfile = EMERGENCY_DEFAULT_PROFILE): RoadGraph {
  const roadWays = raw.ways.filter((w) => w.tags.highway !== undefined && Object.hasOwn(profile.speedsKmh, w.tags.highway));
  roadWays.sort((a, b) => a.id - b.id);
  const parts = roadWays.flatMap((w) => splitIntoParts(w, raw.nodes));
  if (parts.length === 0) throw new CoreError('network-empty', 'no road ways with a highway class of the speed profile in the input');

  const uses = new Map<number, number>();
  for (const p of parts) for (const id of p.nodeIds) uses.set(id, (uses.get(id) ?? 0) + 1);

  const vertexOf = new Map<number, number>();
  const vertexIds: number[] = [];
  const vertex = (osmId: number): number => {
    let v = vertexOf.get(osmId);
    if (v === undefined) {
      v = vertexIds.length;
      vertexOf.set(osmId, v);
      vertexIds.push(osmId);
    }
    return v;
  };

  const edgeFrom: number[] = [], edgeTo: number[] = [], lengths: number[] = [], fwd: number[] = [], bwd: number[] = [];
  const highwayIdx: number[] = [], wayIds: number[] = [], shapeOffsets: number[] = [0];
  const shape: number[] = [], along: number[] = [];
  const classes = Object.keys(profile.speedsKmh);

  for (const { way, nodeIds } of parts) {
    const speed = kmhToMetersPerSecond(profile.speedsKmh[way.tags.highway!]!);
    const dir = profile.onewayApplies ? wayDirection(way.tags) : BOTH_WAYS;
    let start = 0;
    for (let i = 1; i < nodeIds.length; i++) {
      if (i < nodeIds.length - 1 && (uses.get(nodeIds[i]!) ?? 0) < 2) continue;
      let meters = 0;
      for (let k = start; k <= i; k++) {
        const [lng, lat] = raw.nodes.get(nodeIds[k]!)!;
        if (k > start) {
          const [plng, plat] = raw.nodes.get(nodeIds[k - 1]!)!;
          meters += haversineMeters(plng, plat, lng, lat);
        }
        shape.push(lng, lat);
        along.push(meters);
      }
      shapeOffsets.push(shape.length / 2);
      edgeFrom.push(vertex(nodeIds[start]!));
      edgeTo.push(vertex(nodeIds[i]!));
      lengths.push(meters);
      const seconds = meters / speed;
      fwd.push(dir.forward ? seconds : -1);
      bwd.push(dir.backward ? seconds : -1);
      highwayIdx.push(classes.indexOf(way.tags.highway!));
      wayIds.push(way.id);
      start = i;
    }
  }

  const nodeCount = vertexIds.length;
  const nodeLngLat = new Float64Array(nodeCount * 2);
  vertexIds.forEach((id, v) => {
    const [lng, lat] = raw.nodes.get(id)!;
    nodeLngLat[2 * v] = lng;
    nodeLngLat[2 * v + 1] = lat;
  });
  const from = Int32Array.from(edgeFrom), to = Int32Array.from(edgeTo);
  const forwardSeconds = Float64Array.from(fwd), backwardSeconds = Float64Array.from(bwd);
  const { forward, reverse } = buildArcTables(nodeCount, from, to, forwardSeconds, backwardSeconds);
  return {
    version: 1,
    profileName: profile.name,
    nodeCount,
    edgeCount: from.length,
    nodeLngLat,
    nodeOsmId: Float64Array.from(vertexIds),
    edgeFrom: from,
    edgeTo: to,
    edgeLengthMeters: Float64Array.from(lengths),
    edgeForwardSeconds: forwardSeconds,
    edgeBackwardSeconds: backwardSeconds,
    edgeHighway: Uint8Array.from(highwayIdx),
    highwayClasses: classes,
    edgeWayId: Float64Array.from(wayIds),
    edgeShapeOffsets: Int32Array.from(shapeOffsets),
    shapeLngLat: Float64Array.from(shape),
    shapeMetersAlong: Float64Array.from(along),
    forward,
    reverse,
  };
}

/**
 * Builds the forward and reverse CSR arc tables from per-edge ends and directional seconds
 * (-1 = direction not allowed). Counting sort: O(nodes + edges).
 */
function buildArcTables(
  nodeCount: number,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
  forwardSeconds: Float64Array,
  backwardSeconds: Float64Array,
): { forward: ArcTable; reverse: ArcTable } {
  const fwdTail: number[] = [], fwdHead: number[] = [], arcEdge: number[] = [], arcSec: number[] = [];
  for (let e = 0; e < edgeFrom.length; e++) {
    const a = edgeFrom[e]!, b = edgeTo[e]!;
    if (forwardSeconds[e]! >= 0) { fwdTail.push(a); fwdHead.push(b); arcEdge.push(e); arcSec.push(forwardSeconds[e]!); }
    if (backwardSeconds[e]! >= 0) { fwdTail.push(b); fwdHead.push(a); arcEdge.push(e); arcSec.push(backwardSeconds[e]!); }
  }
  return {
    forward: csr(nodeCount, fwdTail, fwdHead, arcEdge, arcSec),
    reverse: csr(nodeCount, fwdHead, fwdTail, arcEdge, arcSec),
  };
}

function csr(nodeCount: number, tails: number[], heads: number[], edges: number[], seconds: number[]): ArcTable {
  const offsets = new Int32Array(nodeCount + 1);
  for (const t of tails) offsets[t + 1]!++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, nodeCount);
  const n = tails.length;
  const outNodes = new Int32Array(n), outEdges = new Int32Array(n), outSeconds = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const slot = cursor[tails[i]!]!++;
    outNodes[slot] = heads[i]!;
    outEdges[slot] = edges[i]!;
    outSeconds[slot] = seconds[i]!;
  }
  return { offsets, nodes: outNodes, edges: outEdges, seconds: outSeconds };
}
