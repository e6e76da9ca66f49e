/**
 * Benchmark 3 — 15-minute isochrone of one Andorra station, contour included.
 * Ours: computeIsochrones(net, [station], { bandsMinutes: [15] }) with the default cell size
 * (snap → bounded forward Dijkstra → exact time per cell → d3-contour MultiPolygon).
 *   cold (process): the very first call in this process on a new network (JIT + snap-raster fill);
 *   cold (network): first call per station on a freshly built network, after JIT warm-up;
 *   warm: median of later calls, per station.
 * Peers: the same search's reached vertices → turf.convex and turf.concave (maxEdge 0.5 km),
 * and turf.circle of radius 15 min × the graph's mean speed.
 * Quality (issue 12, item 1): probe IoU against ../shared/reference (score.py's definitions, via
 * tests/helpers/score.ts) of our isochrones and coverage at 40 m vs the concave hulls (coverage:
 * their union) computed in the same run.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import { buildRoadGraph, computeIsochrones, createRoadNetwork, parseOsmPbf, seedsForSnap, snapPoint, type IsochroneSource, type RoadGraph, type RoadNetwork } from '../src/core/index';
import { fmtPhases, medianPhases, travelAreaPhases, type Phases } from './phases';
import { verdict, type ResultRow } from './report';
import { fmtMs, fmtRatio, log, majorGcCounter, median, sample, timeOnce, timeOnceCpu } from './timing';
import { computeCoverage } from '../src/core/index';
import { polygonUnionTester, probesOf, scoreProbes } from '../tests/helpers/score';

/** Passes of the cold measurement (each station on a fresh network), after one uncounted pass. */
const COLD_PASSES = 3;

export function meanSpeedMetersPerSecond(g: RoadGraph): number {
  let meters = 0, seconds = 0;
  for (let e = 0; e < g.edgeCount; e++) {
    const s = g.edgeForwardSeconds[e]! >= 0 ? g.edgeForwardSeconds[e]! : g.edgeBackwardSeconds[e]!;
    meters += g.edgeLengthMeters[e]!;
    seconds += s;
  }
  return meters / seconds;
}

