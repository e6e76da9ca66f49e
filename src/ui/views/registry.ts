import { DutyView } from './duty/DutyView';
import { TyphoonView } from './typhoon/TyphoonView';
import { PlannerView } from './planner/PlannerView';
import { withFaultBoundary } from '../components/FaultBoundary';
import { ImportView } from './import/ImportView';
import type { ViewDefinition } from './types';

/**
 * The views of the officer app, in switcher order; the first is the default. Adding a view: a
 * folder src/ui/views/<id>/ with its component, and one line here (see README.md beside this file).
 */
export const VIEWS: readonly ViewDefinition[] = [
  { id: 'duty', labelKey: 'views.duty', component: withFaultBoundary(DutyView) },
  { id: 'typhoon', labelKey: 'views.typhoon', component: withFaultBoundary(TyphoonView) },
  { id: 'planner', labelKey: 'views.planner', component: withFaultBoundary(PlannerView) },
  { id: 'import', labelKey: 'views.import', component: withFaultBoundary(ImportView) },
];

export const DEFAULT_VIEW_ID = VIEWS[0]!.id;
export const VIEW_IDS: readonly string[] = VIEWS.map((v) => v.id);

export function viewById(id: string): ViewDefinition {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0]!;
}
