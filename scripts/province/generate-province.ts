/**
 * The seeded synthetic province (示意): about 1 M road edges and 100,000 resources of every kind,
 * for opening the production build at province scale (`?dataset=province`) and for its browser
 * bench. Nothing here is real: the roads are the bench's seeded grid (bench/synthetic-roads.ts,
 * imported, not copied), the resources are seeded draws (scripts/demo/prng.ts) valid per the
 * app's zod schemas and marked `synthetic: true`.
 *
 * Writes, into a folder that is not committed (default .generated/province/, which the
 * production server serves at /province/):
 *   manifest.json          what is where (src/io/schemas/dataset-manifest.ts)
 *   roads.graph.bin        the built graph as the compute worker loads it (serializeRoadGraph)
 *   major-roads.geojson    only motorway/trunk/primary (never 1 M edges of GeoJSON), for the import checks
 *   major-roads-tiles/     the same as vector tiles z/x/y.pbf, which the basemap draws (road-tiles.ts)
 *   outline.geojson        the area's rectangle
 *   shelters.geojson …     one GeoJSON FeatureCollection per kind, the files the app already reads
 * The folder is written next to the target and renamed into place, so a reader never sees half a dataset.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateSyntheticRoads } from '../../bench/synthetic-roads';
import { buildRoadGraph, serializeRoadGraph, type RawRoads } from '../../src/core/index';
import { DatasetManifestSchema, type DatasetManifest } from '../../src/io/schemas/dataset-manifest';
import { ResourceSchema, RESOURCE_FILE_NAMES, RESOURCE_KINDS, type Resource, type ResourceKind } from '../../src/io/schemas/resource';
import { demoCameraStream } from '../demo/camera-clips';
import { deriveRng, apportion, type Rng } from '../demo/prng';
import { ROAD_TILES_LAYER, ROAD_TILES_MAX_ZOOM, ROAD_TILES_MIN_ZOOM, ROAD_TILES_PATH, writeRoadTiles } from './road-tiles';

export const DEFAULT_PROVINCE_SEED = 20261201;
export const DEFAULT_PROVINCE_EDGES = 1_000_000;
export const DEFAULT_PROVINCE_RESOURCES = 100_000;
/** Share of each kind in the resources (cameras are the most numerous, as in the county demo). */
const KIND_WEIGHTS: Record<ResourceKind, number> = { shelter: 30, rescue_team: 10, fire_station: 4, depot: 8, camera: 48 };
const KIND_PREFIX: Record<ResourceKind, string> = { shelter: 'PSH', rescue_team: 'PRT', fire_station: 'PFS', depot: 'PDP', camera: 'PCAM' };
/** The classes the basemap draws; every edge is still in the graph the worker searches. */
export const DRAWN_CLASSES = ['motorway', 'trunk', 'primary'] as const;
/** The bench grid's shape (600 × 850 junctions ≈ 1.02 M edges): about 2 edges per junction. */
const GRID_ASPECT = 850 / 600;

