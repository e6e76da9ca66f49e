import { CoreError } from '../errors';
import { unprojectLat, unprojectLng, type LocalProjection } from '../geo/local-projection';

/**
 * A raster window on the network's global cell lattice: cell (col, row) covers local metres
 * [x0 + col·cs, x0 + (col+1)·cs] × [y0 + row·cs, …] with row 0 the southernmost; a value belongs
 * to the cell's centre. `colOffset/rowOffset` are the window's position in the global lattice.
 */
export interface GridFrame {
  readonly projection: LocalProjection;
  readonly cellSizeMeters: number;
  readonly colOffset: number;
  readonly rowOffset: number;
  readonly width: number;
  readonly height: number;
}

/** The smallest lattice-aligned frame covering a box of local metres. @throws CoreError('grid-too-large') */
export function frameCovering(
  projection: LocalProjection,
  cellSizeMeters: number,
  box: { minX: number; minY: number; maxX: number; maxY: number },
  maxCells: number,
): GridFrame {
  const colOffset = Math.floor(box.minX / cellSizeMeters), rowOffset = Math.floor(box.minY / cellSizeMeters);
  const width = Math.max(1, Math.ceil(box.maxX / cellSizeMeters) - colOffset);
  const height = Math.max(1, Math.ceil(box.maxY / cellSizeMeters) - rowOffset);
  if (width * height > maxCells) {
    throw new CoreError('grid-too-large', `a ${width}×${height} grid at ${cellSizeMeters} m exceeds maxCells ${maxCells}; use a larger cellSizeMeters`);
  }
  return { projection, cellSizeMeters, colOffset, rowOffset, width, height };
}

/** [lng, lat] of a point given in the frame's cell units (0..width, 0..height). */
export function frameToLngLat(f: GridFrame, col: number, row: number): [number, number] {
  const x = (f.colOffset + col) * f.cellSizeMeters, y = (f.rowOffset + row) * f.cellSizeMeters;
  return [unprojectLng(f.projection, x), unprojectLat(f.projection, y)];
}
