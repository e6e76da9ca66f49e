/**
 * The province's drawn roads as static vector tiles (Mapbox Vector Tile, one layer `roads`), cut by
 * @maplibre/geojson-vt and encoded by @maplibre/vt-pbf — the libraries MapLibre itself uses for a
 * GeoJSON source. Why tiles and not the GeoJSON file: MapLibre's worker, given a GeoJSON URL, sends
 * the whole parsed file back to the page as its copy of the data (`result.data` of its `loadData`):
 * for the province's 3.5 MB of major roads one structured-clone message of ~550 ms on the page's
 * thread and ~60 MB allocated there (heap sampling). Tiles are fetched and parsed in its worker only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';

export const ROAD_TILES_LAYER = 'roads';
export const ROAD_TILES_MIN_ZOOM = 0;
/** Drawn over-zoomed above this (4096 units a tile: ~2 m at zoom 12 here, finer than the lines are wide). */
export const ROAD_TILES_MAX_ZOOM = 12;
export const ROAD_TILES_PATH = 'major-roads-tiles/{z}/{x}/{y}.pbf';

const lngToX = (lng: number, z: number) => Math.floor(((lng + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

/** Writes every tile of zoom 0–12 that holds a road under `dir` (z/x/y.pbf); returns the count and bytes. */
export function writeRoadTiles(roads: FeatureCollection, bbox: readonly [number, number, number, number], dir: string): { tiles: number; bytes: number } {
  const index = new GeoJSONVT(roads, { maxZoom: ROAD_TILES_MAX_ZOOM, indexMaxZoom: ROAD_TILES_MAX_ZOOM, indexMaxPoints: 0, tolerance: 3, extent: 4096, buffer: 64 });
  let tiles = 0, bytes = 0;
  for (let z = ROAD_TILES_MIN_ZOOM; z <= ROAD_TILES_MAX_ZOOM; z++) {
    const [x0, x1] = [lngToX(bbox[0], z), lngToX(bbox[2], z)];
    const [y0, y1] = [latToY(bbox[3], z), latToY(bbox[1], z)];
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const tile = index.getTile(z, x, y);
        if (!tile || tile.features.length === 0) continue;
        const pbf = fromGeojsonVt({ [ROAD_TILES_LAYER]: tile }, { version: 2, extent: 4096 });
        mkdirSync(join(dir, String(z), String(x)), { recursive: true });
        writeFileSync(join(dir, String(z), String(x), `${y}.pbf`), pbf);
        tiles++;
        bytes += pbf.byteLength;
      }
    }
  }
  return { tiles, bytes };
}