export interface ProvinceOptions {
  outDir: string;
  /** about this many road edges (the grid is sized to it) */
  edges?: number;
  resources?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface ProvinceSummary {
  outDir: string;
  manifest: DatasetManifest;
  seconds: number;
}

/** Grid rows × cols giving about `edges` edges (≈ 2 per junction, the bench grid's proportions). */
export function gridForEdges(edges: number): { rows: number; cols: number } {
  const nodes = Math.max(16, edges / 2);
  const rows = Math.max(4, Math.round(Math.sqrt(nodes / GRID_ASPECT)));
  return { rows, cols: Math.max(4, Math.round(nodes / rows)) };
}

interface Town {
  index: number;
  center: [number, number];
  /** spread of its resources, in degrees */
  sigma: number;
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

function makeTowns(rng: Rng, bbox: [number, number, number, number], count: number): Town[] {
  const [w, s, e, n] = bbox;
  return Array.from({ length: count }, (_, i) => ({
    index: i + 1,
    center: [rng.range(w, e), rng.range(s, n)] as [number, number],
    sigma: rng.range(0.004, 0.02),
  }));
}

/** A point near a town (70 %) or anywhere in the area, clamped to it. */
function placeNear(rng: Rng, bbox: [number, number, number, number], towns: readonly Town[]): { lngLat: [number, number]; town: Town } {
  const [w, s, e, n] = bbox;
  const town = rng.pick(towns);
  let lng: number, lat: number;
  if (rng.chance(0.7)) {
    lng = town.center[0] + rng.normal() * town.sigma;
    lat = town.center[1] + rng.normal() * town.sigma;
  } else {
    lng = rng.range(w, e);
    lat = rng.range(s, n);
  }
  // clamped a little inside, so rounding to 7 decimals stays within the area
  const m = 1e-6;
  return { lngLat: [round7(Math.min(e - m, Math.max(w + m, lng))), round7(Math.min(n - m, Math.max(s + m, lat)))], town };
}

const STOCK: ReadonlyArray<[string, string, string, 'machine' | 'small' | 'county', string]> = [
  ['satellite_phone', '卫星电话', 'Satellite phone', 'machine', '部'],
  ['pump', '抽水泵', 'Water pump', 'machine', '台'],
  ['generator', '发电机', 'Generator', 'machine', '台'],
  ['sandbag', '编织袋（沙袋）', 'Sandbag', 'county', '条'],
  ['quilt', '棉被', 'Quilt', 'county', '床'],
  ['life_jacket', '救生衣', 'Life jacket', 'small', '件'],
];
const SPECIALTIES = ['comprehensive', 'fire', 'flood', 'mountain', 'medical', 'power', 'communication', 'hazmat'] as const;
const CATEGORIES = ['professional', 'township', 'village', 'enterprise', 'social'] as const;
const CAMERA_TYPES = ['rain_gauge', 'water_gauge', 'shelter', 'mine'] as const;

function makeResource(kind: ResourceKind, n: number, rng: Rng, bbox: [number, number, number, number], towns: readonly Town[]): Resource {
  const id = `${KIND_PREFIX[kind]}${String(n).padStart(6, '0')}`;
  const { lngLat, town } = placeNear(rng, bbox, towns);
  const townZh = `示意${town.index}镇`, townEn = `Synthetic town ${town.index}`;
  const status = rng.chance(0.9) ? 'active' : rng.chance(0.5) ? 'inactive' : 'maintenance';
  const day = 1 + Math.floor(rng.next() * 28);
  const base = {
    id, lngLat, township: `PT${String(town.index).padStart(3, '0')}`, status, synthetic: true,
    updatedAt: `2026-11-${String(day).padStart(2, '0')}T0${Math.floor(rng.next() * 10)}:00:00.000Z`,
  } as const;
  const phone = `0577-00${String(n % 1_000_000).padStart(6, '0')}`;
  switch (kind) {
    case 'shelter': {
      const capacity = 20 * rng.int(2, 50);
      return { ...base, kind, name: `${townZh}避灾安置点${n}`, nameEn: `${townEn} shelter ${n}`, capacity, occupancy: rng.chance(0.2) ? rng.int(0, capacity) : 0, open: rng.chance(0.3), typhoonSafe: rng.chance(0.6), level: rng.chance(0.1) ? 'township' : 'village', address: `${townZh}示意路${n}号` };
    }
    case 'rescue_team':
      return { ...base, kind, name: `${townZh}救援队${n}`, nameEn: `${townEn} rescue team ${n}`, category: rng.pick(CATEGORIES), specialty: rng.pick(SPECIALTIES), members: rng.int(5, 60), vehicles: rng.int(0, 8), phone };
    case 'fire_station':
      return { ...base, kind, name: `${townZh}消防站${n}`, nameEn: `${townEn} fire station ${n}`, level: rng.chance(0.1) ? 'county' : 'township', fullTime: rng.chance(0.6), staff: rng.int(6, 40), vehicles: rng.int(1, 8), phone };
    case 'depot':
      return {
        ...base, kind, name: `${townZh}物资储备点${n}`, nameEn: `${townEn} supply depot ${n}`, level: rng.chance(0.1) ? 'county' : 'township',
        stock: STOCK.filter(() => rng.chance(0.6)).map(([item, name, nameEn, category, unit]) => ({ item, name, nameEn, category, quantity: rng.int(1, 200), unit })),
      };
    case 'camera': {
      const cameraType = rng.pick(CAMERA_TYPES);
      return { ...base, kind, name: `${townZh}监测点${n}`, nameEn: `${townEn} camera ${n}`, cameraType, stream: demoCameraStream(id, cameraType) };
    }
  }
}

/** The major roads as few LineStrings: consecutive ways of one class that share an end node are joined. */
function majorRoadsGeoJson(raw: RawRoads): { json: string; edgeCount: number } {
  const drawn = new Set<string>(DRAWN_CLASSES);
  const lines: { highway: string; ids: number[] }[] = [];
  let segments = 0;
  for (const w of raw.ways) {
    const highway = w.tags.highway;
    if (!highway || !drawn.has(highway)) continue;
    segments += w.nodeIds.length - 1;
    const last = lines[lines.length - 1];
    if (last && last.highway === highway && last.ids[last.ids.length - 1] === w.nodeIds[0]) last.ids.push(...w.nodeIds.slice(1));
    else lines.push({ highway, ids: [...w.nodeIds] });
  }
  const features = lines.map((l, i) => JSON.stringify({
    type: 'Feature',
    // the basemap styles trunk and primary; the synthetic motorway is drawn as trunk
    properties: { id: `PR${i + 1}`, highway: l.highway === 'motorway' ? 'trunk' : l.highway, synthetic: true },
    geometry: { type: 'LineString', coordinates: l.ids.map((id) => raw.nodes.get(id)!.map(round7)) },
  }));
  return { json: `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`, edgeCount: segments };
}

function featureCollection(resources: readonly Resource[]): string {
  const rows = resources.map(({ lngLat, ...props }) => JSON.stringify({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: lngLat } }));
  return `{"type":"FeatureCollection","features":[\n${rows.join(',\n')}\n]}\n`;
}

export function generateProvince(options: ProvinceOptions): ProvinceSummary {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? DEFAULT_PROVINCE_SEED;
  const edgesWanted = options.edges ?? DEFAULT_PROVINCE_EDGES;
  const resourceCount = options.resources ?? DEFAULT_PROVINCE_RESOURCES;
  if (!Number.isInteger(edgesWanted) || edgesWanted < 100) throw new Error(`--edges must be an integer ≥ 100, got ${edgesWanted}`);
  if (!Number.isInteger(resourceCount) || resourceCount < RESOURCE_KINDS.length) throw new Error(`--resources must be an integer ≥ ${RESOURCE_KINDS.length}, got ${resourceCount}`);

  const { rows, cols } = gridForEdges(edgesWanted);
  log(`roads: the bench's seeded grid, ${rows} × ${cols} junctions ...`);
  const roads = generateSyntheticRoads({ rows, cols, seed });
  const graph = buildRoadGraph(roads.raw);
  const graphFile = serializeRoadGraph(graph);
  log(`roads: ${graph.nodeCount.toLocaleString('en')} nodes, ${graph.edgeCount.toLocaleString('en')} edges, ${(graphFile.byteLength / 1e6).toFixed(1)} MB binary graph`);
  const major = majorRoadsGeoJson(roads.raw);

  const bbox = roads.bbox;
  const towns = makeTowns(deriveRng(seed, 'towns'), bbox, Math.max(1, Math.round(resourceCount / 250)));
  const perKind = apportion(resourceCount, RESOURCE_KINDS.map((k) => KIND_WEIGHTS[k]), 1);
  const byKind = {} as Record<ResourceKind, Resource[]>;
  RESOURCE_KINDS.forEach((kind, i) => {
    const rng = deriveRng(seed, `resources:${kind}`);
    byKind[kind] = Array.from({ length: perKind[i]! }, (_, j) => {
      const r = makeResource(kind, j + 1, rng, bbox, towns);
      const check = ResourceSchema.safeParse(r);
      if (!check.success) throw new Error(`generator bug: ${r.id} is not valid: ${check.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      return r;
    });
  });
  log(`resources: ${RESOURCE_KINDS.map((k) => `${k} ${byKind[k].length.toLocaleString('en')}`).join(', ')}`);

  const [w, s, e, n] = bbox;
  const manifest: DatasetManifest = DatasetManifestSchema.parse({
    onemap: 'dataset', id: 'province', name: '示意省（合成数据）', nameEn: 'Synthetic province (demo data)', synthetic: true, seed,
    generator: `scripts/province/generate-province.ts --edges ${edgesWanted} --resources ${resourceCount}`,
    bbox,
    roads: {
      graph: 'roads.graph.bin', graphBytes: graphFile.byteLength, nodeCount: graph.nodeCount, edgeCount: graph.edgeCount,
      drawn: 'major-roads.geojson', drawnClasses: [...DRAWN_CLASSES], drawnEdgeCount: major.edgeCount,
      drawnTiles: { path: ROAD_TILES_PATH, layer: ROAD_TILES_LAYER, minzoom: ROAD_TILES_MIN_ZOOM, maxzoom: ROAD_TILES_MAX_ZOOM },
    },
    outline: 'outline.geojson',
    resources: Object.fromEntries(RESOURCE_KINDS.map((k) => [k, { file: RESOURCE_FILE_NAMES[k], count: byKind[k].length }])),
  });

  const outDir = resolve(options.outDir);
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'roads.graph.bin'), graphFile);
  writeFileSync(join(tmp, 'major-roads.geojson'), major.json);
  const tiled = writeRoadTiles(JSON.parse(major.json), bbox, join(tmp, ROAD_TILES_PATH.split('/{z}')[0]!));
  log(`major roads: ${tiled.tiles} vector tiles, ${(tiled.bytes / 1e6).toFixed(1)} MB (zoom ${ROAD_TILES_MIN_ZOOM}–${ROAD_TILES_MAX_ZOOM})`);
  writeFileSync(join(tmp, 'outline.geojson'), JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name: manifest.name, nameEn: manifest.nameEn, synthetic: true }, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]].map((p) => p.map(round7))] } }],
  }));
  for (const k of RESOURCE_KINDS) writeFileSync(join(tmp, RESOURCE_FILE_NAMES[k]), featureCollection(byKind[k]));
  // the manifest last: a folder with a manifest is complete
  writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(dirname(outDir), { recursive: true });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  return { outDir, manifest, seconds: (Date.now() - started) / 1000 };
}
