/**
 * A phase-by-phase timing of one travel-area computation (what computeIsochrones/computeCoverage
 * do inside travelTimeGridOf + contourGrid), to say where the time goes. It calls core internals
 * read-only; if core has moved them, the breakdown reports itself unavailable and the benchmark
 * goes on (the headline figures always time the public functions).
 */
import type { RoadNetwork } from '../src/core/index';
import { nowMs } from './timing';

export interface Phases {
  snapMs: number;
  searchMs: number;
  frameMs: number;
  rasterMs: number;
  contourMs: number;
  cells: number;
  reachedNodes: number;
}

export async function travelAreaPhases(
  net: RoadNetwork,
  sources: ReadonlyArray<{ id: string; lngLat: readonly [number, number] }>,
  minutes: number,
  cellSizeMeters: number,
  maxCells = 25_000_000,
): Promise<Phases | string> {
  try {
    const core = await import('../src/core/index');
    const { frameAroundReached } = await import('../src/core/isochrone/reached-frame');
    const { snapRasterFor } = await import('../src/core/isochrone/snap-raster-cache');
    const { rasterizeTravelTimes } = await import('../src/core/isochrone/travel-time-grid');
    const { edgeSourcesOf } = await import('../src/core/routing/time-at-snap');
    let t = nowMs();
    const lap = () => { const n = nowMs(), d = n - t; t = n; return d; };
    const snapped = sources.flatMap((s, label) => {
      const snap = core.snapPoint(net, s.lngLat);
      return snap ? [{ snap, label, lngLat: s.lngLat }] : [];
    });
    const seeds = snapped.flatMap(({ snap, label }) => core.seedsForSnap(net.graph, snap, 'forward', net.offRoadMetersPerSecond, label));
    const snapMs = lap();
    net.expander.expand(seeds, { direction: 'forward', budgetSeconds: minutes * 60 });
    const searchMs = lap();
    const reachedNodes = net.expander.reachedNodes().length;
    const frame = frameAroundReached(net, cellSizeMeters, maxCells, snapped.map((s) => s.lngLat));
    if (!frame) return 'nothing reached';
    const frameMs = lap();
    const grid = rasterizeTravelTimes(net, snapRasterFor(net, cellSizeMeters), frame, edgeSourcesOf(snapped, net.offRoadMetersPerSecond));
    const rasterMs = lap();
    core.contourGrid(frame, grid.seconds, minutes * 60, { unreachedPaddingSeconds: cellSizeMeters / net.offRoadMetersPerSecond });
    const contourMs = lap();
    return { snapMs, searchMs, frameMs, rasterMs, contourMs, cells: frame.width * frame.height, reachedNodes };
  } catch (e) {
    return `phase breakdown unavailable (${(e as Error).message})`;
  }
}

/** Element-wise median of several phase timings. */
export function medianPhases(runs: Phases[]): Phases {
  const med = (k: keyof Phases) => {
    const s = runs.map((r) => r[k]).sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  return {
    snapMs: med('snapMs'), searchMs: med('searchMs'), frameMs: med('frameMs'), rasterMs: med('rasterMs'),
    contourMs: med('contourMs'), cells: runs[0]!.cells, reachedNodes: runs[0]!.reachedNodes,
  };
}

export function fmtPhases(p: Phases): string {
  const f = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
  return `snap ${f(p.snapMs)} · search ${f(p.searchMs)} (${p.reachedNodes.toLocaleString('en-US')} nodes) · frame ${f(p.frameMs)} · `
    + `raster ${f(p.rasterMs)} (${p.cells.toLocaleString('en-US')} cells) · contour ${f(p.contourMs)}`;
}
