import { unprojectLat, unprojectLng } from '../geo/local-projection';
import type { RoadNetwork } from '../routing/road-network';
import { timeToPlace, type EdgeSource, type TimedLabel } from '../routing/time-at-snap';
import { snapToGraph, type Snap } from '../spatial/snap-to-graph';
import type { GridFrame } from './grid-frame';
import { BLOCK_CELLS, TILE_CELLS, tileTie, type SnapRaster } from './snap-raster';
import { NO_EDGE } from './snap-tile';
import { gapOf } from '../geo/interval-gap';

/** Best travel time (seconds, Infinity = unreached) and the source that achieves it, per cell. */
export interface TravelTimeGrid {
  readonly frame: GridFrame;
  readonly seconds: Float32Array;
  /** index of the fastest source per cell, -1 where unreached */
  readonly label: Int32Array;
  /**
   * metres from the cell centre to its nearest open road, up to one cell beyond maxSnapMeters
   * (Infinity farther): lets the contour put the off-road limit where it falls between two cells
   */
  readonly offRoadMeters?: Float32Array;
  /** each cell's nearest open edge (the first of a tie), -1 where none is within maxSnapMeters */
  readonly edge?: Int32Array;
  /** the maxSnapMeters `offRoadMeters` is measured against */
  readonly maxSnapMeters?: number;
  /** what the times were computed with, to evaluate more places the same way (see cliffRefiner) */
  readonly sourcesOnEdge?: ReadonlyMap<number, readonly EdgeSource[]>;
  readonly closedEdges?: Uint8Array;
}

/**
 * Marks every cell of the frame with the spec's time of its centre from the last forward search:
 * off-road leg + the best allowed end of the cell's nearest edge + the pro-rata part of that edge
 * (or straight from a source on the same edge). Cells whose nearest edge is closed by a barrier
 * join the nearest open road instead.
 *
 * Only raster blocks (4×4 cells) within maxSnapMeters + two cells of a segment of an edge the
 * search can leave a reached node by (or a source's own edge) are visited: elsewhere no cell can
 * have a time, and no cell there shares a contour square with one that has, so the contour is the
 * same. Their snap raster is not filled (a first isochrone on a new network fills only what it
 * needs); their cells hold Infinity.
 */
export function rasterizeTravelTimes(
  net: RoadNetwork,
  raster: SnapRaster,
  frame: GridFrame,
  sourcesOnEdge: ReadonlyMap<number, readonly EdgeSource[]>,
  closedEdges?: Uint8Array,
  /**
   * the largest band the grid will be contoured at (the search's budget): cells that surely take
   * longer than this plus one cell off-road are left unfilled (Infinity), see tilesNearReachedEdges
   */
  budgetSeconds?: number,
): TravelTimeGrid {
  const { graph: g, expander, offRoadMetersPerSecond: speed } = net;
  const nodeSeconds = expander.seconds, nodeLabel = expander.label;
  const seconds = new Float32Array(frame.width * frame.height).fill(Infinity);
  const label = new Int32Array(frame.width * frame.height).fill(-1);
  const offRoad = new Float32Array(frame.width * frame.height).fill(Infinity);
  const cellEdge = new Int32Array(frame.width * frame.height).fill(-1);
  const maxSnap = net.profile.maxSnapMeters, beyondSnap = maxSnap * (1 + 1e-6);
  const scratch: TimedLabel = { seconds: Infinity, label: -1 };
  const fromSnap = (cell: number, snap: Snap | null) => {
    if (!snap) return;
    offRoad[cell] = snap.offRoadMeters > maxSnap ? Math.max(snap.offRoadMeters, beyondSnap) : snap.offRoadMeters;
    if (snap.offRoadMeters > maxSnap) return;
    cellEdge[cell] = snap.candidates[0]!.edge;
    timeToPlace(g, nodeSeconds, nodeLabel, snap, speed, sourcesOnEdge, scratch);
    seconds[cell] = scratch.seconds;
    label[cell] = scratch.label;
  };
  const need = tilesNearReachedEdges(net, frame, sourcesOnEdge, budgetSeconds);
  // Edges with a source on them and closed edges as one flag per edge (read per cell: millions of
  // times on a county, where a Map lookup per cell cost more than the rest of the cell's work).
  const special = new Uint8Array(g.edgeCount);
  for (const e of sourcesOnEdge.keys()) special[e] = SOURCE_ON_EDGE;
  if (closedEdges) for (let e = 0; e < g.edgeCount; e++) if (closedEdges[e] === 1) special[e] = special[e]! | CLOSED;
  raster.forEachTileCell(frame, (cell, tile, k) => {
    const edge = tile.edge[k]!;
    if (edge === NO_EDGE) {
      // Kept strictly beyond maxSnapMeters after Float32 rounding (500.00001 m would read as 500).
      const d = tile.offRoadMeters[k]!;
      if (d < Infinity) offRoad[cell] = Math.max(d, beyondSnap);
      return;
    }
    const offRoadMeters = tile.offRoadMeters[k]!, fraction = tile.fraction[k]!;
    const tie = tileTie(tile, k);
    const flags = special[edge]!;
    if (flags === 0 && tie === undefined) {
      // timeToPlace's rule, inlined for the one-candidate case: this runs once per cell (millions on a
      // county) and must not allocate a Snap; ties and same-edge sources take timeToPlace below.
      offRoad[cell] = offRoadMeters;
      cellEdge[cell] = edge;
      let best = Infinity, bestLabel = -1;
      const fwd = g.edgeForwardSeconds[edge]!, bwd = g.edgeBackwardSeconds[edge]!;
      if (fwd >= 0) {
        const a = g.edgeFrom[edge]!, t = nodeSeconds[a]! + fraction * fwd;
        if (t < best) { best = t; bestLabel = nodeLabel[a]!; }
      }
      if (bwd >= 0) {
        const b = g.edgeTo[edge]!, t = nodeSeconds[b]! + (1 - fraction) * bwd;
        if (t < best) { best = t; bestLabel = nodeLabel[b]!; }
      }
      if (best < Infinity) {
        seconds[cell] = best + offRoadMeters / speed;
        label[cell] = bestLabel;
      }
      return;
    }
    if ((flags & CLOSED) !== 0) {
      const col = cell % frame.width, row = (cell - col) / frame.width;
      const lng = unprojectLng(frame.projection, (frame.colOffset + col + 0.5) * frame.cellSizeMeters);
      const lat = unprojectLat(frame.projection, (frame.rowOffset + row + 0.5) * frame.cellSizeMeters);
      fromSnap(cell, snapToGraph(g, net.index, lng, lat, { maxSnapMeters: raster.reachMeters, closedEdges }));
      return;
    }
    fromSnap(cell, tie ?? { offRoadMeters, candidates: [{ edge, fraction, lngLat: [0, 0] }] });
  }, need?.needTile, need?.needBlock);
  return { frame, seconds, label, offRoadMeters: offRoad, edge: cellEdge, maxSnapMeters: maxSnap, sourcesOnEdge, closedEdges };
}

