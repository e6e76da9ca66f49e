import { CoreError, createRoadNetwork, buildRoadGraph, WALKING_PROFILE, type RawRoads, type RoadNetwork } from '../core';
import type { ComputeHandlers } from './compute-host';
import { loadHighsSolver } from './highs-loader';
import { PlannerSession } from './planner-session';

type PlannerNames = 'plannerSetData' | 'plannerCoverage' | 'plannerShelters' | 'plannerSuggestStations' | 'plannerSuggestShelters' | 'plannerCutOff';

/**
 * The planner's messages over one PlannerSession, built when the roads are loaded (driving
 * network = the worker's; the walking network from the same raw ways with the walking profile).
 */
export function createPlannerHandlers(roads: () => { net: RoadNetwork | null; raw: RawRoads | null }): Pick<ComputeHandlers, PlannerNames> {
  let session: PlannerSession | null = null;
  let builtFor: RoadNetwork | null = null;
  const sessionOf = (): PlannerSession => {
    const { net, raw } = roads();
    if (!net) throw new CoreError('invalid-argument', 'no road network loaded: send loadRoads first');
    if (!raw) throw new CoreError('invalid-argument', 'the planner builds its walking network from the road file itself: load a road file, not a prebuilt binary graph');
    if (!session || builtFor !== net) {
      session = new PlannerSession(net, createRoadNetwork(buildRoadGraph(raw, WALKING_PROFILE), WALKING_PROFILE), loadHighsSolver);
      builtFor = net;
    }
    return session;
  };
  const ready = (): PlannerSession => {
    const s = sessionOf();
    if (!hasData) throw new CoreError('invalid-argument', 'no planner data: send plannerSetData first');
    return s;
  };
  let hasData = false;
  return {
    plannerSetData(d) {
      sessionOf().setData(d);
      hasData = true;
      return { result: { villages: d.villages.length, shelters: d.shelters.length, stations: d.stations.length } };
    },
    plannerCoverage(p) {
      return { result: ready().coverage(p) };
    },
    async plannerShelters(p) {
      return { result: await ready().shelterFigures(p) };
    },
    async plannerSuggestStations(p) {
      return { result: await ready().suggestStations(p) };
    },
    async plannerSuggestShelters(p) {
      return { result: await ready().suggestShelters(p) };
    },
    async plannerCutOff(p) {
      return { result: { shelters: await ready().cutOff(p) } };
    },
  };
}
