import { unprojectLat, unprojectLng } from '../geo/local-projection';
import type { RoadNetwork } from '../routing/road-network';
import { snapToGraph, type Snap } from '../spatial/snap-to-graph';
import type { GridFrame } from './grid-frame';

const TILE = 64;
const NO_EDGE = -1;

/** Each cell centre joined to the network once: its nearest edge, fraction and off-road metres. */
interface SnapTile {
  readonly edge: Int32Array;
  readonly fraction: Float32Array;
  readonly offRoadMeters: Float32Array;
  /** cells equally near to several edges keep their whole snap */
  readonly ties: Map<number, Snap>;
}

/**
 * A cache of cell-centre snaps on the network's global lattice for one cell size, filled lazily
 * in 64×64 tiles. The nearest edge of a place does not depend on the source, so every isochrone
 * and coverage over the same area reuses it (Valhalla marks a grid in the same spirit).
 */
export class SnapRaster {
  private readonly tiles = new Map<string, SnapTile>();

  constructor(
    readonly net: RoadNetwork,
    readonly cellSizeMeters: number,
  ) {}

  /** Calls `visit(cellIndexInFrame, snap-like fields)` for every cell of the frame that has a road within reach. */
  forEachCell(
    frame: GridFrame,
    visit: (cell: number, edge: number, fraction: number, offRoadMeters: number, tie: Snap | undefined) => void,
  ): void {
    const c0 = frame.colOffset, r0 = frame.rowOffset;
    for (let ty = Math.floor(r0 / TILE); ty <= Math.floor((r0 + frame.height - 1) / TILE); ty++) {
      for (let tx = Math.floor(c0 / TILE); tx <= Math.floor((c0 + frame.width - 1) / TILE); tx++) {
        const tile = this.tile(tx, ty);
        const rowStart = Math.max(r0, ty * TILE), rowEnd = Math.min(r0 + frame.height, (ty + 1) * TILE);
        const colStart = Math.max(c0, tx * TILE), colEnd = Math.min(c0 + frame.width, (tx + 1) * TILE);
        for (let row = rowStart; row < rowEnd; row++) {
          for (let col = colStart; col < colEnd; col++) {
            const k = (row - ty * TILE) * TILE + (col - tx * TILE);
            const edge = tile.edge[k]!;
            if (edge === NO_EDGE) continue;
            visit((row - r0) * frame.width + (col - c0), edge, tile.fraction[k]!, tile.offRoadMeters[k]!, tile.ties.get(k));
          }
        }
      }
    }
  }

  private tile(tx: number, ty: number): SnapTile {
    const key = `${tx},${ty}`;
    let t = this.tiles.get(key);
    if (!t) {
      t = this.fillTile(tx, ty);
      this.tiles.set(key, t);
    }
    return t;
  }

  private fillTile(tx: number, ty: number): SnapTile {
    const n = TILE * TILE, cs = this.cellSizeMeters, { graph, index, profile } = this.net;
    const edge = new Int32Array(n).fill(NO_EDGE), fraction = new Float32Array(n), offRoadMeters = new Float32Array(n);
    const ties = new Map<number, Snap>();
    const options = { maxSnapMeters: profile.maxSnapMeters };
    for (let r = 0; r < TILE; r++) {
      const lat = unprojectLat(index.projection, ((ty * TILE + r) + 0.5) * cs);
      for (let c = 0; c < TILE; c++) {
        const lng = unprojectLng(index.projection, ((tx * TILE + c) + 0.5) * cs);
        const snap = snapToGraph(graph, index, lng, lat, options);
        if (!snap) continue;
        const k = r * TILE + c, first = snap.candidates[0]!;
        edge[k] = first.edge;
        fraction[k] = first.fraction;
        offRoadMeters[k] = snap.offRoadMeters;
        if (snap.candidates.length > 1) ties.set(k, snap);
      }
    }
    return { edge, fraction, offRoadMeters, ties };
  }
}
