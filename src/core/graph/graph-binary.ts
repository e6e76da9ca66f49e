import { CoreError } from '../errors';
import type { ArcTable, RoadGraph } from './road-graph';

/**
 * A built road graph as one binary file, to load a province without parsing or building:
 * "ONEMAPG1", a u32 header length, a JSON header (counts, profile, classes, array layout), then
 * every typed array 8-byte aligned, little-endian. Reading makes views on the buffer (no copy),
 * so a 1 M-edge graph is ready as soon as its bytes are (the segment index is built after).
 */
const MAGIC = 'ONEMAPG1';
type ArrayName = 'nodeLngLat' | 'nodeOsmId' | 'edgeFrom' | 'edgeTo' | 'edgeLengthMeters' | 'edgeForwardSeconds' | 'edgeBackwardSeconds'
  | 'edgeHighway' | 'edgeWayId' | 'edgeShapeOffsets' | 'shapeLngLat' | 'shapeMetersAlong';
const ARRAYS: ReadonlyArray<[ArrayName, 'f64' | 'i32' | 'u8']> = [
  ['nodeLngLat', 'f64'], ['nodeOsmId', 'f64'], ['edgeFrom', 'i32'], ['edgeTo', 'i32'], ['edgeLengthMeters', 'f64'],
  ['edgeForwardSeconds', 'f64'], ['edgeBackwardSeconds', 'f64'], ['edgeHighway', 'u8'], ['edgeWayId', 'f64'],
  ['edgeShapeOffsets', 'i32'], ['shapeLngLat', 'f64'], ['shapeMetersAlong', 'f64'],
];
const ARC_ARRAYS: ReadonlyArray<[keyof ArcTable, 'f64' | 'i32']> = [['offsets', 'i32'], ['nodes', 'i32'], ['edges', 'i32'], ['seconds', 'f64']];
const CTOR = { f64: Float64Array, i32: Int32Array, u8: Uint8Array } as const;

interface Header {
  version: 1;
  profileName: string;
  nodeCount: number;
  edgeCount: number;
  highwayClasses: string[];
  /** [name, type, length] in file order */
  arrays: Array<[string, 'f64' | 'i32' | 'u8', number]>;
}

/** Whether the bytes start like a binary road graph. */
export function isRoadGraphBinary(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

function allArrays(g: RoadGraph): Array<[string, 'f64' | 'i32' | 'u8', Float64Array | Int32Array | Uint8Array]> {
  return [
    ...ARRAYS.map(([name, type]): [string, 'f64' | 'i32' | 'u8', Float64Array | Int32Array | Uint8Array] => [name, type, g[name]]),
    ...(['forward', 'reverse'] as const).flatMap((dir) => ARC_ARRAYS.map(([name, type]): [string, 'f64' | 'i32', Float64Array | Int32Array] => [`${dir}.${name}`, type, g[dir][name]])),
  ];
}

const align8 = (n: number) => (n + 7) & ~7;

export function serializeRoadGraph(g: RoadGraph): Uint8Array {
  const arrays = allArrays(g);
  const header: Header = {
    version: 1, profileName: g.profileName, nodeCount: g.nodeCount, edgeCount: g.edgeCount,
    highwayClasses: [...g.highwayClasses], arrays: arrays.map(([name, type, a]) => [name, type, a.length]),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let size = align8(12 + json.length);
  for (const [, , a] of arrays) size += align8(a.byteLength);
  const out = new Uint8Array(size);
  for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  let at = align8(12 + json.length);
  for (const [, , a] of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += align8(a.byteLength);
  }
  return out;
}

/**
 * The graph in a buffer written by serializeRoadGraph, as views on it (keep the buffer alive;
 * transfer it to a worker rather than copy). @throws CoreError('invalid-argument') on bad bytes.
 */
export function deserializeRoadGraph(buffer: ArrayBuffer, byteOffset = 0): RoadGraph {
  const bytes = new Uint8Array(buffer, byteOffset);
  if (!isRoadGraphBinary(bytes)) throw new CoreError('invalid-argument', 'not a OneMap road graph file (no ONEMAPG1 header)');
  if (byteOffset % 8 !== 0) throw new CoreError('invalid-argument', 'a road graph buffer must start 8-byte aligned');
  const jsonLength = new DataView(buffer, byteOffset).getUint32(8, true);
  if (12 + jsonLength > bytes.length) throw new CoreError('invalid-argument', 'road graph file: header runs past the end (truncated?)');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as Header;
  } catch {
    throw new CoreError('invalid-argument', 'road graph file: unreadable header');
  }
  if (header.version !== 1) throw new CoreError('invalid-argument', `road graph file: version ${String(header.version)} is not supported`);
  const views = new Map<string, Float64Array | Int32Array | Uint8Array>();
  let at = align8(12 + jsonLength);
  for (const [name, type, length] of header.arrays) {
    const ctor = CTOR[type];
    if (!ctor || !Number.isInteger(length) || length < 0) throw new CoreError('invalid-argument', `road graph file: bad array ${name}`);
    const byteLength = length * ctor.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.length) throw new CoreError('invalid-argument', `road graph file: array ${name} runs past the end (truncated?)`);
    views.set(name, new ctor(buffer, byteOffset + at, length));
    at += align8(byteLength);
  }
  const get = <T>(name: string): T => {
    const v = views.get(name);
    if (!v) throw new CoreError('invalid-argument', `road graph file: array ${name} is missing`);
    return v as T;
  };
  const arcs = (dir: string): ArcTable => ({ offsets: get(`${dir}.offsets`), nodes: get(`${dir}.nodes`), edges: get(`${dir}.edges`), seconds: get(`${dir}.seconds`) });
  const g: RoadGraph = {
    version: 1, profileName: header.profileName, nodeCount: header.nodeCount, edgeCount: header.edgeCount,
    nodeLngLat: get('nodeLngLat'), nodeOsmId: get('nodeOsmId'), edgeFrom: get('edgeFrom'), edgeTo: get('edgeTo'),
    edgeLengthMeters: get('edgeLengthMeters'), edgeForwardSeconds: get('edgeForwardSeconds'), edgeBackwardSeconds: get('edgeBackwardSeconds'),
    edgeHighway: get('edgeHighway'), highwayClasses: header.highwayClasses, edgeWayId: get('edgeWayId'),
    edgeShapeOffsets: get('edgeShapeOffsets'), shapeLngLat: get('shapeLngLat'), shapeMetersAlong: get('shapeMetersAlong'),
    forward: arcs('forward'), reverse: arcs('reverse'),
  };
  if (g.nodeLngLat.length !== 2 * g.nodeCount || g.edgeFrom.length !== g.edgeCount || g.edgeShapeOffsets.length !== g.edgeCount + 1 || g.forward.offsets.length !== g.nodeCount + 1) {
    throw new CoreError('invalid-argument', 'road graph file: array sizes do not match its node and edge counts');
  }
  return g;
}

/** Bytes held by the graph's typed arrays. */
export function roadGraphBytes(g: RoadGraph): number {
  return allArrays(g).reduce((sum, [, , a]) => sum + a.byteLength, 0);
}
