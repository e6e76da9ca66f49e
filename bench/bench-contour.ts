/**
 * Benchmark 5 — contouring a travel-time grid: why the core uses d3-contour's marching squares (ported in
 * src/core/isochrone/marching-squares.ts, the same rings as d3-contour 4.0.3), not turf.isobands.
 * The grid: the Taishun demo's county fire station, 15 minutes, the default 40 m cells
 * (travelTimeGridOf, the same grid computeIsochrones contours). Always available (data/ is in the
 * repo). Ours: contourGrid (d3-contour's marching squares, src/core/isochrone/marching-squares.ts, + RFC 7946 ring orientation). Peer:
 * turf.isobands on the same cell centres as a point grid, one band [0, 900 s]. Both answers are
 * compared on 20,000 seeded random places of the grid against the cell values themselves.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { contourGrid, parseGeoJsonRoads, roadNetworkFromRaw, travelTimeGridOf, type TravelTimeGrid } from '../src/core/index';
import { frameToLngLat } from '../src/core/isochrone/grid-frame';
import { resolveTravelAreaOptions } from '../src/core/isochrone/isochrone-options';
import { verdict, type ResultRow } from './report';
import { fmtMs, fmtRatio, log, mulberry32, sample, timeOnce } from './timing';

const LIMIT_SECONDS = 900;

export function benchContour(repoRoot: string): ResultRow[] {
  const roads = JSON.parse(readFileSync(resolve(repoRoot, 'data/taishun/roads.geojson'), 'utf8'));
  const station = JSON.parse(readFileSync(resolve(repoRoot, 'data/taishun/resources/fire-stations.geojson'), 'utf8')).features[0];
  const net = roadNetworkFromRaw(parseGeoJsonRoads(roads));
  const o = resolveTravelAreaOptions({ bandsMinutes: [15] });
  const grid = travelTimeGridOf(net, [{ id: station.properties.id, lngLat: station.geometry.coordinates }], o)!;
  const { width, height } = grid.frame;
  const padding = o.cellSizeMeters / net.offRoadMetersPerSecond;
  log(`5. grid ${width}×${height} = ${(width * height).toLocaleString('en')} cells at ${o.cellSizeMeters} m (${station.properties.id})`);

  const contour = () => contourGrid(grid.frame, grid.seconds, LIMIT_SECONDS, { unreachedPaddingSeconds: padding });
  const ours = sample(contour, 9, 2);
  const oursGeom = contour();

  const [points, pointsMs] = timeOnce(() => pointGrid(grid, LIMIT_SECONDS + padding));
  log(`5. turf point grid built in ${fmtMs(pointsMs)} (not counted)`);
  const isobands = () => turf.isobands(points, [0, LIMIT_SECONDS], { zProperty: 'seconds' });
  const [turfResult, turfMs] = timeOnce(isobands);
  const peer = [turfMs, timeOnce(isobands)[1]].sort((a, b) => a - b)[0]!;
  const turfGeom = turfResult.features[0]?.geometry as MultiPolygon | undefined;

  const agreeOurs = agreement(grid, oursGeom), agreeTurf = turfGeom ? agreement(grid, turfGeom) : 0;
  const holes = (m: MultiPolygon | undefined) => (m ? m.coordinates.reduce((n, p) => n + p.length - 1, 0) : 0);
  log(`5. ours ${fmtMs(ours.median)} (${oursGeom.coordinates.length} polygons, ${holes(oursGeom)} holes, agreement ${(agreeOurs * 100).toFixed(2)} %); turf.isobands ${fmtMs(peer)} (${turfGeom?.coordinates.length ?? 0} polygons, ${holes(turfGeom)} holes, agreement ${(agreeTurf * 100).toFixed(2)} %)`);
  return [
    { bench: '5', measure: `contour of a ${width}×${height} time grid (Taishun FS, 15 min): ours (d3-contour's marching squares, ported) vs turf.isobands`, ours: fmtMs(ours.median), peer: `${fmtMs(peer)} (turf.isobands, best of 2)`, ratio: fmtRatio(peer / ours.median), goal: 'faster than turf', status: verdict(peer > ours.median) },
    { bench: '5', measure: 'same: share of 20,000 random places classified like their cell values (inside ≤ 900 s)', ours: `${(agreeOurs * 100).toFixed(2)} %`, peer: `${(agreeTurf * 100).toFixed(2)} %`, ratio: '', goal: 'info', status: 'info' },
  ];
}

function pointGrid(grid: TravelTimeGrid, cap: number) {
  const features: Array<Feature<Point, { seconds: number }>> = [];
  // turf.isobands reads the grid row by row from the first feature's latitude.
  for (let row = grid.frame.height - 1; row >= 0; row--) {
    for (let col = 0; col < grid.frame.width; col++) {
      const s = grid.seconds[row * grid.frame.width + col]!;
      features.push(turf.point(frameToLngLat(grid.frame, col + 0.5, row + 0.5), { seconds: Math.min(s, cap) }));
    }
  }
  return turf.featureCollection(features);
}

/** Places whose nearest cell centre is clearly inside or outside (≥ 30 s from the limit): does the polygon agree? */
function agreement(grid: TravelTimeGrid, geometry: MultiPolygon | Polygon): number {
  const rand = mulberry32(5);
  const feature = turf.feature(geometry);
  let agree = 0, n = 0;
  while (n < 20_000) {
    const col = rand() * grid.frame.width, row = rand() * grid.frame.height;
    const s = grid.seconds[Math.floor(row) * grid.frame.width + Math.floor(col)]!;
    if (Math.abs(s - LIMIT_SECONDS) < 30) continue;
    n++;
    const inside = turf.booleanPointInPolygon(frameToLngLat(grid.frame, col, row), feature);
    if (inside === s <= LIMIT_SECONDS) agree++;
  }
  return agree / n;
}
