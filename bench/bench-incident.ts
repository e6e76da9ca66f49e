/**
 * Benchmark 8 — the duty view's question on the demo: for an incident, the 5 nearest rescue teams,
 * fire stations, depots and shelters by road travel time (resource → incident), with routes.
 * Ours: one reverse Dijkstra from the incident answering every resource (findNearestByTravelTime,
 * perKind, k = 5, withRoutes), per incident. Naive peer: one search per resource (each resource's
 * own time and route, then sort per kind and take 5) — what a "route from every candidate" client
 * does. Both answer the same seeded incidents; their rankings and times are checked equal.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findNearestByTravelTime, parseRoads, roadNetworkFromRaw, snapPoint, snapResources, type NearestResult } from '../src/core/index';
import { verdict, type ResultRow } from './report';
import { fmtMs, log, median, mulberry32, nowMs, quantile } from './timing';

const KIND_FILES = { rescue_team: 'rescue-teams', fire_station: 'fire-stations', depot: 'depots', shelter: 'shelters' } as const;
const K = 5;

export function benchIncident(repoRoot: string, opts: { incidents?: number; naiveIncidents?: number } = {}): ResultRow[] {
  const N = opts.incidents ?? 100, NN = Math.min(N, opts.naiveIncidents ?? N);
  const demo = (p: string) => resolve(repoRoot, 'data/taishun', p);
  const net = roadNetworkFromRaw(parseRoads('roads.geojson', new Uint8Array(readFileSync(demo('roads.geojson')))));
  const resources = Object.entries(KIND_FILES).flatMap(([kind, file]) =>
    (JSON.parse(readFileSync(demo(`resources/${file}.geojson`), 'utf8')).features as Array<{ properties: { id: string }; geometry: { coordinates: [number, number] } }>)
      .map((f) => ({ id: f.properties.id, kind, lngLat: f.geometry.coordinates })));
  const snapped = snapResources(net, resources);
  // Seeded incidents in the network's box, kept only where they are on the network (≤ 500 m from a road).
  const g = net.graph;
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i < g.nodeLngLat.length; i += 2) { w = Math.min(w, g.nodeLngLat[i]!); e = Math.max(e, g.nodeLngLat[i]!); s = Math.min(s, g.nodeLngLat[i + 1]!); n = Math.max(n, g.nodeLngLat[i + 1]!); }
  const rand = mulberry32(7007);
  const incidents: [number, number][] = [];
  while (incidents.length < N) {
    const p: [number, number] = [w + rand() * (e - w), s + rand() * (n - s)];
    if (snapPoint(net, p)) incidents.push(p);
  }
  log(`8. demo network ${g.edgeCount} edges; ${resources.length} resources (4 kinds); ${N} seeded incidents on the network`);

  const ours = (inc: [number, number]) => findNearestByTravelTime(net, inc, snapped, { k: K, perKind: true, withRoutes: true }).results;
  const naive = (inc: [number, number]) => {
    const all: NearestResult[] = [];
    for (const r of snapped) {
      const one = findNearestByTravelTime(net, inc, [r], { k: 1, withRoutes: true }).results[0];
      if (one) all.push(one);
    }
    all.sort((a, b) => a.seconds - b.seconds || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const taken = new Map<string, number>();
    return all.filter((x) => { const c = taken.get(x.kind) ?? 0; taken.set(x.kind, c + 1); return c < K; });
  };

  for (let i = 0; i < 5; i++) ours(incidents[i]!); // warm-up
  const oursMs: number[] = [];
  let sink = 0;
  for (const inc of incidents) {
    const t0 = nowMs();
    sink += ours(inc).length;
    oursMs.push(nowMs() - t0);
  }
  const naiveMs: number[] = [];
  let mismatches = 0;
  for (const inc of incidents.slice(0, NN)) {
    const t0 = nowMs();
    const b = naive(inc);
    naiveMs.push(nowMs() - t0);
    const a = ours(inc);
    const same = a.length === b.length && a.every((x, i) => x.id === b[i]!.id && Math.abs(x.seconds - b[i]!.seconds) < 1e-6);
    if (!same) mismatches++;
  }
  const om = median(oursMs), op95 = quantile(oursMs, 0.95), nm = median(naiveMs), np95 = quantile(naiveMs, 0.95);
  log(`8. ours: median ${fmtMs(om)}, p95 ${fmtMs(op95)} over ${N} incidents; naive (${resources.length} searches each): median ${fmtMs(nm)}, p95 ${fmtMs(np95)} over ${NN}; answers equal on ${NN - mismatches}/${NN} (sink ${sink})`);
  return [
    { bench: '8', measure: `duty question: 4 kinds × k=5 with routes, demo, median over ${N} seeded incidents${NN < N ? ` (naive over the first ${NN})` : ''}`, ours: fmtMs(om), peer: fmtMs(nm), ratio: `${(nm / om).toFixed(0)}×`, goal: 'ours < naive; same answers', status: verdict(om < nm && mismatches === 0) },
    { bench: '8', measure: 'same, p95', ours: fmtMs(op95), peer: fmtMs(np95), ratio: `${(np95 / op95).toFixed(0)}×`, goal: '', status: 'info' },
  ];
}
