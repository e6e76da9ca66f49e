import { shelterState, type ResourceKind, type ShelterState } from '../../config/resource-kinds';

export type ResourceStatus = 'active' | 'inactive' | 'maintenance';
export const RESOURCE_STATUSES: readonly ResourceStatus[] = ['active', 'inactive', 'maintenance'];

/** The fields filters look at; resources from src/io satisfy this structurally. */
export interface FilterableResource {
  id: string;
  kind: ResourceKind;
  status: ResourceStatus;
  township: string;
  specialty?: string;
  capacity?: number;
  occupancy?: number;
  /** Shelters: open tonight (a different thing from `status`, the service status). */
  open?: boolean;
}

export interface ResourceFilters {
  status: ResourceStatus | 'all';
  township: string | 'all';
  /** Restricts rescue teams only. */
  specialty: string | 'all';
  /** Restricts shelters only: capacity − occupancy must reach this. */
  minFreePlaces: number;
  /** Restricts shelters only: tonight's state (open with free places / full / not open). */
  shelterTonight: ShelterState | 'all';
}

export const DEFAULT_FILTERS: ResourceFilters = { status: 'all', township: 'all', specialty: 'all', minFreePlaces: 0, shelterTonight: 'all' };

export function freePlaces(r: Pick<FilterableResource, 'capacity' | 'occupancy'>): number {
  return Math.max(0, (r.capacity ?? 0) - (r.occupancy ?? 0));
}

export function matchesFilters(r: FilterableResource, f: ResourceFilters): boolean {
  if (f.status !== 'all' && r.status !== f.status) return false;
  if (f.township !== 'all' && r.township !== f.township) return false;
  if (r.kind === 'rescue_team' && f.specialty !== 'all' && r.specialty !== f.specialty) return false;
  if (r.kind === 'shelter' && f.minFreePlaces > 0 && freePlaces(r) < f.minFreePlaces) return false;
  if (r.kind === 'shelter' && f.shelterTonight !== 'all' && shelterTonightOf(r) !== f.shelterTonight) return false;
  return true;
}

export function shelterTonightOf(r: Pick<FilterableResource, 'open' | 'capacity' | 'occupancy'>): ShelterState {
  return shelterState({ open: r.open === true, capacity: r.capacity ?? 0, occupancy: r.occupancy ?? 0 });
}

/** How many shelters are open (with free places), full and not open tonight. */
export function countShelterTonight(resources: readonly FilterableResource[]): Record<ShelterState, number> {
  const out: Record<ShelterState, number> = { open: 0, full: 0, closed: 0 };
  for (const r of resources) if (r.kind === 'shelter') out[shelterTonightOf(r)] += 1;
  return out;
}

export function filterResources<R extends FilterableResource>(resources: readonly R[], f: ResourceFilters): R[] {
  return resources.filter((r) => matchesFilters(r, f));
}

export function isDefaultFilters(f: ResourceFilters): boolean {
  return f.status === 'all' && f.township === 'all' && f.specialty === 'all' && f.minFreePlaces <= 0 && f.shelterTonight === 'all';
}

/** Distinct values of a team field, sorted, for the specialty drop-down. */
export function distinctSpecialties(resources: readonly FilterableResource[]): string[] {
  const values = new Set<string>();
  for (const r of resources) if (r.kind === 'rescue_team' && r.specialty) values.add(r.specialty);
  return [...values].sort();
}