const SOURCE_ON_EDGE = 1, CLOSED = 2;

/**
 * Which 4×4-cell blocks of the frame's raster lie within maxSnapMeters + two cells of a segment
 * of an edge the last forward search can use (and which tiles hold such a block); undefined (all
 * of them) when the search reached so much that all surely are (a county's coverage: marking
 * would cost more than it saves). Elsewhere no cell can have a time, and none shares a contour
 * square with one that has, so the contour is the same; those cells stay unfilled (Infinity).
 *
 * With `budgetSeconds`, an edge whose earliest end is reached at t marks only within
 * (budget − t) × off-road speed + one cell of it (when that is less); a long edge's segment
 * (marked on its own) uses t plus the pro-rata time from that end to the segment, the earliest
 * any place on the segment is reached. A cell's time is at least
 * min over usable edges (or segments) s of (t(s) + its distance to s / off-road speed), a bound that changes by
 * at most one cell's off-road time (the contour's padding) between neighbouring cells. So a cell
 * left out takes longer than budget + padding, and so is not inside any band and has no neighbour
 * inside one: its contour margin is negative whether filled or not, it is never a corner of a
 * crossing (those lie between an inside cell and its four neighbours, all filled), and the
 * polygons of every band up to the budget, catchments included, are those of the full fill
 * (tests/core/time-bounded-fill.test.ts).
 */
