import type { LineString, Polygon } from 'geojson';
import type { BarrierSpec } from '../../../../workers/protocol';
import type { ViewParams } from '../../types';

/** A road closure as the officer made it; kept as drawn so a share link restores it exactly. */
export type Closure =
  | { type: 'line'; coordinates: [number, number][] }
  | { type: 'area'; /** ring without the repeated first position */ coordinates: [number, number][] }
  | { type: 'segment'; /** the clicked point on the road */ at: [number, number] };

export interface DutyFilters {
  /** rescue teams of this specialty only ('all': any) */
  teamSpecialty: string;
  teamMinMembers: number;
  /** depots holding this item ('all': any depot) … */
  depotItem: string;
  /** … at least this many of it */
  depotMinQuantity: number;
  /** shelters that are open … */
  shelterOpen: boolean;
  /** … with at least this many free places */
  shelterMinFree: number;
}

export interface SuppliesNeed {
  item: string;
  quantity: number;
}

/** Everything of the duty view that a share link restores. */
export interface DutyState {
  incident: readonly [number, number] | null;
  /** k nearest per kind */
  k: number;
  /** also rank resources not in service (marked) */
  includeInactive: boolean;
  filters: DutyFilters;
  closures: readonly Closure[];
  /** the row whose route is drawn */
  pick: string | null;
  need: SuppliesNeed | null;
}

export const DEFAULT_K = 5;
export const MAX_K = 20;
export const DEFAULT_DUTY_FILTERS: DutyFilters = { teamSpecialty: 'all', teamMinMembers: 0, depotItem: 'all', depotMinQuantity: 0, shelterOpen: false, shelterMinFree: 0 };
export const DEFAULT_DUTY_STATE: DutyState = { incident: null, k: DEFAULT_K, includeInactive: false, filters: DEFAULT_DUTY_FILTERS, closures: [], pick: null, need: null };
const MAX_CLOSURES = 30;
const MAX_CLOSURE_POINTS = 200;
const DECIMALS = 6;

const KEY = /^[a-z][a-z0-9_]{0,40}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function formatLngLat(lngLat: readonly [number, number]): string {
  return `${lngLat[0].toFixed(DECIMALS)},${lngLat[1].toFixed(DECIMALS)}`;
}

/** `119.7,27.5` → [119.7, 27.5]; anything else → null. */
export function parseLngLat(value: string | undefined): [number, number] | null {
  if (!value) return null;
  const m = /^(-?\d{1,3}(?:\.\d+)?),(-?\d{1,2}(?:\.\d+)?)$/.exec(value.trim());
  if (!m) return null;
  const lng = Number(m[1]), lat = Number(m[2]);
  if (!(lng >= -180 && lng <= 180 && lat >= -85 && lat <= 85)) return null;
  return [lng, lat];
}

function parseCount(value: string | undefined, max: number): number | null {
  if (value === undefined || !/^\d{1,7}$/.test(value)) return null;
  const n = Number(value);
  return n <= max ? n : null;
}

/** Closures in the hash: `L…` line, `A…` area, `S…` segment; positions `lng,lat` joined by `_`, closures by `~`. */
export function serializeClosures(closures: readonly Closure[]): string {
  return closures
    .map((c) => (c.type === 'segment' ? `S${formatLngLat(c.at)}` : `${c.type === 'line' ? 'L' : 'A'}${c.coordinates.map(formatLngLat).join('_')}`))
    .join('~');
}

export function parseClosures(value: string | undefined): Closure[] {
  if (!value) return [];
  const out: Closure[] = [];
  for (const part of value.split('~').slice(0, MAX_CLOSURES)) {
    const tag = part[0];
    const points = part.slice(1).split('_').slice(0, MAX_CLOSURE_POINTS + 1).map(parseLngLat);
    if (points.some((p) => p === null)) continue; // a damaged closure is dropped, the others kept
    const coords = points as [number, number][];
    if (tag === 'S' && coords.length === 1) out.push({ type: 'segment', at: coords[0]! });
    else if (tag === 'L' && coords.length >= 2 && coords.length <= MAX_CLOSURE_POINTS) out.push({ type: 'line', coordinates: coords });
    else if (tag === 'A' && coords.length >= 3 && coords.length <= MAX_CLOSURE_POINTS) out.push({ type: 'area', coordinates: coords });
  }
  return out;
}

