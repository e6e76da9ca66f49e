import { haversineMeters } from '../geo/haversine';
import { projectX, projectY } from '../geo/local-projection';
import type { RoadGraph } from '../graph/road-graph';
import type { SegmentIndex } from './segment-index';
import { segmentParameter } from '../geo/segment-parameter';

/** Where a point joins one edge: the fraction of the edge's length from `edgeFrom`. */
export interface SnapCandidate {
  readonly edge: number;
  readonly fraction: number;
  readonly lngLat: readonly [number, number];
}

/**
 * A point joined to the network: its off-road leg in metres (haversine to the projection) and the
 * edges it joins. Usually one edge; several when they are equally near (within 1e-6 m), e.g. a
 * point on a junction — the spec then takes the fastest of them.
 */
export interface Snap {
  readonly offRoadMeters: number;
  readonly candidates: readonly SnapCandidate[];
}

export interface SnapOptions {
  /** farther than this from every open road, the point is unreachable (null) */
  readonly maxSnapMeters: number;
  /** edges closed by barriers (1 = closed): a point joins the nearest open road instead */
  readonly closedEdges?: Uint8Array;
}

const TIE_METERS = 1e-6;
/** More than the difference between sqrt(x² + y²) and Math.hypot(x, y) (~2 ulp, < 1e-10 m within 100 km) */
const SQRT_DOUBT_METERS = 1e-9;
const FIRST_RADIUS_METERS = 32;

/**
 * Joins a point to the network at the nearest point of any edge (perpendicular projection), per
 * road-network.md. Candidates come from the segment index in a growing box; the exact distance is
 * computed in a frame centred on the point (error ~1e-4 relative within 500 m), the reported
 * off-road leg is haversine. Returns null when no road is within `maxSnapMeters`.
 */
export function snapToGraph(g: RoadGraph, index: SegmentIndex, lng: number, lat: number, options: SnapOptions): Snap | null {
  const { projection, tree } = index;
  const px = projectX(projection, lng), py = projectY(projection, lat);
  const nearest = new NearestSegments(g, index, lng, lat, options.closedEdges);
  const visit = (seg: number): boolean => {
    nearest.consider(seg);
    return false;
  };
  // The local projection's scale error is < 1 % over a county; the margin keeps every candidate.
  for (let r = FIRST_RADIUS_METERS; ; r = Math.min(2 * r, options.maxSnapMeters)) {
    const box = r * 1.01 + 1;
    tree.search(px - box, py - box, px + box, py + box, visit);
    if (nearest.best <= r || r >= options.maxSnapMeters) break;
  }
  return nearest.toSnap(options.maxSnapMeters);
}

/**
 * The running nearest segment(s) to one point, in a frame centred on it: feed candidate segments
 * with `consider`, read the result with `toSnap`. Shared by point snapping and the snap raster.
 */
export class NearestSegments {
  best = Infinity;
  private found: Array<{ seg: number; t: number; d: number }> = [];
  private readonly kx: number;
  private readonly ky: number;

  constructor(
    private readonly g: RoadGraph,
    private readonly index: SegmentIndex,
    private readonly lng: number,
    private readonly lat: number,
    private readonly closed: Uint8Array | undefined,
  ) {
    this.ky = index.projection.metersPerDegLat;
    this.kx = this.ky * Math.cos((lat * Math.PI) / 180);
  }

  consider(seg: number): void {
    const { g, index, lng, lat, kx, ky } = this;
    if (this.closed && this.closed[index.segmentEdge[seg]!]) return;
    const i = index.segmentShape[seg]!;
    const ax = (g.shapeLngLat[2 * i]! - lng) * kx, ay = (g.shapeLngLat[2 * i + 1]! - lat) * ky;
    const bx = (g.shapeLngLat[2 * i + 2]! - lng) * kx, by = (g.shapeLngLat[2 * i + 3]! - lat) * ky;
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = segmentParameter(-(ax * dx + ay * dy), len2);
    const ex = ax + t * dx, ey = ay + t * dy;
    // Clearly beyond the tie on the square root already: Math.hypot (~10× its cost) would say the same.
    if (Math.sqrt(ex * ex + ey * ey) > this.best + TIE_METERS + SQRT_DOUBT_METERS) return;
    const d = Math.hypot(ex, ey);
    if (d > this.best + TIE_METERS) return;
    if (d < this.best - TIE_METERS) {
      this.best = d;
      this.found = this.found.filter((f) => f.d <= d + TIE_METERS);
    }
    this.found.push({ seg, t, d });
  }

  toSnap(maxSnapMeters: number): Snap | null {
    const found = this.found.filter((f) => f.d <= this.best + TIE_METERS);
    if (found.length === 0) return null;
    const { g, index } = this;
    const candidates = found.map(({ seg, t }) => candidateOf(g, index.segmentEdge[seg]!, index.segmentShape[seg]!, t));
    const first = candidates[0]!;
    const offRoadMeters = haversineMeters(this.lng, this.lat, first.lngLat[0], first.lngLat[1]);
    if (offRoadMeters > maxSnapMeters) return null;
    return { offRoadMeters, candidates: dedupeByEdge(candidates) };
  }
}

/**
 * NearestSegments.toSnap for members kept elsewhere (typed arrays, in the order they were
 * considered, with NearestSegments' best): the same candidates, order and off-road leg, without
 * a NearestSegments. For callers that replicate `consider` without allocating (the snap raster).
 */
