/**
 * Benchmark 1 — straight-line k-nearest over 1,000,000 resources.
 * Ours: buildPointIndex (kdbush) once, then nearestByStraightLine(k = 5) (geokdbush great-circle
 * kNN); median time per query over many queries. Peer: turf.nearestPoint (k = 1, a linear scan of
 * the FeatureCollection with turf.distance) on the same points; median of a few queries.
 */
import * as turf from '@turf/turf';
import { buildPointIndex, nearestByStraightLine } from '../src/core/index';
import { verdict, type ResultRow } from './report';
import { fmtInt, fmtMs, fmtRatio, log, median, mulberry32, nowMs, quantile, sample } from './timing';

/** A county-sized box (≈ 84 × 61 km, around Taishun, Zhejiang), the same area as the synthetic roads. */
export const COUNTY_BBOX: readonly [number, number, number, number] = [119.6, 27.3, 120.45, 27.85];

export function benchStraightLine(opts: { points?: number; queries?: number; turfQueries?: number } = {}): ResultRow[] {
  const N = opts.points ?? 1_000_000, Q = opts.queries ?? 20_000, TQ = opts.turfQueries ?? 5;
  const [x0, y0, x1, y1] = COUNTY_BBOX;
  const rand = mulberry32(1001);
  const randomPoint = (): [number, number] => [x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0)];
  const points: [number, number][] = Array.from({ length: N }, randomPoint);
  log(`1. ${fmtInt(N)} random resources in [${COUNTY_BBOX.join(', ')}]`);

  let index = buildPointIndex(points);
  const build = sample(() => { index = buildPointIndex(points); }, 3, 0);
  log(`1. ours: buildPointIndex median ${fmtMs(build.median)} (3 builds)`);

  // Per-query timings: warm-up, then each query timed on its own.
  for (let i = 0; i < 2000; i++) nearestByStraightLine(index, randomPoint(), 5);
  const queries = Array.from({ length: Q }, randomPoint);
  const perQuery: number[] = new Array(Q);
  let sink = 0;
  for (let i = 0; i < Q; i++) {
    const t0 = nowMs();
    const r = nearestByStraightLine(index, queries[i]!, 5);
    perQuery[i] = nowMs() - t0;
    sink += r.length;
  }
  const t0 = nowMs();
  for (let i = 0; i < Q; i++) sink += nearestByStraightLine(index, queries[i]!, 5).length;
  const batchPerQuery = (nowMs() - t0) / Q;
  if (sink !== 2 * 5 * Q) throw new Error('nearestByStraightLine did not return k results');
  const ours = median(perQuery);
  log(`1. ours: nearestByStraightLine k=5 median ${fmtMs(ours)} per query, p95 ${fmtMs(quantile(perQuery, 0.95))} (${fmtInt(Q)} queries; back-to-back ${fmtMs(batchPerQuery)} per query)`);

  const [fcMs, fc] = (() => { const t = nowMs(); const f = turf.featureCollection(points.map((p) => turf.point(p))); return [nowMs() - t, f] as const; })();
  log(`1. peer: FeatureCollection of ${fmtInt(N)} turf points built in ${fmtMs(fcMs)} (not counted)`);
  const turfQueries = Array.from({ length: TQ }, randomPoint);
  let agree = 0;
  const peer = sample((i) => {
    const q = i < 0 ? randomPoint() : turfQueries[i]!;
    const r = turf.nearestPoint(q, fc);
    if (i >= 0) {
      const mine = nearestByStraightLine(index, q, 5)[0]!;
      if (r.properties.featureIndex === mine.index) agree++;
    }
  }, TQ, 1, (ms, i) => log(`1. peer: turf.nearestPoint query ${i + 1}/${TQ}: ${fmtMs(ms)}`));
  const ratio = peer.median / ours;
  log(`1. ratio ${fmtRatio(ratio)}; top-1 agrees with turf on ${agree}/${TQ} queries`);
  return [
    {
      bench: '1', measure: `straight-line k=5 over ${fmtInt(N)} resources, per query (median)`,
      ours: `${fmtMs(ours)} (p95 ${fmtMs(quantile(perQuery, 0.95))})`, peer: `${fmtMs(peer.median)} (turf.nearestPoint, k=1)`,
      ratio: fmtRatio(ratio), goal: '≥ 10,000×', status: verdict(ratio >= 10_000 && agree === TQ),
    },
    {
      bench: '1', measure: 'index build (buildPointIndex, once per resource set)', ours: fmtMs(build.median),
      peer: `— (turf: ${fmtMs(fcMs)} to build the FeatureCollection)`, ratio: '', goal: '', status: 'info',
    },
  ];
}
