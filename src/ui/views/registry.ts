import { DutyView } from './duty/DutyView';
import { TyphoonView } from './typhoon/TyphoonView';
import { PlannerView } from './planner/PlannerView';
import { withFaultBoundary } from '../components/FaultBoundary';
import { ImportView } from './import/ImportView';
import type { ViewDefinition } from './types';
import { RESOURCE_KINDS, type ResourceKind } from '../../config/resource-kinds';

/**
 * The views of the officer app, in switcher order; the first is the default. Adding a view: a
 * folder src/ui/views/<id>/ with its component, and one line here (see README.md beside this file).
 */
export const VIEWS: readonly ViewDefinition[] = [
  { id: 'duty', labelKey: 'views.duty', component: withFaultBoundary(DutyView) },
  { id: 'typhoon', labelKey: 'views.typhoon', component: withFaultBoundary(TyphoonView) },
  // The planner's questions are the circle, the shelters and the people; its coverage map opens
  // without the 2,071 cameras' clusters over it (one tick in the layer panel brings them back).
  { id: 'planner', labelKey: 'views.planner', component: withFaultBoundary(PlannerView), defaultVisibleKinds: RESOURCE_KINDS.filter((k) => k !== 'camera') },
  { id: 'import', labelKey: 'views.import', component: withFaultBoundary(ImportView) },
];

export const DEFAULT_VIEW_ID = VIEWS[0]!.id;
export const VIEW_IDS: readonly string[] = VIEWS.map((v) => v.id);

export function viewById(id: string): ViewDefinition {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0]!;
}

/** The layers a view shows by default (see ViewDefinition.defaultVisibleKinds). */
export function defaultKindsOfView(id: string): readonly ResourceKind[] {
  return viewById(id).defaultVisibleKinds ?? RESOURCE_KINDS;
}
