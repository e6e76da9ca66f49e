/**
 * The raster fill bounded by the budget (travel-time-grid.ts, tilesNearReachedEdges) leaves out
 * cells that surely take longer than the largest band plus one cell off-road. The polygons of
 * every band — contour, cliff crossings, coverage catchments — must be exactly those of the grid
 * with every cell near a usable road filled, and cells must really be left out (else the test
 * proves nothing). Seeded sources on a synthetic county and on Andorra (when ../shared is there),
 * with and without closed edges, several bands, and the walking profile.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateSyntheticRoads } from '../../bench/synthetic-roads';
import { mulberry32 } from '../../bench/timing';
import { buildRoadGraph, createRoadNetwork, parseOsmPbf, seedsForSnap, snapPoint, type RoadNetwork } from '../../src/core/index';
import { cliffRefinerOf, contourOptionsFor } from '../../src/core/isochrone/compute-isochrone';
import { cellMargins, contourGrid } from '../../src/core/isochrone/contour-grid';
import { frameAroundReached } from '../../src/core/isochrone/reached-frame';
import { snapRasterFor } from '../../src/core/isochrone/snap-raster-cache';
import { rasterizeTravelTimes } from '../../src/core/isochrone/travel-time-grid';
import { edgeSourcesOf } from '../../src/core/routing/time-at-snap';
import { WALKING_PROFILE } from '../../src/core/graph/speed-profile';
import { ANDORRA_PBF, HAS_SHARED } from '../helpers/shared-reference';

type Case = [string, () => RoadNetwork];
const cases: Case[] = [
  ['synthetic county', () => createRoadNetwork(buildRoadGraph(generateSyntheticRoads({ rows: 30, cols: 36, seed: 41, spacingMeters: 220 }).raw))],
  ['synthetic county, walking', () => createRoadNetwork(buildRoadGraph(generateSyntheticRoads({ rows: 24, cols: 24, seed: 42, spacingMeters: 160 }).raw, WALKING_PROFILE))],
];
if (HAS_SHARED) cases.push(['Andorra', () => createRoadNetwork(buildRoadGraph(parseOsmPbf(readFileSync(ANDORRA_PBF))))]);

describe('the budget-bounded raster fill gives the same polygons as the full fill', () => {
  test.each(cases)('%s', (_, make) => {
    const net = make();
    const g = net.graph, rand = mulberry32(9);
    let leftOut = 0, compared = 0, differingMargins = 0;
    for (let run = 0; run < 8; run++) {
      const sources = Array.from({ length: 1 + (run % 3) }, () => {
        const v = Math.floor(rand() * g.nodeCount);
        return [g.nodeLngLat[2 * v]! + (rand() - 0.5) * 0.004, g.nodeLngLat[2 * v + 1]! + (rand() - 0.5) * 0.004] as [number, number];
      });
      const closedEdges = run % 2 ? Uint8Array.from({ length: g.edgeCount }, () => (rand() < 0.08 ? 1 : 0)) : undefined;
      const bandsMinutes = run % 4 < 2 ? [5, 10, 15] : [3, 8];
      const budgetSeconds = Math.max(...bandsMinutes) * 60;
      const snapped = sources.flatMap((lngLat, label) => {
        const snap = snapPoint(net, lngLat, closedEdges);
        return snap ? [{ snap, label, lngLat }] : [];
      });
      if (snapped.length === 0) continue;
      net.expander.expand(snapped.flatMap(({ snap, label }) => seedsForSnap(g, snap, 'forward', net.offRoadMetersPerSecond, label)), { direction: 'forward', budgetSeconds, closedEdges });
      const frame = frameAroundReached(net, 40, 25e6, sources)!;
      const raster = snapRasterFor(net, 40);
      const onEdge = edgeSourcesOf(snapped, net.offRoadMetersPerSecond);
      const full = rasterizeTravelTimes(net, raster, frame, onEdge, closedEdges);
      const bounded = rasterizeTravelTimes(net, raster, frame, onEdge, closedEdges, budgetSeconds);
      let wrong = 0;
      for (let i = 0; i < full.seconds.length; i++) {
        const filled = full.offRoadMeters![i]! < Infinity, kept = bounded.offRoadMeters![i]! < Infinity;
        if (filled && !kept) {
          leftOut++;
          // what was left out is outside the largest band by more than one cell off-road
          if (!(full.seconds[i]! > budgetSeconds + 40 / net.offRoadMetersPerSecond)) wrong++;
        } else if (bounded.seconds[i] !== full.seconds[i] || bounded.offRoadMeters![i] !== full.offRoadMeters![i] || bounded.edge![i] !== full.edge![i]) wrong++;
      }
      expect(wrong, `cells left out too near, or filled differently, run ${run}`).toBe(0);
      for (const minutes of bandsMinutes) {
        // every cell's contour margin (what contours and catchments are drawn from) is the same at
        // cells inside and at their four neighbours; elsewhere both are outside (< 0)
        const mb = cellMargins(bounded.seconds, minutes * 60, contourOptionsFor(net, bounded, 40)), mf = cellMargins(full.seconds, minutes * 60, contourOptionsFor(net, full, 40));
        const w = frame.width;
        const nextToInside = (i: number) => mf[i]! >= 0 || (i % w > 0 && mf[i - 1]! >= 0) || (i % w < w - 1 && mf[i + 1]! >= 0) || (i >= w && mf[i - w]! >= 0) || (i + w < mf.length && mf[i + w]! >= 0);
        let differing = 0, wrongMargins = 0;
        for (let i = 0; i < mf.length; i++) {
          if (Object.is(mb[i], mf[i])) continue;
          differing++;
          if (nextToInside(i) || !(mb[i]! < 0) || !(mf[i]! < 0)) wrongMargins++;
        }
        expect(wrongMargins, `margins differing inside or next to inside cells, run ${run}, ${minutes} min`).toBe(0);
        differingMargins += differing;
        const polygons = (grid: typeof full) => JSON.stringify(contourGrid(grid.frame, grid.seconds, minutes * 60, contourOptionsFor(net, grid, 40), undefined, cliffRefinerOf(net, grid, minutes * 60)));
        expect(polygons(bounded), `run ${run}, ${minutes} min`).toBe(polygons(full));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(8);
    expect(leftOut).toBeGreaterThan(1000);
    expect(differingMargins).toBeGreaterThan(0); // cells just beyond maxSnapMeters, far from any inside cell
  }, 120_000);
});