export async function benchIsochrone(sharedDir: string): Promise<ResultRow[]> {
  const pbf = `${sharedDir}/data/osm/andorra.osm.pbf`, stationsFile = `${sharedDir}/reference/andorra/stations.geojson`;
  if (!existsSync(pbf) || !existsSync(stationsFile)) {
    log(`3. SKIPPED: ${pbf} or ${stationsFile} not found (a fresh clone has no ../shared)`);
    return [{ bench: '3', measure: '15-min isochrone, Andorra', ours: 'skipped: no ../shared', peer: '', ratio: '', goal: '< 30 ms', status: 'SKIP' }];
  }
  const bytes = readFileSync(pbf);
  const [raw, parseMs] = timeOnce(() => parseOsmPbf(bytes));
  const [net, netMs] = timeOnce(() => createRoadNetwork(buildRoadGraph(raw)));
  const g = net.graph;
  log(`3. Andorra: parse ${fmtMs(parseMs)}, graph + segment index ${fmtMs(netMs)}: ${g.nodeCount} nodes, ${g.edgeCount} edges`);
  const stations: IsochroneSource[] = (JSON.parse(readFileSync(stationsFile, 'utf8')).features as Array<{ properties: { id: string }; geometry: { coordinates: [number, number] } }>)
    .map((f) => ({ id: f.properties.id, lngLat: f.geometry.coordinates }));
  const options = { bandsMinutes: [15] };

  const [, coldProcess] = timeOnce(() => computeIsochrones(net, [stations[0]!], options));
  log(`3. cold (first call in the process, new network, ${stations[0]!.id}): ${fmtMs(coldProcess)}`);

  // Cold per station on a fresh network (snap raster empty). One pass over the stations first,
  // not counted: the call above warms the JIT only on S1's paths (its first cold fills ran at
  // 400+ ms CPU at load 9). Then COLD_PASSES passes, each station on its own fresh network.
  // The major GCs (mark-compact) that land inside counted calls are counted: such a call took
  // 80–120 ms against 31–63 ms without in session 11's traces (the pause, and code re-optimised
  // after it), though the median moved by < 1 ms when the networks were built before the first call.
  const coldNetwork: number[] = [], coldCpu: number[] = [], firstPass: number[] = [];
  const majorGcs = majorGcCounter();
  let coldMajorGcs = 0;
  for (let pass = 0; pass <= COLD_PASSES; pass++) {
    for (const s of stations) {
      const fresh = createRoadNetwork(buildRoadGraph(raw));
      const before = await majorGcs.settled();
      const [, ms, cpu] = timeOnceCpu(() => computeIsochrones(fresh, [s], options));
      if (pass === 0) { firstPass.push(cpu); continue; }
      coldMajorGcs += (await majorGcs.settled()) - before;
      coldNetwork.push(ms);
      coldCpu.push(cpu);
    }
  }
  majorGcs.stop();
  log(`3. cold, warm-up pass (not counted), CPU: ${firstPass.map(fmtMs).join(', ')}`);
  log(`3. cold (first call of each station on a fresh network, ${COLD_PASSES} passes): ${coldNetwork.map(fmtMs).join(', ')}; CPU ${coldCpu.map(fmtMs).join(', ')}; major GCs inside these calls: ${coldMajorGcs}`);
  // Each station's best cold call over the passes: on a shared machine less moved by the noise
  // than the median (a figure to compare code by, printed beside the goal's median, never instead).
  const coldBest = stations.map((_, i) => Math.min(...coldNetwork.filter((_, k) => k % stations.length === i)));
  log(`3. cold, best per station over the ${COLD_PASSES} passes: ${coldBest.map(fmtMs).join(', ')} (sum ${fmtMs(coldBest.reduce((a, b) => a + b, 0))})`);

  // Warm: every station's area already in the snap raster.
  for (const s of stations) computeIsochrones(net, [s], options);
  const warm = stations.map((s) => {
    const r = sample(() => computeIsochrones(net, [s], options), 15, 3);
    const a = computeIsochrones(net, [s], options);
    const f = a.features.features[0];
    const rings = f ? f.geometry.coordinates.reduce((n, p) => n + p.length, 0) : 0;
    log(`3. warm ${s.id}: median ${fmtMs(r.median)} (min ${fmtMs(r.min)}, max ${fmtMs(r.max)}, 15 runs), ${f?.geometry.coordinates.length ?? 0} polygons, ${rings} rings`);
    return r.median;
  });
  const phases: Phases[] = [];
  let phaseNote = '';
  for (let rep = 0; rep < 5; rep++) {
    for (const s of stations) {
      const p = await travelAreaPhases(net, [s], 15, 40);
      if (typeof p === 'string') phaseNote = p;
      else phases.push(p);
    }
  }
  if (phases.length) log(`3. where the time goes (median over stations × 5): ${fmtPhases(medianPhases(phases))}`);
  else if (phaseNote) log(`3. ${phaseNote}`);

  // Peers: reached vertices of the same search → turf hulls; and a circle.
  const speed = meanSpeedMetersPerSecond(g);
  const convexMs: number[] = [], concaveMs: number[] = [], circleMs: number[] = [], vertexCounts: number[] = [];
  const reachedPoints = (net2: RoadNetwork, s: IsochroneSource) => {
    const snap = snapPoint(net2, s.lngLat);
    if (!snap) return turf.featureCollection<GeoJSON.Point>([]);
    net2.expander.expand(seedsForSnap(g, snap, 'forward', net2.offRoadMetersPerSecond, 0), { direction: 'forward', budgetSeconds: 900 });
    return turf.featureCollection(Array.from(net2.expander.reachedNodes(), (v) => turf.point([g.nodeLngLat[2 * v]!, g.nodeLngLat[2 * v + 1]!])));
  };
  for (const s of stations) {
    reachedPoints(net, s);
    convexMs.push(sample(() => turf.convex(reachedPoints(net, s)), 5, 1).median);
    concaveMs.push(sample(() => turf.concave(reachedPoints(net, s), { maxEdge: 0.5, units: 'kilometers' }), 3, 1).median);
    circleMs.push(sample(() => turf.circle(s.lngLat as [number, number], (speed * 900) / 1000, { units: 'kilometers', steps: 64 }), 15, 3).median);
    vertexCounts.push(reachedPoints(net, s).features.length);
  }
  const oursWarm = median(warm), worstWarm = Math.max(...warm);

  // Quality: probe IoU, ours vs the concave hull, isochrone per station and coverage of all six.
  const readProbes = (name: string, group: string | null) => probesOf(JSON.parse(readFileSync(`${sharedDir}/reference/andorra/${name}`, 'utf8')), group);
  const isoProbes = readProbes('iso-probes.geojson', 'station'), covProbes = readProbes('coverage-probes.geojson', null);
  const iou = (hits: Array<{ over: number; under: number; tIn: number }>) => {
    const o = hits.reduce((a, h) => ({ over: a.over + h.over, under: a.under + h.under, tIn: a.tIn + h.tIn }), { over: 0, under: 0, tIn: 0 });
    const both = o.tIn - o.under;
    return both / (both + o.over + o.under);
  };
  const hulls = stations.map((s) => turf.concave(reachedPoints(net, s), { maxEdge: 0.5, units: 'kilometers' }));
  const oursIso = computeIsochrones(net, stations, options).features.features;
  const perStation = (inside: (s: IsochroneSource) => (p: GeoJSON.Position) => boolean) => iou(stations.map((s) => {
    const r = scoreProbes(isoProbes.filter((p) => p.group === s.id), inside(s), 900);
    return { over: r.overCount, under: r.underCount, tIn: r.truthInside };
  }));
  const isoOurs = perStation((s) => polygonUnionTester(oursIso.filter((f) => f.properties.sourceId === s.id)));
  const isoHull = perStation((s) => polygonUnionTester(hulls.filter((h, i) => h && stations[i]!.id === s.id) as GeoJSON.Feature<GeoJSON.Polygon>[]));
  const cov = computeCoverage(net, stations, { bandsMinutes: [15], catchments: false });
  const covScore = (inside: (p: GeoJSON.Position) => boolean) => scoreProbes(covProbes, inside, 900).iou ?? 0;
  const covOurs = covScore(polygonUnionTester(cov.covered.features));
  const covHull = covScore(polygonUnionTester(hulls.filter(Boolean) as GeoJSON.Feature<GeoJSON.Polygon>[]));
  log(`3. probe IoU at 40 m: isochrones ours ${isoOurs.toFixed(4)} vs concave hull ${isoHull.toFixed(4)}; coverage ours ${covOurs.toFixed(4)} vs union of hulls ${covHull.toFixed(4)}`);
  log(`3. peers (median over stations; search + hull of ${Math.min(...vertexCounts)}–${Math.max(...vertexCounts)} reached vertices): convex ${fmtMs(median(convexMs))}, concave ${fmtMs(median(concaveMs))}; circle (r = ${(speed * 0.9).toFixed(1)} km at mean ${(speed * 3.6).toFixed(1)} km/h) ${fmtMs(median(circleMs))}`);
  return [
    {
      bench: '3', measure: `15-min isochrone + contour, Andorra (${g.nodeCount} nodes / ${g.edgeCount} edges), warm, per station`,
      ours: `median ${fmtMs(oursWarm)}, worst station ${fmtMs(worstWarm)}`, peer: `concave hull ${fmtMs(median(concaveMs))}`,
      ratio: fmtRatio(median(concaveMs) / oursWarm), goal: '< 30 ms', status: verdict(worstWarm < 30),
    },
    {
      bench: '3', measure: 'same, cold: first call on a new network (fills the cached snap raster)',
      ours: `${fmtMs(median(coldNetwork))} median of ${coldNetwork.length} (${COLD_PASSES} per station, JIT warm; CPU ${fmtMs(median(coldCpu))}); ${fmtMs(coldProcess)} first call in the process`,
      peer: `concave hull ${fmtMs(median(concaveMs))}`, ratio: fmtRatio(median(concaveMs) / median(coldNetwork)), goal: '< 50 ms', status: verdict(median(coldNetwork) < 50),
    },
    {
      bench: '3', measure: `same, cold: each station's best of its ${COLD_PASSES} cold calls (less moved by a shared machine's noise; the goal is judged on the median above)`,
      ours: `median ${fmtMs(median(coldBest))} (${coldBest.map(fmtMs).join(', ')})`, peer: '', ratio: '', goal: '', status: 'info',
    },
    {
      bench: '3', measure: 'probe IoU vs the reference at 40 m cells (score.py definitions): isochrones of the 6 stations / coverage of all 6',
      ours: `${isoOurs.toFixed(4)} / ${covOurs.toFixed(4)}`, peer: `concave hull ${isoHull.toFixed(4)} / union of hulls ${covHull.toFixed(4)}`,
      ratio: fmtRatio(isoOurs / isoHull), goal: '≥ 0.99 / ≥ 0.99', status: verdict(isoOurs >= 0.99 && covOurs >= 0.99),
    },
    {
      bench: '3', measure: 'other naive peers, timing only (median over stations)', ours: '',
      peer: `search + turf.convex ${fmtMs(median(convexMs))}; turf.circle ${fmtMs(median(circleMs))}`, ratio: '', goal: '', status: 'info',
    },
  ];
}
