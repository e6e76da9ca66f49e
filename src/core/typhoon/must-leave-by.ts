/**
 * Must leave by = first hour inside the force-7 (34-kt) circle − travel time to the village's
 * shelter − a margin. Travel is village → shelter on the road network (road-network.md, the
 * profile the network was built with: walking or emergency-default driving).
 */
import { findNearestByTravelTime, snapResources } from '../routing/find-nearest-by-travel-time';
import type { RoadNetwork } from '../routing/road-network';

export const DEFAULT_MARGIN_MINUTES = 60;

export interface EvacuationPlace {
  readonly id: string;
  readonly lngLat: readonly [number, number];
}

export interface ShelterChoice {
  readonly villageId: string;
  /** null when no open shelter with places can be reached */
  readonly shelterId: string | null;
  readonly travelSeconds: number | null;
  /** 'assigned': the planner's assignment; 'nearest': the fastest open shelter with places */
  readonly how: 'assigned' | 'nearest';
}

/**
 * The shelter of each village and the time to get there. With `assignments` (village id → shelter
 * id, the planner's capacity-aware plan) a village goes to its assigned shelter; otherwise to the
 * fastest of `shelters` (the caller passes only open shelters with free places). One reverse
 * search per shelter reads every village's time to it (village → shelter, one-way streets right).
 */
export function shelterTravelTimes(
  net: RoadNetwork,
  villages: readonly EvacuationPlace[],
  shelters: readonly EvacuationPlace[],
  options: {
    assignments?: ReadonlyMap<string, string>;
    /** shelters a village without an assignment may be sent to (default: all of `shelters`); assigned ones may lie outside it */
    nearestAmong?: ReadonlySet<string>;
    closedEdges?: Uint8Array;
    signal?: AbortSignal;
  } = {},
): ShelterChoice[] {
  const snapped = snapResources(net, villages.map((v) => ({ id: v.id, kind: 'village', lngLat: v.lngLat })), options.closedEdges);
  const best = new Map<string, { shelterId: string; seconds: number }>();
  const assignedTime = new Map<string, number>();
  const assigned = options.assignments;
  for (const s of shelters) {
    const answer = findNearestByTravelTime(net, s.lngLat, snapped, { k: snapped.length, closedEdges: options.closedEdges, signal: options.signal });
    for (const r of answer.results) {
      if (assigned?.has(r.id)) {
        if (assigned.get(r.id) === s.id) assignedTime.set(r.id, r.seconds);
        continue;
      }
      if (options.nearestAmong && !options.nearestAmong.has(s.id)) continue;
      const b = best.get(r.id);
      if (!b || r.seconds < b.seconds || (r.seconds === b.seconds && s.id < b.shelterId)) best.set(r.id, { shelterId: s.id, seconds: r.seconds });
    }
  }
  return villages.map((v): ShelterChoice => {
    if (assigned?.has(v.id)) {
      const t = assignedTime.get(v.id);
      return { villageId: v.id, shelterId: assigned.get(v.id)!, travelSeconds: t ?? null, how: 'assigned' };
    }
    const b = best.get(v.id);
    return { villageId: v.id, shelterId: b?.shelterId ?? null, travelSeconds: b?.seconds ?? null, how: 'nearest' };
  });
}

export interface LeaveByRow {
  readonly villageId: string;
  readonly firstInsideMs: number;
  readonly shelterId: string | null;
  readonly travelSeconds: number | null;
  /** null when the shelter cannot be reached: no deadline can be given, the row is flagged */
  readonly mustLeaveByMs: number | null;
  /** the deadline is at or before `nowMs` (or there is no route): shown red */
  readonly late: boolean;
  readonly how: 'assigned' | 'nearest';
}

/** mustLeaveBy = firstInside − travel − margin, in epoch ms. */
export function mustLeaveByMs(firstInsideMs: number, travelSeconds: number, marginMinutes = DEFAULT_MARGIN_MINUTES): number {
  return firstInsideMs - travelSeconds * 1000 - marginMinutes * 60_000;
}

/**
 * One row per village that is ever inside the circle (firstInsideMs not null), most urgent first:
 * villages with no route, then by deadline ascending, ties by village id.
 */
export function leaveByRows(
  villages: ReadonlyArray<{ id: string; firstInsideMs: number | null }>,
  choices: readonly ShelterChoice[],
  nowMs: number,
  marginMinutes = DEFAULT_MARGIN_MINUTES,
): LeaveByRow[] {
  const byId = new Map(choices.map((c) => [c.villageId, c]));
  const rows: LeaveByRow[] = [];
  for (const v of villages) {
    if (v.firstInsideMs === null) continue;
    const c = byId.get(v.id);
    const travel = c?.travelSeconds ?? null;
    const deadline = travel === null ? null : mustLeaveByMs(v.firstInsideMs, travel, marginMinutes);
    rows.push({
      villageId: v.id, firstInsideMs: v.firstInsideMs, shelterId: c?.shelterId ?? null, travelSeconds: travel,
      mustLeaveByMs: deadline, late: deadline === null || deadline <= nowMs, how: c?.how ?? 'nearest',
    });
  }
  const key = (r: LeaveByRow) => (r.mustLeaveByMs === null ? -Infinity : r.mustLeaveByMs);
  return rows.sort((a, b) => key(a) - key(b) || (a.villageId < b.villageId ? -1 : a.villageId > b.villageId ? 1 : 0));
}
