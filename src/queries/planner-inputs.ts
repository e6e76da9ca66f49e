import type { EvacuationData } from '../io/schemas/evacuation';
import type { Village } from '../io/schemas/place';
import type { Resource } from '../io/schemas/resource';
import type { PlannerShelter, PlannerStation, PlannerVillage } from '../workers/planner-session';

/** The kinds a planner can count as stations in the rescue circle. */
export const STATION_KINDS = ['fire_station', 'rescue_team'] as const;

/** The worker's planner data from the validated demo files (pure; used by the hook and the bench). */
export function plannerInputs(villages: readonly Village[], evacuation: EvacuationData, resources: readonly Resource[]) {
  const plannerVillages: PlannerVillage[] = villages.map((v) => ({
    id: v.id, township: v.township, lngLat: v.lngLat, population: v.population, mustMove: evacuation.byVillage.get(v.id)?.mustMove ?? 0,
  }));
  const shelters: PlannerShelter[] = resources.flatMap((r) => (r.kind === 'shelter'
    ? [{ id: r.id, township: r.township, lngLat: r.lngLat, capacity: r.capacity, typhoonSafe: r.typhoonSafe, active: r.status === 'active' }]
    : []));
  const stations: PlannerStation[] = resources.flatMap((r) => ((STATION_KINDS as readonly string[]).includes(r.kind) && r.status === 'active'
    ? [{ id: r.id, kind: r.kind, lngLat: r.lngLat }]
    : []));
  return { villages: plannerVillages, shelters, stations };
}