export function snapOfMembers(
  g: RoadGraph, index: SegmentIndex, lng: number, lat: number,
  segs: Int32Array, ts: Float64Array, ds: Float64Array, count: number, best: number, maxSnapMeters: number,
): Snap | null {
  const candidates: SnapCandidate[] = [];
  for (let q = 0; q < count; q++) {
    if (ds[q]! <= best + TIE_METERS) candidates.push(candidateOf(g, index.segmentEdge[segs[q]!]!, index.segmentShape[segs[q]!]!, ts[q]!));
  }
  if (candidates.length === 0) return null;
  const first = candidates[0]!;
  const offRoadMeters = haversineMeters(lng, lat, first.lngLat[0], first.lngLat[1]);
  if (offRoadMeters > maxSnapMeters) return null;
  return { offRoadMeters, candidates: dedupeByEdge(candidates) };
}

function candidateOf(g: RoadGraph, edge: number, shapeIndex: number, t: number): SnapCandidate {
  const alng = g.shapeLngLat[2 * shapeIndex]!, alat = g.shapeLngLat[2 * shapeIndex + 1]!;
  const lngLat: [number, number] = [
    alng + t * (g.shapeLngLat[2 * shapeIndex + 2]! - alng),
    alat + t * (g.shapeLngLat[2 * shapeIndex + 3]! - alat),
  ];
  const length = g.edgeLengthMeters[edge]!;
  const along = g.shapeMetersAlong[shapeIndex]! + haversineMeters(alng, alat, lngLat[0], lngLat[1]);
  const fraction = length > 0 ? Math.min(1, along / length) : 0;
  return { edge, fraction, lngLat };
}

/** A point on a shape vertex touches two segments of one edge: keep one candidate per (edge, fraction). */
function dedupeByEdge(cs: SnapCandidate[]): SnapCandidate[] {
  const out: SnapCandidate[] = [];
  for (const c of cs) if (!out.some((o) => o.edge === c.edge && Math.abs(o.fraction - c.fraction) < 1e-9)) out.push(c);
  return out;
}

/** The nearest of a given list of segments to a point (see nearestSegmentAmong). */
export interface NearestSegmentHit {
  /** -1 when no open segment was given */
  seg: number;
  /** position along the segment, 0..1 */
  t: number;
  /** distance in the point-centred frame, metres */
  meters: number;
  /**
   * another segment is as near (within 1e-6 m) and not merely the same edge's next or previous
   * segment meeting it at the nearest point (a shape vertex): take snapToGraph for the whole tie
   */
  tie: boolean;
}

/**
 * The nearest segment among `segs[0..count)` to a point, without allocation: the arithmetic of
 * NearestSegments (a frame centred on the point). The caller must know the true nearest segment
 * is in the list (e.g. every segment within a bound it searched).
 */
export function nearestSegmentAmong(
  g: RoadGraph, index: SegmentIndex, segs: ArrayLike<number>, count: number, lng: number, lat: number,
  closed: Uint8Array | undefined, out: NearestSegmentHit,
): NearestSegmentHit {
  const ky = index.projection.metersPerDegLat, kx = ky * Math.cos((lat * Math.PI) / 180);
  const shape = g.shapeLngLat;
  let best = Infinity, second = Infinity, bestSeg = -1, bestT = 0, secondSeg = -1, secondT = 0;
  for (let j = 0; j < count; j++) {
    const seg = segs[j]!;
    if (closed && closed[index.segmentEdge[seg]!]) continue;
    const i = index.segmentShape[seg]!;
    const ax = (shape[2 * i]! - lng) * kx, ay = (shape[2 * i + 1]! - lat) * ky;
    const dx = (shape[2 * i + 2]! - lng) * kx - ax, dy = (shape[2 * i + 3]! - lat) * ky - ay;
    const len2 = dx * dx + dy * dy;
    const t = segmentParameter(-(ax * dx + ay * dy), len2);
    const d = Math.hypot(ax + t * dx, ay + t * dy);
    if (d < best) {
      second = best;
      secondSeg = bestSeg;
      secondT = bestT;
      best = d;
      bestSeg = seg;
      bestT = t;
    } else if (d < second) {
      second = d;
      secondSeg = seg;
      secondT = t;
    }
  }
  out.seg = bestSeg;
  out.t = bestT;
  out.meters = best;
  // Consecutive segments of one edge meeting at the nearest point are one place, not a tie.
  const sameVertex = secondSeg >= 0 && index.segmentEdge[secondSeg] === index.segmentEdge[bestSeg]
    && ((secondSeg === bestSeg + 1 && bestT === 1 && secondT === 0) || (secondSeg === bestSeg - 1 && bestT === 0 && secondT === 1));
  out.tie = second - best <= TIE_METERS && !sameVertex;
  return out;
}

/** The one-candidate Snap of a segment hit (no tie), or null beyond maxSnapMeters. */
export function snapOfSegment(g: RoadGraph, index: SegmentIndex, lng: number, lat: number, seg: number, t: number, maxSnapMeters: number): Snap | null {
  const c = candidateOf(g, index.segmentEdge[seg]!, index.segmentShape[seg]!, t);
  const offRoadMeters = haversineMeters(lng, lat, c.lngLat[0], c.lngLat[1]);
  return offRoadMeters > maxSnapMeters ? null : { offRoadMeters, candidates: [c] };
}
