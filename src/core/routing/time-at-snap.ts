import type { RoadGraph } from '../graph/road-graph';
import type { Snap } from '../spatial/snap-to-graph';
import { offRoadSeconds, secondsAlongEdge } from './snap-seeds';

/** A source pinned on an edge, for places on the same edge (reached without passing a node). */
export interface EdgeSource {
  readonly edge: number;
  readonly fraction: number;
  /** seconds already spent when standing on the edge (the source's own off-road leg) */
  readonly seconds: number;
  readonly label: number;
}

export interface TimedLabel {
  seconds: number;
  label: number;
}

/**
 * Travel time from the search's sources to a place (forward search): the place's off-road leg
 * plus the best of arriving at either allowed end of its edge and going along it pro rata, or
 * coming straight from a source on the same edge. Infinity when unreached.
 */
export function timeToPlace(
  g: RoadGraph,
  nodeSeconds: Float64Array,
  nodeLabel: Int32Array,
  place: Snap,
  offRoadMetersPerSecond: number,
  sourcesOnEdge?: ReadonlyMap<number, readonly EdgeSource[]>,
  out: TimedLabel = { seconds: Infinity, label: -1 },
): TimedLabel {
  out.seconds = Infinity;
  out.label = -1;
  for (const { edge, fraction } of place.candidates) {
    const fwd = g.edgeForwardSeconds[edge]!, bwd = g.edgeBackwardSeconds[edge]!;
    if (fwd >= 0) consider(out, nodeSeconds[g.edgeFrom[edge]!]! + fraction * fwd, nodeLabel[g.edgeFrom[edge]!]!);
    if (bwd >= 0) consider(out, nodeSeconds[g.edgeTo[edge]!]! + (1 - fraction) * bwd, nodeLabel[g.edgeTo[edge]!]!);
    for (const s of sourcesOnEdge?.get(edge) ?? []) {
      consider(out, s.seconds + secondsAlongEdge(g, edge, s.fraction, fraction), s.label);
    }
  }
  out.seconds += offRoadSeconds(place, offRoadMetersPerSecond);
  return out;
}

function consider(out: TimedLabel, seconds: number, label: number): void {
  if (seconds < out.seconds) {
    out.seconds = seconds;
    out.label = label;
  }
}

/** Groups point snaps by edge, for the same-edge shortcut. */
export function edgeSourcesOf(snaps: ReadonlyArray<{ snap: Snap; label: number }>, offRoadMetersPerSecond: number): Map<number, EdgeSource[]> {
  const byEdge = new Map<number, EdgeSource[]>();
  for (const { snap, label } of snaps) {
    const seconds = offRoadSeconds(snap, offRoadMetersPerSecond);
    for (const { edge, fraction } of snap.candidates) {
      const list = byEdge.get(edge) ?? [];
      list.push({ edge, fraction, seconds, label });
      byEdge.set(edge, list);
    }
  }
  return byEdge;
}
