import type { RoadNetwork } from '../routing/road-network';
import type { Snap } from '../spatial/snap-to-graph';
import type { GridFrame } from './grid-frame';
import { BlockPass } from './snap-block-pass';
import { SegmentCollector } from './snap-candidates';
import { ScatterPass } from './snap-scatter-pass';
import { BLOCK, BLOCKS_PER_ROW, NO_EDGE, TILE, createSnapTile, type SnapTile } from './snap-tile';

/** Tiles are TILE_CELLS × TILE_CELLS cells of the network's global lattice. */
export const TILE_CELLS = TILE;
/** Blocks are BLOCK_CELLS × BLOCK_CELLS cells of the global lattice (tiles hold 16 × 16 of them). */
export const BLOCK_CELLS = BLOCK;

/**
 * A cache of cell-centre snaps on the network's global lattice for one cell size, filled lazily
 * in 64×64 tiles. The nearest edge of a place does not depend on the source, so every isochrone
 * and coverage over the same area reuses it (Valhalla marks a grid in the same spirit).
 *
 * A new tile is filled in two passes. Near roads (most cells of a town) the scatter pass
 * (snap-scatter-pass.ts) joins each cell within two cells of a segment without any search, in the
 * blocks the tile's first caller needs (a block needed later is the block pass's). The
 * other cells (far from roads, or a tie) are filled by the block pass (snap-block-pass.ts) block
 * by block (4×4 cells), when a block is first needed. Both passes use the same arithmetic, so the
 * result does not depend on which pass filled a cell (`scatter: false` fills by blocks only, for
 * tests); tests/core/snap-raster-bits.test.ts pins the result's bits.
 */
export class SnapRaster {
  private readonly tiles = new Map<string, SnapTile>();
  private readonly scatterPass: ScatterPass;
  private readonly blockPass: BlockPass;
  /** the blocks of the tile being filled that the scatter pass covers (1) */
  private readonly scatterMask = new Uint8Array(BLOCKS_PER_ROW * BLOCKS_PER_ROW);

  constructor(
    readonly net: RoadNetwork,
    readonly cellSizeMeters: number,
    /** fill near-road cells by scattering segment distances first (default); false: blocks only */
    readonly scatter = true,
  ) {
    const collector = new SegmentCollector(net.index);
    this.scatterPass = new ScatterPass(net, cellSizeMeters, this.reachMeters, collector);
    this.blockPass = new BlockPass(net, cellSizeMeters, this.reachMeters, collector);
  }

  /** How far beyond maxSnapMeters a cell's distance to the nearest road is still recorded (one cell). */
  get reachMeters(): number {
    return this.net.profile.maxSnapMeters + this.cellSizeMeters;
  }

  /**
   * Calls `visit(cellIndexInFrame, snap-like fields)` for every cell of the frame that has a road
   * within maxSnapMeters, and `beyond(cellIndexInFrame, offRoadMeters)` for cells whose nearest
   * road is farther than that but within `reachMeters`.
   */
  forEachCell(
    frame: GridFrame,
    visit: (cell: number, edge: number, fraction: number, offRoadMeters: number, tie: Snap | undefined) => void,
    beyond?: (cell: number, offRoadMeters: number) => void,
    /** only these tiles (global tile column and row) are visited (and filled when new) */
    needTile?: (tx: number, ty: number) => boolean,
    /**
     * and within them only these 4×4 blocks (global block column and row, BLOCK_CELLS cells each):
     * a block's far-from-road cells are filled when it is first needed
     */
    needBlock?: (bx: number, by: number) => boolean,
  ): void {
    this.forEachTileCell(frame, (cell, tile, k) => {
      const edge = tile.edge[k]!;
      if (edge === NO_EDGE) {
        const d = tile.offRoadMeters[k]!;
        if (beyond && d < Infinity) beyond(cell, d);
        return;
      }
      visit(cell, edge, tile.fraction[k]!, tile.offRoadMeters[k]!, tileTie(tile, k));
    }, needTile, needBlock);
  }