/** A closure as the worker takes it. */
export function closureBarrier(c: Closure): BarrierSpec {
  if (c.type === 'segment') return { closedRoadPoints: [c.at] };
  if (c.type === 'line') return { closedLines: [closureGeometry(c) as LineString] };
  return { floodPolygons: [closureGeometry(c) as Polygon] };
}

export function closureGeometry(c: Closure): LineString | Polygon | { type: 'Point'; coordinates: [number, number] } {
  if (c.type === 'segment') return { type: 'Point', coordinates: c.at };
  if (c.type === 'line') return { type: 'LineString', coordinates: c.coordinates };
  return { type: 'Polygon', coordinates: [[...c.coordinates, c.coordinates[0]!]] };
}

/** All closures as one barrier set (undefined when there are none). */
export function barriersOf(closures: readonly Closure[]): BarrierSpec | undefined {
  if (closures.length === 0) return undefined;
  const lines: LineString[] = [], polygons: Polygon[] = [], points: [number, number][] = [];
  for (const c of closures) {
    const g = closureGeometry(c);
    if (g.type === 'LineString') lines.push(g);
    else if (g.type === 'Polygon') polygons.push(g);
    else points.push(g.coordinates);
  }
  return {
    ...(lines.length ? { closedLines: lines } : {}),
    ...(polygons.length ? { floodPolygons: polygons } : {}),
    ...(points.length ? { closedRoadPoints: points } : {}),
  };
}

/** The view's hash fields → state; each malformed field falls back to its default. */
export function parseDutyParams(params: ViewParams): DutyState {
  const d = DEFAULT_DUTY_STATE, f = DEFAULT_DUTY_FILTERS;
  const k = parseCount(params.k, MAX_K);
  const need = /^([a-z][a-z0-9_]{0,40}):(\d{1,7})$/.exec(params.need ?? '');
  return {
    incident: parseLngLat(params.inc),
    k: k !== null && k >= 1 ? k : d.k,
    includeInactive: params.all === '1',
    filters: {
      teamSpecialty: params.tsp && KEY.test(params.tsp) ? params.tsp : f.teamSpecialty,
      teamMinMembers: parseCount(params.tmem, 100_000) ?? f.teamMinMembers,
      depotItem: params.ditem && KEY.test(params.ditem) ? params.ditem : f.depotItem,
      depotMinQuantity: parseCount(params.dqty, 10_000_000) ?? f.depotMinQuantity,
      shelterOpen: params.sopen === '1',
      shelterMinFree: parseCount(params.sfree, 100_000) ?? f.shelterMinFree,
    },
    closures: parseClosures(params.cl),
    pick: params.pick && ID.test(params.pick) ? params.pick : null,
    need: need && Number(need[2]) > 0 ? { item: need[1]!, quantity: Number(need[2]) } : null,
  };
}

/** State → the view's hash fields; defaults are left out so links stay short. */
export function dutyParams(state: DutyState): ViewParams {
  const out: Record<string, string> = {};
  const f = state.filters, d = DEFAULT_DUTY_FILTERS;
  if (state.incident) out.inc = formatLngLat(state.incident);
  if (state.k !== DEFAULT_K) out.k = String(state.k);
  if (state.includeInactive) out.all = '1';
  if (f.teamSpecialty !== d.teamSpecialty) out.tsp = f.teamSpecialty;
  if (f.teamMinMembers > 0) out.tmem = String(f.teamMinMembers);
  if (f.depotItem !== d.depotItem) out.ditem = f.depotItem;
  if (f.depotMinQuantity > 0) out.dqty = String(f.depotMinQuantity);
  if (f.shelterOpen) out.sopen = '1';
  if (f.shelterMinFree > 0) out.sfree = String(f.shelterMinFree);
  if (state.closures.length) out.cl = serializeClosures(state.closures);
  if (state.pick) out.pick = state.pick;
  if (state.need) out.need = `${state.need.item}:${state.need.quantity}`;
  return out;
}
