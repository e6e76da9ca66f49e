/** Options shared by isochrones and coverage; each default documented where it is set. */
export interface TravelAreaOptions {
  /** contour thresholds in minutes; each gives the whole area within that time (not a ring) */
  readonly bandsMinutes?: readonly number[];
  /** raster cell edge in metres; the contour interpolates inside cells */
  readonly cellSizeMeters?: number;
  /** refuse rasters larger than this many cells */
  readonly maxCells?: number;
  /** edges closed by barriers (1 = closed) */
  readonly closedEdges?: Uint8Array;
  readonly signal?: AbortSignal;
}

export const DEFAULT_TRAVEL_AREA_OPTIONS = {
  bandsMinutes: [5, 10, 15] as readonly number[], // the 15-minute rescue circle and its inner rings
  cellSizeMeters: 40, // ≈ the width of a village lane; < 3 % misclassified on Andorra
  maxCells: 25_000_000, // ≈ 200 MB of Float32 + Int32 grids
};

export function resolveTravelAreaOptions(o: TravelAreaOptions) {
  const bandsMinutes = [...(o.bandsMinutes ?? DEFAULT_TRAVEL_AREA_OPTIONS.bandsMinutes)].sort((a, b) => a - b);
  return {
    bandsMinutes,
    cellSizeMeters: o.cellSizeMeters ?? DEFAULT_TRAVEL_AREA_OPTIONS.cellSizeMeters,
    maxCells: o.maxCells ?? DEFAULT_TRAVEL_AREA_OPTIONS.maxCells,
    closedEdges: o.closedEdges,
    signal: o.signal,
  };
}
