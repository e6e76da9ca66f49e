/**
 * The snap raster's exact bits, pinned: a SHA-256 over every cell of a full frame (edge, fraction,
 * off-road metres, and a tie's whole snap) of a seeded synthetic county (always) and of Andorra
 * (when ../shared is there). Refactors and speed-ups of the fill (src/core/isochrone/snap-*.ts)
 * must not change one bit; the same hash must come out whatever order the tiles and blocks were
 * filled in (a lazily filled raster, after isochrones that filled only what they needed).
 * A change of these hashes is a change of answers: explain it in the commit or it is a bug.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateSyntheticRoads } from '../../bench/synthetic-roads';
import { buildRoadGraph, computeIsochrones, createRoadNetwork, parseOsmPbf, projectX, projectY, type RoadNetwork } from '../../src/core/index';
import { SnapRaster } from '../../src/core/isochrone/snap-raster';
import { SegmentCollector } from '../../src/core/isochrone/snap-candidates';
import { snapRasterFor } from '../../src/core/isochrone/snap-raster-cache';
import { frameCovering, type GridFrame } from '../../src/core/isochrone/grid-frame';
import { mulberry32 } from '../../bench/timing';
import { ANDORRA_PBF, HAS_SHARED } from '../helpers/shared-reference';

function fullFrame(net: RoadNetwork, cellSizeMeters: number): GridFrame {
  const p = net.index.projection;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < net.graph.nodeLngLat.length; i += 2) {
    const x = projectX(p, net.graph.nodeLngLat[i]!), y = projectY(p, net.graph.nodeLngLat[i + 1]!);
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const margin = net.profile.maxSnapMeters + 3 * cellSizeMeters;
  return frameCovering(p, cellSizeMeters, { minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin }, 1e8);
}

/** SHA-256 of every cell in frame order (cells left empty by the raster hash as a marker), and counts. */
export function rasterHash(raster: SnapRaster, frame: GridFrame): { hash: string; onRoad: number; beyond: number; ties: number } {
  const n = frame.width * frame.height;
  const edge = new Int32Array(n).fill(-2), fraction = new Float32Array(n), off = new Float32Array(n).fill(NaN);
  const ties: string[] = [];
  let onRoad = 0, beyond = 0;
  raster.forEachCell(frame, (cell, e, f, d, tie) => {
    edge[cell] = e; fraction[cell] = f; off[cell] = d; onRoad++;
    if (tie) ties.push(`${cell}:${JSON.stringify(tie)}`);
  }, (cell, d) => { edge[cell] = -1; off[cell] = d; beyond++; });
  ties.sort();
  const h = createHash('sha256');
  h.update(Buffer.from(edge.buffer)).update(Buffer.from(fraction.buffer)).update(Buffer.from(off.buffer)).update(ties.join('\n'));
  return { hash: h.digest('hex'), onRoad, beyond, ties: ties.length };
}

const cases: Array<[string, () => RoadNetwork, { hash: string; onRoad: number; beyond: number; ties: number }]> = [
  ['synthetic county', () => createRoadNetwork(buildRoadGraph(generateSyntheticRoads({ rows: 30, cols: 36, seed: 33, spacingMeters: 180 }).raw)),
    { hash: 'db6e5aa5cd255aad121152d65871e83c355a162c5096e90c982bd285d598ebc6', onRoad: 28309, beyond: 668, ties: 1678 }],
];
if (HAS_SHARED) cases.push(['Andorra', () => createRoadNetwork(buildRoadGraph(parseOsmPbf(readFileSync(ANDORRA_PBF)))),
  { hash: 'f6816f7c06f32607ae6642f434661ea03a396c3486c637b781ee765096ed860d', onRoad: 128246, beyond: 6749, ties: 866 }]);

describe('the snap raster keeps its exact bits (full frame at 40 m)', () => {
  test.each(cases)('%s', (_, make, expected) => {
    const net = make();
    const frame = fullFrame(net, 40);
    const full = rasterHash(new SnapRaster(net, 40), frame);
    expect(full).toEqual(expected);
    // Filled lazily in another order (isochrones of seeded places first), then read whole: the same bits.
    const lazyNet = make();
    const rand = mulberry32(17);
    const g = lazyNet.graph;
    const sources = Array.from({ length: 3 }, (_, i) => {
      const v = Math.floor(rand() * g.nodeCount);
      return { id: `s${i}`, lngLat: [g.nodeLngLat[2 * v]! + 0.001, g.nodeLngLat[2 * v + 1]! - 0.0007] as [number, number] };
    });
    computeIsochrones(lazyNet, sources, { bandsMinutes: [5] });
    expect(rasterHash(snapRasterFor(lazyNet, 40), frame)).toEqual(expected);
    // The block pass alone (no scatter pass) stores the same bits too.
    expect(rasterHash(new SnapRaster(net, 40, false), frame).hash).toBe(expected.hash);
  }, 120_000);
});

describe('SegmentCollector.searchBox is flatbush search, step for step', () => {
  const nets: Array<[string, () => RoadNetwork]> = [
    ['synthetic county', () => createRoadNetwork(buildRoadGraph(generateSyntheticRoads({ rows: 30, cols: 36, seed: 33, spacingMeters: 180 }).raw))],
    ['tiny network (one tree node)', () => createRoadNetwork(buildRoadGraph(generateSyntheticRoads({ rows: 2, cols: 3, seed: 1, spacingMeters: 100 }).raw))],
  ];
  if (HAS_SHARED) nets.push(['Andorra', () => createRoadNetwork(buildRoadGraph(parseOsmPbf(readFileSync(ANDORRA_PBF))))]);
  test.each(nets)('%s: the same segments and boxes in the same order for random boxes', (_, make) => {
    const net = make();
    const { tree } = net.index;
    const c = new SegmentCollector(net.index);
    const rand = mulberry32(23);
    let nonEmpty = 0;
    for (let q = 0; q < 1000; q++) {
      const x = tree.minX + (rand() * 1.2 - 0.1) * (tree.maxX - tree.minX), y = tree.minY + (rand() * 1.2 - 0.1) * (tree.maxY - tree.minY);
      const w = rand() ** 3 * (tree.maxX - tree.minX), h = rand() ** 3 * (tree.maxY - tree.minY);
      const want: number[] = [], wantBoxes: number[] = [];
      tree.search(x, y, x + w, y + h, (i, x0, y0, x1, y1) => { want.push(i); wantBoxes.push(x0, y0, x1, y1); return false; });
      c.searchBox(x, y, x + w, y + h);
      expect([...c.segs.subarray(0, c.collected)]).toEqual(want);
      expect([...c.boxes.subarray(0, 4 * c.collected)]).toEqual(wantBoxes);
      if (want.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(150);
  });
});
