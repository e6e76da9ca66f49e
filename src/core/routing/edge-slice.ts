import type { RoadGraph } from '../graph/road-graph';

/** The [lng, lat] point at `fraction` of an edge's length along its geometry. */
export function pointAlongEdge(g: RoadGraph, edge: number, fraction: number): [number, number] {
  const first = g.edgeShapeOffsets[edge]!, last = g.edgeShapeOffsets[edge + 1]! - 1;
  const target = fraction * g.edgeLengthMeters[edge]!;
  let i = first;
  while (i < last - 1 && g.shapeMetersAlong[i + 1]! < target) i++;
  const a = g.shapeMetersAlong[i]!, b = g.shapeMetersAlong[i + 1]!;
  const t = b > a ? Math.min(1, Math.max(0, (target - a) / (b - a))) : 0;
  return [
    g.shapeLngLat[2 * i]! + t * (g.shapeLngLat[2 * i + 2]! - g.shapeLngLat[2 * i]!),
    g.shapeLngLat[2 * i + 1]! + t * (g.shapeLngLat[2 * i + 3]! - g.shapeLngLat[2 * i + 1]!),
  ];
}

/** The part of an edge's geometry between two fractions, in travel order (from → to). */
export function edgeSlice(g: RoadGraph, edge: number, fromFraction: number, toFraction: number): [number, number][] {
  const first = g.edgeShapeOffsets[edge]!, last = g.edgeShapeOffsets[edge + 1]! - 1;
  const len = g.edgeLengthMeters[edge]!;
  const lo = Math.min(fromFraction, toFraction) * len, hi = Math.max(fromFraction, toFraction) * len;
  const inner: [number, number][] = [];
  for (let i = first; i <= last; i++) {
    const m = g.shapeMetersAlong[i]!;
    if (m > lo && m < hi) inner.push([g.shapeLngLat[2 * i]!, g.shapeLngLat[2 * i + 1]!]);
  }
  if (fromFraction > toFraction) inner.reverse();
  return [pointAlongEdge(g, edge, fromFraction), ...inner, pointAlongEdge(g, edge, toFraction)];
}
