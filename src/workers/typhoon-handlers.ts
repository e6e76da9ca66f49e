import {
  CoreError,
  getSpeedProfile, leaveByRows, roadNetworkFromRaw, shelterTravelTimes, stormStates, windCircleTimes, placesInside,
  type RawRoads, type RoadNetwork, type ShelterChoice,
} from '../core';
import { readTyphoonTrack } from '../io';
import type { HandlerContext, HandlerOutput } from './compute-host';
import type { ComputeParams, ComputeResult } from './protocol';

type Handler<K extends 'typhoonTrack' | 'typhoonLeaveBy'> = (p: ComputeParams<K>, ctx: HandlerContext) => Promise<HandlerOutput<ComputeResult<K>>>;

/**
 * Typhoon requests: reading a track, hourly membership of every place, and must-leave-by on the
 * road network with the walking or driving profile (a second network, built once from the same
 * roads when first asked for).
 */
export function createTyphoonHandlers(rawRoads: () => { raw: RawRoads | null; driving: RoadNetwork } | null): { typhoonTrack: Handler<'typhoonTrack'>; typhoonLeaveBy: Handler<'typhoonLeaveBy'> } {
  const networks = new Map<string, { raw: RawRoads; net: RoadNetwork }>();
  const choiceCache = new Map<string, ShelterChoice[]>();

  const networkFor = (profile: string): RoadNetwork => {
    const roads = rawRoads();
    if (!roads) throw new CoreError('invalid-argument', 'no road network loaded: send loadRoads first');
    if (profile === roads.driving.profile.name) return roads.driving;
    if (!roads.raw) throw new CoreError('invalid-argument', `the ${profile} network needs the road file itself: a prebuilt binary graph has no raw ways (driving times still work)`);
    const cached = networks.get(profile);
    if (cached && cached.raw === roads.raw) return cached.net;
    const net = roadNetworkFromRaw(roads.raw, getSpeedProfile(profile));
    networks.set(profile, { raw: roads.raw, net });
    choiceCache.clear();
    return net;
  };

  return {
    async typhoonTrack({ text, places }, ctx) {
      const { track, format, issues } = readTyphoonTrack(text);
      if (!track) return { result: { track, format, issues, states: [], windTimes: [], insideByThreshold: {} } };
      await ctx.checkpoint();
      const states = stormStates(track);
      const lngLats = places.map((p) => p.lngLat);
      const windTimes = windCircleTimes(track, lngLats, states);
      await ctx.checkpoint();
      const H = states.length;
      const insideByThreshold: Record<string, Uint8Array> = Object.fromEntries(track.thresholdsKt.map((k) => [k, new Uint8Array(places.length * H)]));
      states.forEach((s, h) => {
        const inside = placesInside(s, track.thresholdsKt, lngLats);
        for (const k of track.thresholdsKt) for (const i of inside[k]!) insideByThreshold[k]![i * H + h] = 1;
      });
      return { result: { track, format, issues, states, windTimes, insideByThreshold }, transfer: Object.values(insideByThreshold).map((a) => a.buffer) };
    },
    async typhoonLeaveBy({ villages, shelters, nearestShelterIds, profile, marginMinutes, assignments }, ctx) {
      const net = networkFor(profile);
      const inside = villages.filter((v) => v.firstInsideMs !== null);
      const key = JSON.stringify([profile, inside.map((v) => v.id), shelters.map((s) => s.id), nearestShelterIds ?? null, assignments ?? null]);
      let choices = choiceCache.get(key);
      if (!choices) {
        await ctx.checkpoint();
        choices = shelterTravelTimes(net, inside, shelters, {
          assignments: assignments ? new Map(assignments) : undefined,
          nearestAmong: nearestShelterIds ? new Set(nearestShelterIds) : undefined,
          signal: ctx.signal,
        });
        choiceCache.set(key, choices);
      }
      return { result: { rows: leaveByRows(inside, choices, -Infinity, marginMinutes) } };
    },
  };
}
