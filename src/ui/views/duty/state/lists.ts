import type { Resource } from '../../../../io/schemas/resource';
import type { ResourceLookup } from '../../../state/use-derived-data';
import type { ComputeResult, UnreachableItem } from '../../../../workers/protocol';
import { DUTY_KINDS, type DutyKind } from './candidates';

export interface ListRow {
  id: string;
  kind: DutyKind;
  resource: Resource;
  straightLineMeters: number;
  /** by road (travel-time list only) */
  seconds: number | null;
  roadMeters: number | null;
  offRoadMeters: number | null;
  route: [number, number][] | null;
  /** not in service (listed only with the "others too" switch) */
  inactive: boolean;
}

export interface KindList {
  kind: DutyKind;
  /** which answer the rows are: the instant straight-line one, or the road travel-time one */
  mode: 'straight' | 'travel';
  rows: ListRow[];
  /** candidates of this kind with no travel time, and why */
  unreachable: Array<{ resource: Resource; reason: UnreachableItem['reason'] }>;
  /**
   * A large pool's bounded search (a province): this kind's candidates it did not reach within its
   * limit (farther, or no open road: it cannot tell), as ids — tens of thousands, looked up only
   * when shown. Null when the search was not bounded (then `unreachable` tells no road from far).
   */
  notReached: { withinSeconds: number; ids: readonly string[]; lookup: ResourceLookup } | null;
}

/**
 * The per-kind lists on screen: the travel-time answer when it is there, the straight-line one
 * until then (and for good when the incident is off the network). Ids the lookup does not know
 * (stale answers) are skipped.
 */
export function buildKindLists(
  straight: ComputeResult<'nearestStraightLine'> | undefined,
  travel: ComputeResult<'nearest'> | undefined,
  resourceById: ResourceLookup,
): KindList[] {
  return DUTY_KINDS.map((kind): KindList => {
    // An incident off the network has no travel times: keep showing the straight-line answer
    // (the view says plainly why).
    if (travel && travel.incidentReachable) {
      const rows: ListRow[] = [];
      for (const r of travel.results) {
        const res = resourceById.get(r.id);
        if (r.kind !== kind || !res) continue;
        rows.push({
          id: r.id, kind, resource: res, straightLineMeters: r.straightLineMeters, seconds: r.seconds, roadMeters: r.meters,
          offRoadMeters: r.offRoadMeters ?? null, route: r.route ?? null, inactive: res.status !== 'active',
        });
      }
      const unreachable = travel.unreachable.flatMap((u) => {
        const res = resourceById.get(u.id);
        return u.kind === kind && res ? [{ resource: res, reason: u.reason }] : [];
      });
      const notReached = travel.notReached ? { withinSeconds: travel.notReached.withinSeconds, ids: travel.notReached.idsByKind?.[kind] ?? [], lookup: resourceById } : null;
      return { kind, mode: 'travel', rows, unreachable, notReached };
    }
    const rows: ListRow[] = [];
    for (const r of straight?.results ?? []) {
      const res = resourceById.get(r.id);
      if (r.kind !== kind || !res) continue;
      rows.push({ id: r.id, kind, resource: res, straightLineMeters: r.straightLineMeters, seconds: null, roadMeters: null, offRoadMeters: null, route: null, inactive: res.status !== 'active' });
    }
    return { kind, mode: 'straight', rows, unreachable: [], notReached: null };
  });
}
