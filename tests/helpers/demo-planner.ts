/** The demo's planner session in Node, as the worker builds it (tests and bench). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRoadGraph, createRoadNetwork, parseRoads, roadNetworkFromRaw, WALKING_PROFILE } from '../../src/core';
import { evacuationFromJson, resourcesFromGeoJson, villagesFromGeoJson } from '../../src/io';
import { plannerInputs } from '../../src/queries/planner-inputs';
import { loadHighsSolver } from '../../src/workers/highs-loader';
import { PlannerSession } from '../../src/workers/planner-session';
import { REPO_ROOT } from './shared-reference';

export const DEMO_DIR = join(REPO_ROOT, 'data/taishun');
const json = (p: string) => JSON.parse(readFileSync(join(DEMO_DIR, p), 'utf8'));

export function demoPlannerInputs() {
  const villages = villagesFromGeoJson(json('villages.geojson')).places;
  const evacuation = evacuationFromJson(json('village-evacuation.json')).data;
  const resources = ['shelters', 'fire-stations', 'rescue-teams'].flatMap((f) => resourcesFromGeoJson(json(`resources/${f}.geojson`)).resources);
  return plannerInputs(villages, evacuation, resources);
}

export function demoPlannerSession(): PlannerSession {
  const raw = parseRoads('roads.geojson', readFileSync(join(DEMO_DIR, 'roads.geojson')));
  const s = new PlannerSession(roadNetworkFromRaw(raw), createRoadNetwork(buildRoadGraph(raw, WALKING_PROFILE), WALKING_PROFILE), loadHighsSolver);
  s.setData(demoPlannerInputs());
  return s;
}
