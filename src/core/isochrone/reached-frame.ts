import { projectX, projectY } from '../geo/local-projection';
import type { RoadNetwork } from '../routing/road-network';
import { frameCovering, type GridFrame } from './grid-frame';

/**
 * The lattice frame around everything the last search reached: the shapes of every edge leaving
 * a reached node (a partly travelled edge may bend beyond its ends), extra points (the sources),
 * plus the off-road reach (maxSnapMeters) and two cells.
 */
export function frameAroundReached(
  net: RoadNetwork,
  cellSizeMeters: number,
  maxCells: number,
  extraLngLats: ReadonlyArray<readonly [number, number]>,
): GridFrame | null {
  const { graph: g, expander, index } = net;
  const p = index.projection;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const add = (lng: number, lat: number) => {
    const x = projectX(p, lng), y = projectY(p, lat);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  };
  const { offsets, edges } = g.forward;
  // Node-id order, not the search's: edges and shapes of neighbouring ids sit together in memory
  // (measured ~20x faster than walking reachedNodes() on a 1M-edge graph).
  const seconds = expander.seconds;
  for (let v = 0; v < g.nodeCount; v++) {
    if (seconds[v] === Infinity) continue;
    add(g.nodeLngLat[2 * v]!, g.nodeLngLat[2 * v + 1]!);
    for (let a = offsets[v]!; a < offsets[v + 1]!; a++) {
      const e = edges[a]!;
      for (let i = g.edgeShapeOffsets[e]!; i < g.edgeShapeOffsets[e + 1]!; i++) add(g.shapeLngLat[2 * i]!, g.shapeLngLat[2 * i + 1]!);
    }
  }
  for (const [lng, lat] of extraLngLats) add(lng, lat);
  if (minX === Infinity) return null;
  const margin = net.profile.maxSnapMeters + 2 * cellSizeMeters;
  return frameCovering(p, cellSizeMeters, { minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin }, maxCells);
}
