import { useMemo } from 'react';
import type { PlanningPoint } from '../../../core';
import type { Resource } from '../../../io/schemas/resource';
import {
  usePlannerAreaRaster, usePlannerCoverage, usePlannerGaps, usePlannerCutOff, usePlannerData, usePlannerShelters, usePlannerShelterSuggestions, usePlannerStationSuggestions,
} from '../../../queries/use-planner';
import type { BarrierSpec } from '../../../workers/protocol';
import type { ViewProps } from '../types';
import { bandsOf, candidateId, whatIfShelterId, whatIfStationId, type PlannerState } from './state/planner-params';
import type { NameLookup } from './state/tables';
import { AREA_BAND_COLORS, CATCHMENT_PALETTE } from './state/map-layers';

const AREA_COLORS = { bandColors: AREA_BAND_COLORS, palette: CATCHMENT_PALETTE };

/** Every figure the planner shows, as TanStack queries on the worker, from the view's state. */
export function usePlannerModel(props: ViewProps, state: PlannerState) {
  const { resourcesByKind, dataReady, data } = props;
  const resources = useMemo<Resource[] | null>(
    () => (dataReady ? [...resourcesByKind.shelter, ...resourcesByKind.fire_station, ...resourcesByKind.rescue_team] : null),
    [dataReady, resourcesByKind],
  );
  const lookups = useMemo(() => {
    const villages = new Map<string, { name: string; township: string; lngLat: readonly [number, number]; population: number }>();
    const townships = new Map<string, { name: string; nameEn?: string; lngLat: readonly [number, number] }>();
    for (const p of data.places) {
      if (p.target === 'village') villages.set(p.id, { name: p.name, township: p.township ?? '', lngLat: p.lngLat, population: p.population ?? 0 });
      else townships.set(p.id, { name: p.name, nameEn: p.nameEn, lngLat: p.lngLat });
    }
    const names: NameLookup = {
      village: (id) => villages.get(id),
      township: (id) => (props.lang === 'en' ? townships.get(id)?.nameEn : undefined) ?? townships.get(id)?.name ?? id,
    };
    const population = new Map([...villages].map(([id, v]) => [id, v.population]));
    const shelterTownship = new Map(resourcesByKind.shelter.map((s) => [s.id, s.township]));
    return { villages, townships, names, population, shelterTownship };
  }, [data.places, props.lang, resourcesByKind.shelter]);

  const barriers = useMemo<BarrierSpec | undefined>(() => (state.flood.length ? { floodPolygons: state.flood } : undefined), [state.flood]);
  const sites = useMemo<PlanningPoint[]>(() => state.sites.map((p, i) => ({ id: whatIfStationId(i), lngLat: p })), [state.sites]);
  const newShelters = useMemo(() => state.newShelters.map((n, i) => ({ id: whatIfShelterId(i), lngLat: n.lngLat, capacity: n.capacity })), [state.newShelters]);
  const extraCandidates = useMemo<PlanningPoint[]>(() => state.candidates.map((p, i) => ({ id: candidateId(i), lngLat: p })), [state.candidates]);

  const coverageParams = useMemo(() => ({ kinds: state.kinds, budgetMinutes: state.budgetMinutes, turnoutMinutes: state.turnoutMinutes, sites }), [state.kinds, state.budgetMinutes, state.turnoutMinutes, sites]);
  const shelterParams = useMemo(() => ({ share: state.share, typhoonSafeOnly: state.typhoonSafeOnly, maxWalkMinutes: state.walkMinutes, newShelters }), [state.share, state.typhoonSafeOnly, state.walkMinutes, newShelters]);
  const stormOn = state.tab === 'storm' && barriers !== undefined;

  const plannerData = usePlannerData(resources);
  const coverage = usePlannerCoverage(resources, coverageParams);
  const stormCoverage = usePlannerCoverage(resources, barriers ? { ...coverageParams, barriers } : null);
  const shelters = usePlannerShelters(resources, shelterParams);
  const stationSuggestions = usePlannerStationSuggestions(resources, state.tab === 'sites' ? { ...coverageParams, p: state.p, extraCandidates } : null);
  const shelterSuggestions = usePlannerShelterSuggestions(resources, state.tab === 'sites' ? { ...shelterParams, capacity: state.newCapacity, p: state.p, extraCandidates } : null);
  const cutOff = usePlannerCutOff(resources, stormOn ? { ...shelterParams, barriers } : null);

  // The covered area: stations of the chosen kinds in service plus the what-ifs; bands in travel minutes.
  const areaStations = useMemo<PlanningPoint[] | null>(() => {
    if (!resources) return null;
    const own = resources.filter((r) => (state.kinds as readonly string[]).includes(r.kind) && r.status === 'active').map((r) => ({ id: r.id, lngLat: r.lngLat }));
    return [...own, ...sites];
  }, [resources, state.kinds, sites]);
  const travelBands = useMemo(() => bandsOf(state).map((m) => m - state.turnoutMinutes).filter((m) => m > 0), [state]);
  const area = usePlannerAreaRaster(areaStations, travelBands, state.catchments, AREA_COLORS, stormOn ? barriers : undefined);
  // The gaps: the county outside the budget's covered area (travel minutes: the budget less turnout).
  const county = useMemo(() => {
    const g = props.basemap?.county.features[0]?.geometry;
    return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? g : null;
  }, [props.basemap]);
  const gaps = usePlannerGaps(areaStations, state.budgetMinutes - state.turnoutMinutes, county, stormOn ? barriers : undefined);

  return { resources, lookups, barriers, stormOn, sites, newShelters, extraCandidates, plannerData, coverage, stormCoverage, shelters, stationSuggestions, shelterSuggestions, cutOff, area, gaps, travelBands };
}

export type PlannerModel = ReturnType<typeof usePlannerModel>;
