/**
 * The planner view's URL hash fields: the budget and kinds, turnout, shelters settings, what-if
 * sites and storm polygons. Every field falls back to its default on its own when malformed.
 */
import type { Polygon } from 'geojson';

export const BUDGET_CHOICES_MINUTES = [3, 5, 10, 15, 20, 30] as const;
export const STATION_KIND_CHOICES = ['fire_station', 'rescue_team'] as const;
export const PLANNER_TABS = ['coverage', 'shelters', 'sites', 'storm', 'report'] as const;
export type PlannerTab = (typeof PLANNER_TABS)[number];
export type StationKind = (typeof STATION_KIND_CHOICES)[number];

export interface WhatIfShelter {
  readonly lngLat: [number, number];
  readonly capacity: number;
}

export interface PlannerState {
  tab: PlannerTab;
  kinds: StationKind[];
  budgetMinutes: number;
  /** show the bands below the budget (3/5/10/…) as well */
  bands: boolean;
  turnoutMinutes: number;
  catchments: boolean;
  /** draw the county outside the covered area (the gaps) */
  gaps: boolean;
  /** what-if stations */
  sites: Array<[number, number]>;
  /** what-if shelters */
  newShelters: WhatIfShelter[];
  /** override: this share of each village's population must move (0–1); null = the demo's count */
  share: number | null;
  typhoonSafeOnly: boolean;
  walkMinutes: number;
  p: number;
  newCapacity: number;
  /** clicked candidate points for the suggestions */
  candidates: Array<[number, number]>;
  /** storm mode: flood polygons (drawn or loaded) */
  flood: Polygon[];
  /** where to build next: stations or shelters */
  build: 'station' | 'shelter';
}

export const DEFAULT_PLANNER_STATE: PlannerState = {
  tab: 'coverage', kinds: ['fire_station', 'rescue_team'], budgetMinutes: 15, bands: false, turnoutMinutes: 0, catchments: false, gaps: true,
  sites: [], newShelters: [], share: null, typhoonSafeOnly: false, walkMinutes: 30, p: 3, newCapacity: 200, candidates: [], flood: [], build: 'station',
};

const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
const okLngLat = (lng: number, lat: number) => Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 85;

function parsePoints(v: string | undefined): Array<[number, number]> | null {
  if (v === undefined || v === '') return null;
  const pts = v.split(';').map((s) => s.split(',').map(Number));
  if (pts.length > 50 || pts.some((p) => p.length !== 2 || !okLngLat(p[0]!, p[1]!))) return null;
  return pts.map((p) => [p[0]!, p[1]!]);
}

function parseShelters(v: string | undefined): WhatIfShelter[] | null {
  if (v === undefined || v === '') return null;
  const parts = v.split(';').map((s) => s.split(',').map(Number));
  if (parts.length > 50 || parts.some((p) => p.length !== 3 || !okLngLat(p[0]!, p[1]!) || !(Number.isInteger(p[2]) && p[2]! > 0 && p[2]! <= 100000))) return null;
  return parts.map((p) => ({ lngLat: [p[0]!, p[1]!], capacity: p[2]! }));
}

function parseFlood(v: string | undefined): Polygon[] | null {
  if (v === undefined || v === '') return null;
  const polys: Polygon[] = [];
  for (const ringText of v.split(';')) {
    const ring = ringText.split(',').map((s) => s.split(':').map(Number));
    if (ring.length < 3 || ring.some((p) => p.length !== 2 || !okLngLat(p[0]!, p[1]!))) return null;
    const coords = ring.map((p) => [p[0]!, p[1]!]);
    const first = coords[0]!, last = coords[coords.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) coords.push([first[0]!, first[1]!]);
    polys.push({ type: 'Polygon', coordinates: [coords] });
  }
  return polys;
}

function num(v: string | undefined, ok: (x: number) => boolean): number | null {
  if (v === undefined || v.trim() === '') return null;
  const x = Number(v);
  return ok(x) ? x : null;
}

