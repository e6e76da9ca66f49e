/**
 * A port of the checks of ../shared/reference/score.py (same definitions), so vitest can score
 * answers without Python. Point-in-polygon counts boundary points as inside, as shapely's
 * `intersects` does. The CI also runs score.py itself where shapely is installed.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export interface ProbeSummary {
  probes: number; truthInside: number; predInside: number; overCount: number; underCount: number;
  misclassificationPct: number; overreachPct: number; underreachPct: number; iou: number | null;
}

export function summarise(n: number, tIn: number, pIn: number, over: number, under: number): ProbeSummary {
  const both = tIn - under, either = both + over + under;
  const pct = (x: number) => Math.round((1e5 * x) / n) / 1e3;
  return { probes: n, truthInside: tIn, predInside: pIn, overCount: over, underCount: under,
    misclassificationPct: pct(over + under), overreachPct: pct(over), underreachPct: pct(under),
    iou: either ? Math.round((1e4 * both) / either) / 1e4 : null };
}

function onSegment(p: Position, a: Position, b: Position): boolean {
  const cross = (b[0]! - a[0]!) * (p[1]! - a[1]!) - (b[1]! - a[1]!) * (p[0]! - a[0]!);
  if (Math.abs(cross) > 1e-15) return false;
  return Math.min(a[0]!, b[0]!) <= p[0]! && p[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= p[1]! && p[1]! <= Math.max(a[1]!, b[1]!);
}

/** Even-odd ring test, boundary inclusive. */
function inRing(p: Position, ring: Position[]): 'in' | 'out' | 'edge' {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!, b = ring[j]!;
    if (onSegment(p, a, b)) return 'edge';
    if (a[1]! > p[1]! !== b[1]! > p[1]! && p[0]! < ((b[0]! - a[0]!) * (p[1]! - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inside = !inside;
  }
  return inside ? 'in' : 'out';
}

function inPolygon(p: Position, rings: Position[][]): boolean {
  const outer = inRing(p, rings[0]!);
  if (outer === 'out') return false;
  if (outer === 'edge') return true;
  for (const hole of rings.slice(1)) {
    const h = inRing(p, hole);
    if (h === 'in') return false;
  }
  return true;
}

/** A point-in-union test over many (Multi)Polygons, with a bbox prefilter. */
export function polygonUnionTester(features: Array<Feature<Polygon | MultiPolygon>>): (p: Position) => boolean {
  const polys = features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
  const boxes = polys.map((rings) => {
    let a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
    for (const q of rings[0]!) { a = Math.min(a, q[0]!); b = Math.min(b, q[1]!); c = Math.max(c, q[0]!); d = Math.max(d, q[1]!); }
    return [a, b, c, d] as const;
  });
  return (p) => polys.some((rings, i) => {
    const [a, b, c, d] = boxes[i]!;
    return p[0]! >= a && p[0]! <= c && p[1]! >= b && p[1]! <= d && inPolygon(p, rings);
  });
}

export interface Probe { lngLat: Position; truthSeconds: number | null; group: string }

export function scoreProbes(probes: Probe[], inside: (p: Position) => boolean, limitSeconds: number): ProbeSummary {
  let tIn = 0, pIn = 0, over = 0, under = 0;
  for (const pr of probes) {
    const t = pr.truthSeconds !== null && pr.truthSeconds <= limitSeconds;
    const p = inside(pr.lngLat);
    tIn += +t; pIn += +p;
    if (p && !t) over++;
    else if (t && !p) under++;
  }
  return summarise(probes.length, tIn, pIn, over, under);
}

export function probesOf(fc: FeatureCollection, groupProp: string | null): Probe[] {
  return fc.features.map((f) => ({
    lngLat: (f.geometry as { coordinates: Position }).coordinates,
    truthSeconds: (f.properties?.truthSeconds ?? null) as number | null,
    group: groupProp ? String(f.properties?.[groupProp]) : 'all',
  }));
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q, lo = Math.floor(pos), hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export interface NearestCase { incident: [number, number]; kind: string; snapMeters: number; ranking: Array<{ id: string; seconds: number }> }

export function scoreNearest(cases: NearestCase[], pred: Array<{ results: Array<{ id: string; seconds: number }> }>) {
  let top1 = 0, top3 = 0, missing = 0, extra = 0;
  const rel: number[] = [];
  const failedTop1: number[] = [];
  cases.forEach((c, i) => {
    const res = pred[i]!.results;
    const tmap = new Map(c.ranking.map((r) => [r.id, r.seconds]));
    const pmap = new Map(res.map((r) => [r.id, r.seconds]));
    const ok1 = c.ranking.length ? res.length > 0 && tmap.has(res[0]!.id) && tmap.get(res[0]!.id)! <= c.ranking[0]!.seconds + 1e-6 : res.length === 0;
    if (ok1) top1++; else failedTop1.push(i);
    if (c.ranking.slice(0, 3).map((r) => r.id).join() === res.slice(0, 3).map((r) => r.id).join()) top3++;
    for (const [id, ts] of tmap) {
      if (pmap.has(id)) rel.push(Math.abs(pmap.get(id)! - ts) / Math.max(ts, 1));
      else missing++;
    }
    for (const id of pmap.keys()) if (!tmap.has(id)) extra++;
  });
  return { cases: cases.length, top1AgreementPct: (100 * top1) / cases.length, top3OrderMatchPct: (100 * top3) / cases.length,
    medianAbsRelErr: rel.length ? quantile(rel, 0.5) : null, p95AbsRelErr: rel.length ? quantile(rel, 0.95) : null,
    pairsMissingInPred: missing, pairsExtraInPred: extra, failedTop1 };
}