  /**
   * forEachCell's walk, handing over the tile and the cell's index in it (k) instead of its
   * fields, for every cell of the needed blocks (with a road within maxSnapMeters or not): a
   * caller reading millions of cells takes the fields it needs from the tile's arrays (tile.edge,
   * fraction, offRoadMeters; tileTie), with no number passed through a call per cell.
   */
  forEachTileCell(
    frame: GridFrame,
    visit: (cell: number, tile: SnapTile, k: number) => void,
    needTile?: (tx: number, ty: number) => boolean,
    needBlock?: (bx: number, by: number) => boolean,
  ): void {
    const c0 = frame.colOffset, r0 = frame.rowOffset;
    for (let ty = Math.floor(r0 / TILE); ty <= Math.floor((r0 + frame.height - 1) / TILE); ty++) {
      for (let tx = Math.floor(c0 / TILE); tx <= Math.floor((c0 + frame.width - 1) / TILE); tx++) {
        if (needTile && !needTile(tx, ty)) continue;
        const tile = this.tile(tx, ty, needBlock);
        const rowStart = Math.max(r0, ty * TILE), rowEnd = Math.min(r0 + frame.height, (ty + 1) * TILE);
        const colStart = Math.max(c0, tx * TILE), colEnd = Math.min(c0 + frame.width, (tx + 1) * TILE);
        for (let bRow = rowStart - ((rowStart - ty * TILE) % BLOCK); bRow < rowEnd; bRow += BLOCK) {
          for (let bCol = colStart - ((colStart - tx * TILE) % BLOCK); bCol < colEnd; bCol += BLOCK) {
            if (needBlock && !needBlock(bCol / BLOCK, bRow / BLOCK)) continue;
            const bx = bCol - tx * TILE, by = bRow - ty * TILE, b = (by / BLOCK) * BLOCKS_PER_ROW + bx / BLOCK;
            if (tile.blockFilled[b] === 0) this.fillPendingBlock(tile, tx, ty, bx, by, b);
            for (let row = Math.max(bRow, rowStart); row < Math.min(bRow + BLOCK, rowEnd); row++) {
              for (let col = Math.max(bCol, colStart); col < Math.min(bCol + BLOCK, colEnd); col++) {
                visit((row - r0) * frame.width + (col - c0), tile, (row - ty * TILE) * TILE + (col - tx * TILE));
              }
            }
          }
        }
      }
    }
  }

  /** The block pass for one block of a tile whose scatter pass left cells in it. */
  private fillPendingBlock(tile: SnapTile, tx: number, ty: number, bx: number, by: number, b: number): void {
    this.blockPass.fillBlock(tile, tx * TILE + bx, ty * TILE + by, bx, by, tile.cellDone!);
    tile.blockFilled[b] = 1;
    if (--tile.pendingBlocks === 0) tile.cellDone = null;
  }

  private tile(tx: number, ty: number, needBlock?: (bx: number, by: number) => boolean): SnapTile {
    const key = `${tx},${ty}`;
    let t = this.tiles.get(key);
    if (!t) {
      t = this.fillTile(tx, ty, needBlock);
      this.tiles.set(key, t);
    }
    return t;
  }

  /**
   * A new tile: the scatter pass over the blocks the first caller needs (all of them without
   * `needBlock`), then which blocks it left cells in (the block pass fills them on demand, so a
   * block a later caller needs is filled then, by the block pass alone).
   */
  private fillTile(tx: number, ty: number, needBlock?: (bx: number, by: number) => boolean): SnapTile {
    const tile = createSnapTile(this.net, this.cellSizeMeters, tx, ty);
    const done = tile.cellDone!;
    if (this.scatter) {
      const mask = this.scatterMask;
      if (needBlock) {
        const bx0 = tx * BLOCKS_PER_ROW, by0 = ty * BLOCKS_PER_ROW;
        for (let by = 0; by < BLOCKS_PER_ROW; by++) for (let bx = 0; bx < BLOCKS_PER_ROW; bx++) mask[by * BLOCKS_PER_ROW + bx] = needBlock(bx0 + bx, by0 + by) ? 1 : 0;
      } else mask.fill(1);
      this.scatterPass.run(tile, tx, ty, done, mask);
    }
    let pending = 0;
    for (let by = 0; by < TILE; by += BLOCK) {
      for (let bx = 0; bx < TILE; bx += BLOCK) {
        let all = true;
        for (let r = 0; r < BLOCK && all; r++) for (let c = 0; c < BLOCK; c++) if (!done[(by + r) * TILE + bx + c]) { all = false; break; }
        if (all) tile.blockFilled[(by / BLOCK) * BLOCKS_PER_ROW + bx / BLOCK] = 1;
        else pending++;
      }
    }
    tile.pendingBlocks = pending;
    if (pending === 0) tile.cellDone = null;
    return tile;
  }
}

/** The whole snap of a tile's cell k when it is a tie (several edges equally near), else undefined. */
export function tileTie(tile: SnapTile, k: number): Snap | undefined {
  return tile.tieAt !== null && tile.tieAt[k] === 1 ? tile.ties.get(k) : undefined;
}