export function parsePlannerParams(params: Readonly<Record<string, string>>): PlannerState {
  const d = DEFAULT_PLANNER_STATE;
  const kinds = params.kinds?.split(',').filter((k): k is StationKind => (STATION_KIND_CHOICES as readonly string[]).includes(k));
  const share = num(params.share, (x) => x >= 0 && x <= 100);
  return {
    tab: (PLANNER_TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as PlannerTab) : d.tab,
    kinds: kinds && kinds.length ? [...new Set(kinds)] : d.kinds,
    budgetMinutes: num(params.min, (x) => (BUDGET_CHOICES_MINUTES as readonly number[]).includes(x)) ?? d.budgetMinutes,
    bands: params.bands === '1',
    turnoutMinutes: num(params.turnout, (x) => x >= 0 && x <= 10) ?? d.turnoutMinutes,
    catchments: params.catch === '1',
    gaps: params.gaps !== '0',
    sites: parsePoints(params.sites) ?? d.sites,
    newShelters: parseShelters(params.newsh) ?? d.newShelters,
    share: share === null ? null : share / 100,
    typhoonSafeOnly: params.safe === '1',
    walkMinutes: num(params.walk, (x) => x >= 5 && x <= 120) ?? d.walkMinutes,
    p: num(params.p, (x) => Number.isInteger(x) && x >= 1 && x <= 5) ?? d.p,
    newCapacity: num(params.cap, (x) => Number.isInteger(x) && x >= 10 && x <= 100000) ?? d.newCapacity,
    candidates: parsePoints(params.cand) ?? d.candidates,
    flood: parseFlood(params.flood) ?? d.flood,
    build: params.build === 'shelter' ? 'shelter' : 'station',
  };
}

/** Only what differs from the defaults goes in the hash. */
export function plannerParams(s: PlannerState): Record<string, string> {
  const d = DEFAULT_PLANNER_STATE;
  const out: Record<string, string> = {};
  if (s.tab !== d.tab) out.tab = s.tab;
  if (s.kinds.join(',') !== d.kinds.join(',')) out.kinds = s.kinds.join(',');
  if (s.budgetMinutes !== d.budgetMinutes) out.min = String(s.budgetMinutes);
  if (s.bands) out.bands = '1';
  if (s.turnoutMinutes !== d.turnoutMinutes) out.turnout = String(s.turnoutMinutes);
  if (s.catchments) out.catch = '1';
  if (!s.gaps) out.gaps = '0';
  if (s.sites.length) out.sites = s.sites.map((p) => `${r5(p[0])},${r5(p[1])}`).join(';');
  if (s.newShelters.length) out.newsh = s.newShelters.map((n) => `${r5(n.lngLat[0])},${r5(n.lngLat[1])},${n.capacity}`).join(';');
  if (s.share !== null) out.share = String(Math.round(s.share * 1000) / 10);
  if (s.typhoonSafeOnly) out.safe = '1';
  if (s.walkMinutes !== d.walkMinutes) out.walk = String(s.walkMinutes);
  if (s.p !== d.p) out.p = String(s.p);
  if (s.newCapacity !== d.newCapacity) out.cap = String(s.newCapacity);
  if (s.candidates.length) out.cand = s.candidates.map((p) => `${r5(p[0])},${r5(p[1])}`).join(';');
  if (s.flood.length) out.flood = s.flood.map((poly) => poly.coordinates[0]!.map((c) => `${r5(c[0]!)}:${r5(c[1]!)}`).join(',')).join(';');
  if (s.build !== d.build) out.build = s.build;
  return out;
}

/** The ids what-if sites carry in figures and exports. */
export const whatIfStationId = (i: number) => `WHATIF-S${i + 1}`;
export const whatIfShelterId = (i: number) => `WHATIF-H${i + 1}`;
export const candidateId = (i: number) => `CLICK-${i + 1}`;

/** The bands drawn: the budget alone, or every choice up to it. */
export function bandsOf(s: PlannerState): number[] {
  return s.bands ? BUDGET_CHOICES_MINUTES.filter((m) => m <= s.budgetMinutes) : [s.budgetMinutes];
}
