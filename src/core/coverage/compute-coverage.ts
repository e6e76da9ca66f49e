import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { throwIfAborted } from '../errors';
import type { RoadNetwork } from '../routing/road-network';
import type { IsochroneSource } from '../isochrone/compute-isochrone';
import { cliffRefinerOf, contourOptionsFor, travelTimeGridOf } from '../isochrone/compute-isochrone';
import { cellMargins, contourField, contourGrid, type ContourOptions } from '../isochrone/contour-grid';
import type { GridFrame } from '../isochrone/grid-frame';
import { resolveTravelAreaOptions, type TravelAreaOptions } from '../isochrone/isochrone-options';
import type { TravelTimeGrid } from '../isochrone/travel-time-grid';

export interface CoverageOptions extends TravelAreaOptions {
  /** also cut the area of the largest band into each source's catchment (default true) */
  readonly catchments?: boolean;
}

export interface CoverageAnswer {
  /** the union of every source's area, one MultiPolygon per band, properties {minutes} */
  readonly covered: FeatureCollection<MultiPolygon, { minutes: number }>;
  /** the largest band's area cut by which source reaches each place first, {sourceId, minutes} */
  readonly catchments: FeatureCollection<MultiPolygon, { sourceId: string; minutes: number }>;
  /** best time per cell and the fastest source's index in `sourceIds` (-1 none); null when nothing is reachable */
  readonly grid: TravelTimeGrid | null;
  readonly sourceIds: string[];
  readonly unreachableSourceIds: string[];
}

/**
 * Coverage of many sources at once (the 15-minute rescue circle of every station): one
 * multi-source Dijkstra labels each node with its fastest source, the grid marks each cell with
 * the spec's time and source, then the contour gives the union and the catchment partition.
 * Adjacent catchments share their boundary exactly (signed field, see catchmentField).
 */
export function computeCoverage(net: RoadNetwork, sources: readonly IsochroneSource[], options: CoverageOptions = {}): CoverageAnswer {
  const o = resolveTravelAreaOptions(options);
  const unreachableSourceIds: string[] = [];
  const grid = travelTimeGridOf(net, sources, o, unreachableSourceIds);
  const sourceIds = sources.map((s) => s.id);
  const covered: CoverageAnswer['covered'] = { type: 'FeatureCollection', features: [] };
  const catchments: CoverageAnswer['catchments'] = { type: 'FeatureCollection', features: [] };
  if (!grid) return { covered, catchments, grid, sourceIds, unreachableSourceIds };
  const contour = contourOptionsFor(net, grid, o.cellSizeMeters);
  for (const minutes of o.bandsMinutes) {
    throwIfAborted(o.signal);
    covered.features.push({ type: 'Feature', properties: { minutes }, geometry: contourGrid(grid.frame, grid.seconds, minutes * 60, contour, undefined, cliffRefinerOf(net, grid, minutes * 60)) });
  }
  if (options.catchments ?? true) {
    const minutes = o.bandsMinutes[o.bandsMinutes.length - 1]!;
    const margins = cellMargins(grid.seconds, minutes * 60, contour);
    for (const [label, box] of labelBoxes(grid, minutes * 60)) {
      throwIfAborted(o.signal);
      const { frame, field } = catchmentField(grid, margins, label, contour, box);
      const f: Feature<MultiPolygon, { sourceId: string; minutes: number }> = {
        type: 'Feature', properties: { sourceId: sourceIds[label]!, minutes }, geometry: contourField(frame, field),
      };
      catchments.features.push(f);
    }
  }
  return { covered, catchments, grid, sourceIds, unreachableSourceIds };
}

type Box = [minCol: number, minRow: number, maxCol: number, maxRow: number];

/** Bounding box of each source's cells within the limit. */
function labelBoxes(grid: TravelTimeGrid, limitSeconds: number): Map<number, Box> {
  const boxes = new Map<number, Box>();
  const { width } = grid.frame;
  for (let i = 0; i < grid.seconds.length; i++) {
    if (!(grid.seconds[i]! <= limitSeconds)) continue;
    const l = grid.label[i]!, col = i % width, row = (i - col) / width;
    const b = boxes.get(l);
    if (!b) boxes.set(l, [col, row, col, row]);
    else { b[0] = Math.min(b[0], col); b[1] = Math.min(b[1], row); b[2] = Math.max(b[2], col); b[3] = Math.max(b[3], row); }
  }
  return boxes;
}

/**
 * A signed field for one source's catchment over its box (plus one cell), from the covered
 * area's cell margins m (see cellMargins): own cells m, cells another source covers the mirror
 * -m, cells outside the covered area m (< 0). Two neighbouring catchments then interpolate their
 * shared edge to the same line, and their outer edge to the covered area's.
 */
function catchmentField(grid: TravelTimeGrid, margins: Float64Array, label: number, contour: ContourOptions, box: Box): { frame: GridFrame; field: Float64Array } {
  const padding = contour.unreachedPaddingSeconds;
  const [c0, r0] = [box[0] - 1, box[1] - 1];
  const width = box[2] - box[0] + 3, height = box[3] - box[1] + 3;
  const frame: GridFrame = { ...grid.frame, colOffset: grid.frame.colOffset + c0, rowOffset: grid.frame.rowOffset + r0, width, height };
  const field = new Float64Array(width * height).fill(-padding);
  for (let row = 0; row < height; row++) {
    const gr = row + r0;
    if (gr < 0 || gr >= grid.frame.height) continue;
    for (let col = 0; col < width; col++) {
      const gc = col + c0;
      if (gc < 0 || gc >= grid.frame.width) continue;
      const i = gr * grid.frame.width + gc, m = margins[i]!;
      field[row * width + col] = grid.label[i] === label || m < 0 ? m : -m;
    }
  }
  return { frame, field };
}
