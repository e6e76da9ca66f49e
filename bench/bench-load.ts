/**
 * Benchmark 6 — loading a province (issue 12, item 3), on the 1 M-edge synthetic network.
 * (a) buildRoadGraph (typed-array node table, preallocated arrays) vs the Map-based builder it
 *     replaced (bench/peers/map-build-road-graph.ts, verbatim); both graphs must be identical.
 *     Ours median of 3 after one warm-up; the peer once.
 * (b) The graph plus its segment index ready in the app's worker: the worker's own loadRoads
 *     handler (src/workers/compute-handlers.ts, run in this process) on the binary graph file
 *     (serializeRoadGraph) vs on the same network from RawRoads (build + index, the import path
 *     without parsing). Memory: bytes per edge of graph + index + search buffers.
 */
import { buildRoadGraph, createRoadNetwork, roadNetworkBytes, serializeRoadGraph, type RawRoads, type RoadGraph } from '../src/core/index';
import { createComputeHandlers } from '../src/workers/compute-handlers';
import { mapBuildRoadGraph } from './peers/map-build-road-graph';
import { verdict, type ResultRow } from './report';
import { fmtInt, fmtMs, fmtRatio, log, sample, timeOnce } from './timing';

function sameGraph(a: RoadGraph, b: RoadGraph): boolean {
  const arrays = (g: RoadGraph) => [g.nodeLngLat, g.nodeOsmId, g.edgeFrom, g.edgeTo, g.edgeLengthMeters, g.edgeForwardSeconds, g.edgeBackwardSeconds, g.edgeHighway,
    g.edgeWayId, g.edgeShapeOffsets, g.shapeLngLat, g.shapeMetersAlong, g.forward.offsets, g.forward.nodes, g.forward.edges, g.forward.seconds,
    g.reverse.offsets, g.reverse.nodes, g.reverse.edges, g.reverse.seconds];
  const x = arrays(a), y = arrays(b);
  return a.nodeCount === b.nodeCount && x.every((arr, i) => Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).equals(Buffer.from(y[i]!.buffer, y[i]!.byteOffset, y[i]!.byteLength)));
}

export async function benchLoad(raw: RawRoads, wayCount: number): Promise<{ rows: ResultRow[]; graph: RoadGraph }> {
  const build = sample(() => buildRoadGraph(raw), 3, 1, (ms, i) => log(`6. ours: buildRoadGraph run ${i + 1}/3: ${fmtMs(ms)}`));
  const g = buildRoadGraph(raw);
  log('6. peer: the Map-based buildRoadGraph (one run) ...');
  const [peerGraph, peerMs] = timeOnce(() => mapBuildRoadGraph(raw));
  const same = sameGraph(g, peerGraph);
  log(`6. peer: ${fmtMs(peerMs)}; graphs identical: ${same}`);

  const file = serializeRoadGraph(g);
  const handlers = createComputeHandlers();
  const ctx = { signal: new AbortController().signal, checkpoint: async () => {} };
  const loads: number[] = [];
  let memoryBytes = 0;
  for (let i = 0; i < 4; i++) {
    const bytes = file.slice().buffer; // a fresh transferred buffer each time, as postMessage gives the worker
    const t0 = performance.now();
    const r = await handlers.loadRoads({ fileName: 'province.onemap-graph', bytes }, ctx);
    const ms = performance.now() - t0;
    memoryBytes = r.result.memoryBytes ?? 0;
    if (i > 0) loads.push(ms);
    log(`6. ours: worker loadRoads of the binary graph (${(file.length / 1e6).toFixed(0)} MB) run ${i + 1}/4${i === 0 ? ' (warm-up)' : ''}: ${fmtMs(ms)}`);
  }
  loads.sort((a, b) => a - b);
  const loadMs = loads[loads.length >> 1]!;
  log('6. peer: the same network from RawRoads (buildRoadGraph + createRoadNetwork) ...');
  const [net, fromRawMs] = timeOnce(() => createRoadNetwork(buildRoadGraph(raw)));
  const mem = roadNetworkBytes(net);
  const perEdge = (b: number) => (b / g.edgeCount).toFixed(0);
  log(`6. memory: graph ${perEdge(mem.graph)} B/edge, index ${perEdge(mem.index)} B/edge, search buffers ${perEdge(mem.expander)} B/edge: ${perEdge(mem.total)} B/edge, ${(mem.total / 1e6).toFixed(0)} MB`);
  return {
    graph: g,
    rows: [
      {
        bench: '6', measure: `buildRoadGraph of the synthetic network (${fmtInt(wayCount)} ways → ${fmtInt(g.edgeCount)} edges); graphs identical: ${same ? 'yes' : 'NO'}`,
        ours: `${fmtMs(build.median)} (median of 3; CPU ${fmtMs(build.cpuMedian)})`, peer: `${fmtMs(peerMs)} (Map-based builder it replaced)`, ratio: fmtRatio(peerMs / build.median),
        goal: '< 0.8 s', status: verdict(build.median < 800 && same),
      },
      {
        bench: '6', measure: `graph + segment index ready in the worker (loadRoads of the ${(file.length / 1e6).toFixed(0)} MB binary graph), ${perEdge(memoryBytes)} bytes per edge (graph ${perEdge(mem.graph)}, index ${perEdge(mem.index)}, search ${perEdge(mem.expander)})`,
        ours: `${fmtMs(loadMs)} (median of 3)`, peer: `${fmtMs(fromRawMs)} (from RawRoads: build + index)`, ratio: fmtRatio(fromRawMs / loadMs),
        goal: '< 3 s', status: verdict(loadMs < 3000),
      },
    ],
  };
}
