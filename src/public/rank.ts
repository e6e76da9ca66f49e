// deep import: the core's index would pull the road parsers (tiny-osmpbf) into the first download
import { haversineMeters } from '../core/geo/haversine';
import type { NearestResult } from '../core';
import type { PublicShelter } from '../io/public-finder-data';

/** Where the person is, and how we know it. */
export interface PersonPlace {
  readonly lngLat: readonly [number, number];
  readonly source: 'gps' | 'village' | 'tap';
  /** GPS accuracy in metres, or the village's id and names */
  readonly accuracyMeters?: number;
  readonly villageId?: string;
}

export interface RankedShelter {
  readonly shelter: PublicShelter;
  readonly freePlaces: number;
  readonly straightLineMeters: number;
  /** walking time shelter ↔ person on the `walking` profile; undefined until known, null when no walking route */
  readonly walkingSeconds?: number | null;
  readonly walkingMeters?: number;
  readonly route?: readonly [number, number][];
}

export interface Ranking {
  /** open shelters with at least `party` free places, nearest first */
  readonly available: RankedShelter[];
  /** closed or too full for the party: shown apart, never ranked first; nearest first by straight line */
  readonly unavailable: RankedShelter[];
  readonly by: 'straight-line' | 'walking';
}

export const freePlacesOf = (s: PublicShelter) => Math.max(0, s.capacity - s.occupancy);

/** Can this shelter take the party now? Open, with at least `party` free places. */
export function takesParty(s: PublicShelter, party: number): boolean {
  return s.open && freePlacesOf(s) >= party;
}

const byId = (a: RankedShelter, b: RankedShelter) => (a.shelter.id < b.shelter.id ? -1 : a.shelter.id > b.shelter.id ? 1 : 0);

/** The instant first answer: straight-line distance from the person, computed on the main thread (201 shelters: microseconds). */
export function rankByStraightLine(shelters: readonly PublicShelter[], from: readonly [number, number], party: number): Ranking {
  const all = shelters.map((shelter): RankedShelter => ({
    shelter,
    freePlaces: freePlacesOf(shelter),
    straightLineMeters: haversineMeters(shelter.lngLat[0], shelter.lngLat[1], from[0], from[1]),
  }));
  const near = (a: RankedShelter, b: RankedShelter) => a.straightLineMeters - b.straightLineMeters || byId(a, b);
  return {
    available: all.filter((r) => takesParty(r.shelter, party)).sort(near),
    unavailable: all.filter((r) => !takesParty(r.shelter, party)).sort(near),
    by: 'straight-line',
  };
}

/**
 * The walking answer over the straight-line one: available shelters re-ordered by walking time
 * (the worker's order: seconds, then id); those with no walking route (off the network, or cut
 * off) follow, nearest straight line first.
 */
export function withWalkingTimes(r: Ranking, results: readonly NearestResult[]): Ranking {
  const timed = new Map(results.map((x, i) => [x.id, { x, i }]));
  const withTime = r.available
    .filter((a) => timed.has(a.shelter.id))
    .map((a) => {
      const { x } = timed.get(a.shelter.id)!;
      return { ...a, walkingSeconds: x.seconds, walkingMeters: x.meters, ...(x.route ? { route: x.route } : {}) };
    })
    .sort((a, b) => timed.get(a.shelter.id)!.i - timed.get(b.shelter.id)!.i);
  const without = r.available.filter((a) => !timed.has(a.shelter.id)).map((a) => ({ ...a, walkingSeconds: null }));
  return { available: [...withTime, ...without], unavailable: r.unavailable, by: 'walking' };
}

/** Minutes as people say them: at least 1, rounded. */
export const walkingMinutes = (seconds: number) => Math.max(1, Math.round(seconds / 60));

/** Villages whose name (or township's name) contains the query, exact-start matches first. */
export function matchVillages<V extends { name: string; township: string }>(
  villages: readonly V[],
  townshipName: (id: string) => string,
  query: string,
  limit = 8,
): V[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const score = (v: V) => {
    const n = v.name.toLowerCase();
    if (n === q) return 0;
    if (n.startsWith(q)) return 1;
    if (n.includes(q)) return 2;
    if (townshipName(v.township).toLowerCase().includes(q)) return 3;
    return -1;
  };
  return villages
    .map((v) => ({ v, s: score(v) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s || a.v.name.length - b.v.name.length)
    .slice(0, limit)
    .map((x) => x.v);
}
