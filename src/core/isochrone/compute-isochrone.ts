import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { throwIfAborted } from '../errors';
import { snapPoint, type RoadNetwork } from '../routing/road-network';
import { seedsForSnap } from '../routing/snap-seeds';
import { edgeSourcesOf } from '../routing/time-at-snap';
import { cliffRefiner } from './cliff-crossings';
import { contourGrid, type ContourOptions, type CrossingRefiner } from './contour-grid';
import { resolveTravelAreaOptions, type TravelAreaOptions } from './isochrone-options';
import { frameAroundReached } from './reached-frame';
import { snapRasterFor } from './snap-raster-cache';
import { rasterizeTravelTimes, type TravelTimeGrid } from './travel-time-grid';

export interface IsochroneSource {
  readonly id: string;
  readonly lngLat: readonly [number, number];
}

export interface IsochroneProperties {
  sourceId: string;
  minutes: number;
}

export interface IsochroneAnswer {
  /** one MultiPolygon per source and band, bands ascending */
  readonly features: FeatureCollection<MultiPolygon, IsochroneProperties>;
  /** sources farther than maxSnapMeters from every open road: no polygon, never a guess */
  readonly unreachableSourceIds: string[];
}

/**
 * The places each source reaches within each band (resource → place, road-network.md): snap the
 * source → bounded Dijkstra → mark a cell grid with the exact time of each cell centre → contour
 * with holes. Each source is searched on its own; see computeCoverage for the union of many.
 */
export function computeIsochrones(net: RoadNetwork, sources: readonly IsochroneSource[], options: TravelAreaOptions = {}): IsochroneAnswer {
  const o = resolveTravelAreaOptions(options);
  const features: Array<Feature<MultiPolygon, IsochroneProperties>> = [];
  const unreachableSourceIds: string[] = [];
  for (const source of sources) {
    throwIfAborted(o.signal);
    const grid = travelTimeGridOf(net, [source], o);
    if (!grid) {
      unreachableSourceIds.push(source.id);
      continue;
    }
    for (const minutes of o.bandsMinutes) {
      const geometry = contourGrid(grid.frame, grid.seconds, minutes * 60, contourOptionsFor(net, grid, o.cellSizeMeters), undefined, cliffRefinerOf(net, grid, minutes * 60));
      features.push({ type: 'Feature', properties: { sourceId: source.id, minutes }, geometry });
    }
  }
  return { features: { type: 'FeatureCollection', features }, unreachableSourceIds };
}

/** Contour options for a grid of this network: one cell off-road as padding, and the grid's off-road distances. */
export function contourOptionsFor(net: RoadNetwork, grid: TravelTimeGrid, cellSizeMeters: number): ContourOptions {
  const metersPerSecond = net.offRoadMetersPerSecond;
  return {
    unreachedPaddingSeconds: cellSizeMeters / metersPerSecond,
    ...(grid.offRoadMeters ? { offRoad: { meters: grid.offRoadMeters, maxSnapMeters: grid.maxSnapMeters ?? net.profile.maxSnapMeters, metersPerSecond } } : {}),
  };
}

/** The exact crossing at time cliffs, for a grid made by the expander's current search. */
export function cliffRefinerOf(net: RoadNetwork, grid: TravelTimeGrid, thresholdSeconds: number): CrossingRefiner | undefined {
  return cliffRefiner(net, grid, thresholdSeconds, grid.sourcesOnEdge ?? new Map(), grid.closedEdges);
}

/**
 * One forward search from all the given sources at once (multi-source Dijkstra, labels = index in
 * `sources`), rasterized over everything it reached within the largest band. Null when no source
 * is within reach of a road.
 */
export function travelTimeGridOf(
  net: RoadNetwork,
  sources: readonly IsochroneSource[],
  o: ReturnType<typeof resolveTravelAreaOptions>,
  /** receives the ids of sources farther than maxSnapMeters from every open road */
  unsnappedSourceIds?: string[],
): TravelTimeGrid | null {
  const budgetSeconds = Math.max(...o.bandsMinutes) * 60;
  const snapped = sources.flatMap((s, label) => {
    const snap = snapPoint(net, s.lngLat, o.closedEdges);
    if (!snap) unsnappedSourceIds?.push(s.id);
    return snap ? [{ snap, label, lngLat: s.lngLat }] : [];
  });
  if (snapped.length === 0) return null;
  const seeds = snapped.flatMap(({ snap, label }) => seedsForSnap(net.graph, snap, 'forward', net.offRoadMetersPerSecond, label));
  net.expander.expand(seeds, { direction: 'forward', budgetSeconds, closedEdges: o.closedEdges, signal: o.signal });
  throwIfAborted(o.signal);
  const frame = frameAroundReached(net, o.cellSizeMeters, o.maxCells, snapped.map((s) => s.lngLat));
  if (!frame) return null;
  const raster = snapRasterFor(net, o.cellSizeMeters);
  return rasterizeTravelTimes(net, raster, frame, edgeSourcesOf(snapped, net.offRoadMetersPerSecond), o.closedEdges, budgetSeconds);
}
