import type { ResourceKind } from '../../config/resource-kinds';

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
}

export interface ResourceFilters {
  status: ResourceStatus | 'all';
  township: string | 'all';
  /** Restricts rescue teams only. */
  specialty: string | 'all';
  /** Restricts shelters only: capacity − occupancy must reach this. */
  minFreePlaces: number;
}

export const DEFAULT_FILTERS: ResourceFilters = { status: 'all', township: 'all', specialty: 'all', minFreePlaces: 0 };

export function freePlaces(r: Pick<FilterableResource, 'capacity' | 'occupancy'>): number {
  return Math.max(0, (r.capacity ?? 0) - (r.occupancy ?? 0));
}

export function matchesFilters(r: FilterableResource, f: ResourceFilters): boolean {
  if (f.status !== 'all' && r.status !== f.status) return false;
  if (f.township !== 'all' && r.township !== f.township) return false;
  if (r.kind === 'rescue_team' && f.specialty !== 'all' && r.specialty !== f.specialty) return false;
  if (r.kind === 'shelter' && f.minFreePlaces > 0 && freePlaces(r) < f.minFreePlaces) return false;
  return true;
}

export function filterResources<R extends FilterableResource>(resources: readonly R[], f: ResourceFilters): R[] {
  return resources.filter((r) => matchesFilters(r, f));
}

export function isDefaultFilters(f: ResourceFilters): boolean {
  return f.status === 'all' && f.township === 'all' && f.specialty === 'all' && f.minFreePlaces <= 0;
}

/** Distinct values of a team field, sorted, for the specialty drop-down. */
export function distinctSpecialties(resources: readonly FilterableResource[]): string[] {
  const values = new Set<string>();
  for (const r of resources) if (r.kind === 'rescue_team' && r.specialty) values.add(r.specialty);
  return [...values].sort();
}
