/**
 * Benchmark 4 — coverage of 1,000 stations (15 min) on the ≥ 1,000,000-edge synthetic graph.
 * Ours (the goal): ONE multi-source forward search, TravelTimeExpander.expand with 1,000 seeds
 * (a station = a random graph node, seconds 0), budget 900 s; median of several runs.
 * Also timed: the full computeCoverage (snap stations, search, best-time raster, contour of the
 * union; catchments off, then on), cold (snap raster filled on first use) and warm.
 * Peers: (a) turf.union of 1,000 turf.circle polygons of radius 15 min × the graph's mean speed
 * (circle creation included); (b) 1,000 separate single-source searches with the same expander
 * (the per-station loop a naive client would run), whose per-node minimum is checked against (a).
 */
import * as turf from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { computeCoverage, createRoadNetwork, DEFAULT_TRAVEL_AREA_OPTIONS, TravelTimeExpander, type RoadGraph } from '../src/core/index';
import { meanSpeedMetersPerSecond } from './bench-isochrone';
import { fmtPhases, medianPhases, travelAreaPhases, type Phases } from './phases';
import { verdict, type ResultRow } from './report';
import { collectGarbage, fmtInt, fmtMs, fmtRatio, log, mulberry32, nowMs, sample, timeOnce, timeOnceCpu } from './timing';