function tilesNearReachedEdges(net: RoadNetwork, frame: GridFrame, sourcesOnEdge: ReadonlyMap<number, readonly EdgeSource[]>, budgetSeconds: number | undefined): { needTile: (tx: number, ty: number) => boolean; needBlock: (bx: number, by: number) => boolean } | undefined {
  const { graph: g, expander, index } = net;
  const cs = frame.cellSizeMeters, blockMeters = BLOCK_CELLS * cs, blocksPerTile = TILE_CELLS / BLOCK_CELLS;
  const tx0 = Math.floor(frame.colOffset / TILE_CELLS), ty0 = Math.floor(frame.rowOffset / TILE_CELLS);
  const tw = Math.floor((frame.colOffset + frame.width - 1) / TILE_CELLS) - tx0 + 1;
  const th = Math.floor((frame.rowOffset + frame.height - 1) / TILE_CELLS) - ty0 + 1;
  if (expander.reachedNodes().length > 200 * tw * th) return undefined;
  const bx0 = tx0 * blocksPerTile, by0 = ty0 * blocksPerTile, bw = tw * blocksPerTile, bh = th * blocksPerTile;
  const needBlocks = new Uint8Array(bw * bh), needTiles = new Uint8Array(tw * th);
  const margin = net.profile.maxSnapMeters + 2 * cs;
  const xy = index.shapeXY;
  // The blocks with a point within `margin` of the box: per block row, the box's x-range widened
  // by the half-chord sqrt(margin² − dy²) at the row's nearest dy (not by the whole margin).
  const markBox = (minX: number, minY: number, maxX: number, maxY: number, margin: number) => {
    const c = Math.max(0, Math.floor((minY - margin) / blockMeters) - by0), d = Math.min(bh - 1, Math.floor((maxY + margin) / blockMeters) - by0);
    for (let y = c; y <= d; y++) {
      const y0 = (y + by0) * blockMeters, dy = gapOf(minY, maxY, y0, y0 + blockMeters);
      if (dy > margin) continue;
      const half = Math.sqrt(margin * margin - dy * dy) + 1e-6 * margin;
      const a = Math.max(0, Math.floor((minX - half) / blockMeters) - bx0), b = Math.min(bw - 1, Math.floor((maxX + half) / blockMeters) - bx0);
      if (a <= b) needBlocks.fill(1, y * bw + a, y * bw + b + 1);
    }
  };
  // Per segment for long edges (a winding road's box is much larger than its band), per edge else.
  // With the budget, a long edge's segment marks within the reach its own earliest time leaves:
  // a place on it is reached at least at the edge's earliest time plus the pro-rata time from
  // that end to the segment (fractions from shapeMetersAlong, widened by 1e-6), never earlier.
  const nodeSeconds = expander.seconds, speed = net.offRoadMetersPerSecond, along = g.shapeMetersAlong;
  const markEdge = (e: number, margin: number, timed: boolean) => {
    const i0 = g.edgeShapeOffsets[e]!, i1 = g.edgeShapeOffsets[e + 1]!;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = i0; i < i1; i++) {
      const x = xy[2 * i]!, y = xy[2 * i + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (maxX - minX <= 2 * blockMeters && maxY - minY <= 2 * blockMeters) { markBox(minX, minY, maxX, maxY, margin); return; }
    const length = g.edgeLengthMeters[e]!, fwd = g.edgeForwardSeconds[e]!, bwd = g.edgeBackwardSeconds[e]!;
    const tFrom = fwd >= 0 ? nodeSeconds[g.edgeFrom[e]!]! : Infinity, tTo = bwd >= 0 ? nodeSeconds[g.edgeTo[e]!]! : Infinity;
    for (let i = i0; i < i1 - 1; i++) {
      let m = margin;
      if (timed && length > 0) {
        const f0 = Math.max(0, along[i]! / length - 1e-6), f1 = Math.min(1, along[i + 1]! / length + 1e-6);
        const t = Math.min(tFrom + f0 * Math.max(0, fwd), tTo + (1 - f1) * Math.max(0, bwd));
        m = Math.min(margin, (budgetSeconds! - t) * speed + cs + 1);
        if (!(m >= 0)) continue;
      }
      const xa = xy[2 * i]!, ya = xy[2 * i + 1]!, xb = xy[2 * i + 2]!, yb = xy[2 * i + 3]!;
      markBox(Math.min(xa, xb), Math.min(ya, yb), Math.max(xa, xb), Math.max(ya, yb), m);
    }
  };
  // Each edge once (two reached ends reach it twice), then the tiles holding a marked block.
  const { offsets, edges } = g.forward;
  const marked = new Uint8Array(g.edgeCount);
  for (const e of sourcesOnEdge.keys()) { marked[e] = 1; markEdge(e, margin, false); }
  for (const v of expander.reachedNodes()) {
    for (let arc = offsets[v]!; arc < offsets[v + 1]!; arc++) {
      const e = edges[arc]!;
      if (marked[e] === 1) continue;
      marked[e] = 1;
      if (budgetSeconds === undefined) { markEdge(e, margin, false); continue; }
      // The earliest time a place on e can take from an end (either end the search may enter it by).
      let t = Infinity;
      if (g.edgeForwardSeconds[e]! >= 0) t = nodeSeconds[g.edgeFrom[e]!]!;
      if (g.edgeBackwardSeconds[e]! >= 0) t = Math.min(t, nodeSeconds[g.edgeTo[e]!]!);
      const reach = (budgetSeconds - t) * speed + cs + 1;
      if (reach >= 0) markEdge(e, Math.min(margin, reach), true);
    }
  }
  for (let y = 0; y < bh; y++) {
    const row = y * bw, ty = Math.floor(y / blocksPerTile);
    for (let x = 0; x < bw; x++) if (needBlocks[row + x] === 1) needTiles[ty * tw + Math.floor(x / blocksPerTile)] = 1;
  }
  return {
    needTile: (tx, ty) => {
      const x = tx - tx0, y = ty - ty0;
      return x >= 0 && y >= 0 && x < tw && y < th && needTiles[y * tw + x] === 1;
    },
    needBlock: (bx, by) => {
      const x = bx - bx0, y = by - by0;
      return x >= 0 && y >= 0 && x < bw && y < bh && needBlocks[y * bw + x] === 1;
    },
  };
}
