import { keepPreviousData, useQuery } from '@tanstack/react-query';
import villageEvacuationUrl from '../../data/taishun/village-evacuation.json?url';
import type { MultiPolygon, Polygon } from 'geojson';
import type { PlanningPoint } from '../core';
import { evacuationFromJson } from '../io/schemas/evacuation';
import { villagesFromGeoJson } from '../io/load-resources';
import type { Resource } from '../io/schemas/resource';
import { getComputeClient } from '../workers/compute-worker-instance';
import type { CoverageParams, ShelterParams } from '../workers/planner-session';
import type { BarrierSpec } from '../workers/protocol';
import { BASEMAP_URLS } from './data-urls';
import { fetchJson } from './fetch-json';
import { plannerInputs } from './planner-inputs';
import { useComputeNetwork } from './use-isochrone';

export const PLANNER_DATA_URLS = { villageEvacuation: villageEvacuationUrl } as const;

/**
 * Sends the planner's villages (with the synthetic people who must move), shelters and stations to
 * the worker once the roads are loaded. Data: counts and the evacuation file's label.
 */
export function usePlannerData(resources: readonly Resource[] | null) {
  const network = useComputeNetwork();
  return useQuery({
    queryKey: ['compute', 'planner', 'data', BASEMAP_URLS.roads, resources?.length ?? 0],
    queryFn: async ({ signal }) => {
      const [villagesJson, evacJson] = await Promise.all([fetchJson(BASEMAP_URLS.villages, signal), fetchJson(villageEvacuationUrl, signal)]);
      const villages = villagesFromGeoJson(villagesJson);
      const evacuation = evacuationFromJson(evacJson);
      const issues = [...villages.issues, ...evacuation.issues];
      if (issues.length) console.warn(`planner data: ${issues.length} rows dropped`, issues.slice(0, 5).map((i) => i.message));
      const inputs = plannerInputs(villages.places, evacuation.data, resources!);
      const counts = await getComputeClient().request('plannerSetData', inputs, { signal });
      return { ...counts, label: evacuation.data.label, mustMove: inputs.villages.reduce((s, v) => s + v.mustMove, 0), issueCount: issues.length };
    },
    enabled: network.isSuccess && resources !== null && resources.length > 0,
    staleTime: Infinity,
  });
}

function useReady(resources: readonly Resource[] | null) {
  const data = usePlannerData(resources);
  return { ready: data.isSuccess, dataKey: data.dataUpdatedAt, data };
}

/** Every village's best time, covered or not, township and county roll-up (worker). */
export function usePlannerCoverage(resources: readonly Resource[] | null, params: CoverageParams | null) {
  const { ready, dataKey } = useReady(resources);
  return useQuery({
    queryKey: ['compute', 'planner', 'coverage', dataKey, params],
    queryFn: ({ signal }) => getComputeClient().request('plannerCoverage', params!, { signal }),
    enabled: ready && params !== null,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

/** The covered area of the chosen stations and what-if sites as an image (by band or by catchment). */
export function usePlannerAreaRaster(
  stations: readonly PlanningPoint[] | null,
  bandsMinutes: readonly number[],
  catchments: boolean,
  colors: { bandColors: ReadonlyArray<readonly [number, number, number, number]>; palette: ReadonlyArray<readonly [number, number, number, number]> },
  barriers?: BarrierSpec,
) {
  const network = useComputeNetwork();
  return useQuery({
    queryKey: ['compute', 'planner', 'area', BASEMAP_URLS.roads, stations, bandsMinutes, catchments, barriers ?? null],
    queryFn: ({ signal }) => getComputeClient().request('plannerAreaRaster', { stations: stations!, bandsMinutes, catchments, barriers, ...colors }, { signal }),
    enabled: network.isSuccess && stations !== null && stations.length > 0 && bandsMinutes.length > 0,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

/** The county's gaps: where the chosen stations and what-if sites do not reach within the budget. */
export function usePlannerGaps(
  stations: readonly PlanningPoint[] | null,
  budgetMinutes: number,
  within: Polygon | MultiPolygon | null,
  barriers?: BarrierSpec,
) {
  const network = useComputeNetwork();
  return useQuery({
    queryKey: ['compute', 'planner', 'gaps', BASEMAP_URLS.roads, stations, budgetMinutes, within !== null, barriers ?? null],
    queryFn: ({ signal }) => getComputeClient().request('plannerGaps', { stations: stations!, budgetMinutes, within: within!, barriers }, { signal }),
    enabled: network.isSuccess && stations !== null && stations.length > 0 && budgetMinutes > 0 && within !== null,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

/** Both shelter assignments (nearest; capacity-aware LP in HiGHS). */
export function usePlannerShelters(resources: readonly Resource[] | null, params: ShelterParams | null) {
  const { ready, dataKey } = useReady(resources);
  return useQuery({
    queryKey: ['compute', 'planner', 'shelters', dataKey, params],
    queryFn: ({ signal }) => getComputeClient().request('plannerShelters', params!, { signal }),
    enabled: ready && params !== null,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

export function usePlannerStationSuggestions(resources: readonly Resource[] | null, params: (CoverageParams & { p: number; extraCandidates?: readonly PlanningPoint[] }) | null) {
  const { ready, dataKey } = useReady(resources);
  return useQuery({
    queryKey: ['compute', 'planner', 'suggest-stations', dataKey, params],
    queryFn: ({ signal }) => getComputeClient().request('plannerSuggestStations', params!, { signal }),
    enabled: ready && params !== null,
    staleTime: Infinity,
  });
}

export function usePlannerShelterSuggestions(resources: readonly Resource[] | null, params: (ShelterParams & { capacity: number; p: number; extraCandidates?: readonly PlanningPoint[] }) | null) {
  const { ready, dataKey } = useReady(resources);
  return useQuery({
    queryKey: ['compute', 'planner', 'suggest-shelters', dataKey, params],
    queryFn: ({ signal }) => getComputeClient().request('plannerSuggestShelters', params!, { signal }),
    enabled: ready && params !== null,
    staleTime: Infinity,
  });
}

/** Storm mode: shelters the closures cut off from villages that could walk there before. */
export function usePlannerCutOff(resources: readonly Resource[] | null, params: ShelterParams | null) {
  const { ready, dataKey } = useReady(resources);
  return useQuery({
    queryKey: ['compute', 'planner', 'cut-off', dataKey, params],
    queryFn: ({ signal }) => getComputeClient().request('plannerCutOff', params!, { signal }),
    enabled: ready && params !== null && Boolean(params.barriers?.floodPolygons?.length || params.barriers?.closedWayIds?.length),
    staleTime: Infinity,
  });
}