export async function benchCoverage(g: RoadGraph, stationCount = 1000): Promise<ResultRow[]> {
  const rand = mulberry32(4004);
  const chosen = new Set<number>();
  while (chosen.size < stationCount) chosen.add(Math.floor(rand() * g.nodeCount));
  const stationNodes = [...chosen];
  const seeds = stationNodes.map((node, label) => ({ node, seconds: 0, label }));
  const budgetSeconds = 900;
  const ex = new TravelTimeExpander(g);

  const multi = sample(() => ex.expand(seeds, { direction: 'forward', budgetSeconds }), 9, 2, (ms, i) => log(`4. ours: multi-source expand run ${i + 1}/9: ${fmtMs(ms)}`));
  const best = Float64Array.from(ex.seconds);
  const coveredNodes = ex.reachedNodes().length;
  log(`4. ours: one search from ${fmtInt(stationCount)} stations: median ${fmtMs(multi.median)}; ${fmtInt(coveredNodes)} of ${fmtInt(g.nodeCount)} nodes within 15 min`);

  // Peer (b): one search per station.
  for (let i = 0; i < 20; i++) ex.expand([seeds[i]!], { direction: 'forward', budgetSeconds });
  const minOfSeparate = new Float64Array(g.nodeCount).fill(Infinity);
  let separateMs = 0, reachedSum = 0;
  for (let i = 0; i < stationCount; i++) {
    const t0 = nowMs();
    ex.expand([{ ...seeds[i]!, label: 0 }], { direction: 'forward', budgetSeconds });
    separateMs += nowMs() - t0;
    const reached = ex.reachedNodes();
    reachedSum += reached.length;
    for (const v of reached) if (ex.seconds[v]! < minOfSeparate[v]!) minOfSeparate[v] = ex.seconds[v]!;
    if ((i + 1) % 250 === 0) log(`4. peer (b): ${i + 1}/${stationCount} separate searches, ${fmtMs(separateMs)} so far`);
  }
  let maxDiff = 0, mismatch = 0;
  for (let v = 0; v < g.nodeCount; v++) {
    const a = best[v]!, b = minOfSeparate[v]!;
    if ((a === Infinity) !== (b === Infinity)) mismatch++;
    else if (a !== Infinity) maxDiff = Math.max(maxDiff, Math.abs(a - b));
  }
  log(`4. peer (b): ${fmtInt(stationCount)} separate searches ${fmtMs(separateMs)} (mean ${fmtInt(Math.round(reachedSum / stationCount))} nodes each); multi-source = min of separate: max |Δ| ${maxDiff.toExponential(2)} s, mismatches ${mismatch}`);

  // Peer (a): union of circles.
  const speed = meanSpeedMetersPerSecond(g);
  const radiusKm = (speed * budgetSeconds) / 1000;
  log(`4. peer (a): turf.union of ${fmtInt(stationCount)} turf.circle (r = ${radiusKm.toFixed(2)} km = 15 min × mean ${(speed * 3.6).toFixed(1)} km/h, 64 steps) ...`);
  collectGarbage();
  const [union, unionMs] = timeOnce(() => {
    const circles = stationNodes.map((v) => turf.circle([g.nodeLngLat[2 * v]!, g.nodeLngLat[2 * v + 1]!], radiusKm, { units: 'kilometers', steps: 64 }));
    return turf.union(turf.featureCollection<Polygon>(circles as Feature<Polygon>[]));
  });
  log(`4. peer (a): circles + turf.union ${fmtMs(unionMs)} → ${union?.geometry.type}`);

  // Full computeCoverage at the product's default cell size, if the grid fits maxCells.
  const [net, indexMs] = timeOnce(() => createRoadNetwork(g));
  const sources = stationNodes.map((v, i) => ({ id: `S${i + 1}`, lngLat: [g.nodeLngLat[2 * v]!, g.nodeLngLat[2 * v + 1]!] as [number, number] }));
  const cell = cellSizeFitting(g, DEFAULT_TRAVEL_AREA_OPTIONS.cellSizeMeters, DEFAULT_TRAVEL_AREA_OPTIONS.maxCells, net.profile.maxSnapMeters);
  const covOpts = { bandsMinutes: [15], cellSizeMeters: cell, catchments: false };
  collectGarbage();
  const [cov, coldMs, coldCpuMs] = timeOnceCpu(() => computeCoverage(net, sources, covOpts));
  const frame = cov.grid!.frame;
  log(`4. computeCoverage cold (${cell} m cells, ${frame.width}×${frame.height} = ${fmtInt(frame.width * frame.height)} cells, fills the snap raster): ${fmtMs(coldMs)} (CPU ${fmtMs(coldCpuMs)})`);
  const warm = sample(() => computeCoverage(net, sources, covOpts), 3, 0, (ms, i) => log(`4. computeCoverage warm run ${i + 1}/3: ${fmtMs(ms)}`));
  const [withCatchments, catchMs] = timeOnce(() => computeCoverage(net, sources, { ...covOpts, catchments: true }));
  log(`4. computeCoverage warm with catchments: ${fmtMs(catchMs)} (${withCatchments.catchments.features.length} catchment polygons)`);
  const phases: Phases[] = [];
  let phaseNote = '';
  for (let i = 0; i < 3; i++) {
    const p = await travelAreaPhases(net, sources, 15, cell);
    if (typeof p === 'string') phaseNote = p;
    else phases.push(p);
  }
  if (phases.length) log(`4. where computeCoverage's time goes (warm, median of 3): ${fmtPhases(medianPhases(phases))}`);
  else if (phaseNote) log(`4. ${phaseNote}`);

  const rUnion = unionMs / multi.median, rSeparate = separateMs / multi.median;
  const correct = mismatch === 0 && maxDiff < 1e-6;
  return [
    {
      bench: '4', measure: `coverage search: 1 multi-source expand, ${fmtInt(stationCount)} stations, 15 min, ${fmtInt(g.edgeCount)} edges`,
      ours: `${fmtMs(multi.median)} (median of 9)`, peer: `${fmtMs(unionMs)} (turf.union of circles)`, ratio: fmtRatio(rUnion),
      goal: '≥ 30× and < 800 ms', status: verdict(rUnion >= 30 && multi.median < 800),
    },
    {
      bench: '4', measure: 'same search vs 1,000 separate single-source searches', ours: fmtMs(multi.median),
      peer: `${fmtMs(separateMs)} (sum of 1,000 expands)`, ratio: fmtRatio(rSeparate), goal: '≥ 20×', status: verdict(rSeparate >= 20 && correct),
    },
    {
      bench: '4', measure: `full computeCoverage (raster + union contour), ${cell} m cells, ${fmtInt(frame.width * frame.height)} cells`,
      ours: `warm ${fmtMs(warm.median)} (CPU ${fmtMs(warm.cpuMedian)}); cold ${fmtMs(coldMs)} (CPU ${fmtMs(coldCpuMs)}); +catchments ${fmtMs(catchMs)}`, peer: `${fmtMs(unionMs)} (turf.union)`,
      ratio: `${fmtRatio(unionMs / warm.median)} (warm), ${fmtRatio(unionMs / coldMs)} (cold)`, goal: '< 3 s cold, < 0.6 s warm', status: verdict(coldMs < 3000 && warm.median < 600),
    },
    {
      bench: '4', measure: 'segment index for snapping (createRoadNetwork)', ours: fmtMs(indexMs), peer: '', ratio: '', goal: '', status: 'info',
    },
  ];
}

/** The default cell size, enlarged if the whole graph's frame would exceed maxCells. */
function cellSizeFitting(g: RoadGraph, preferred: number, maxCells: number, marginMeters: number): number {
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (let i = 0; i < g.nodeLngLat.length; i += 2) {
    minLng = Math.min(minLng, g.nodeLngLat[i]!); maxLng = Math.max(maxLng, g.nodeLngLat[i]!);
    minLat = Math.min(minLat, g.nodeLngLat[i + 1]!); maxLat = Math.max(maxLat, g.nodeLngLat[i + 1]!);
  }
  const mPerDegLat = 111_195, mPerDegLng = mPerDegLat * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const w = (maxLng - minLng) * mPerDegLng + 2 * marginMeters, h = (maxLat - minLat) * mPerDegLat + 2 * marginMeters;
  let cell = preferred;
  while ((w / cell + 4) * (h / cell + 4) > maxCells) cell *= 1.25;
  return Math.round(cell);
}
