import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  distinctSpecialties,
  filterResources,
  freePlaces,
  isDefaultFilters,
  countShelterTonight,
  type FilterableResource,
} from '../../src/ui/state/filters';

const rows: FilterableResource[] = [
  { id: 'SH1', kind: 'shelter', status: 'active', township: 'T01', capacity: 100, occupancy: 20 },
  { id: 'SH2', kind: 'shelter', status: 'inactive', township: 'T02', capacity: 50, occupancy: 45 },
  { id: 'RT1', kind: 'rescue_team', status: 'active', township: 'T01', specialty: 'flood' },
  { id: 'RT2', kind: 'rescue_team', status: 'maintenance', township: 'T02', specialty: 'mountain' },
  { id: 'CAM1', kind: 'camera', status: 'active', township: 'T02' },
];
const ids = (xs: FilterableResource[]) => xs.map((r) => r.id);

describe('filters', () => {
  it('default filters keep everything', () => {
    expect(isDefaultFilters(DEFAULT_FILTERS)).toBe(true);
    expect(filterResources(rows, DEFAULT_FILTERS)).toHaveLength(rows.length);
  });
  it('status and township apply to every kind', () => {
    expect(ids(filterResources(rows, { ...DEFAULT_FILTERS, status: 'active' }))).toEqual(['SH1', 'RT1', 'CAM1']);
    expect(ids(filterResources(rows, { ...DEFAULT_FILTERS, township: 'T02' }))).toEqual(['SH2', 'RT2', 'CAM1']);
  });
  it('specialty restricts teams only', () => {
    expect(ids(filterResources(rows, { ...DEFAULT_FILTERS, specialty: 'flood' }))).toEqual(['SH1', 'SH2', 'RT1', 'CAM1']);
  });
  it('minimum free places restricts shelters only', () => {
    expect(ids(filterResources(rows, { ...DEFAULT_FILTERS, minFreePlaces: 10 }))).toEqual(['SH1', 'RT1', 'RT2', 'CAM1']);
  });
  it('free places never go negative', () => {
    expect(freePlaces({ capacity: 10, occupancy: 30 })).toBe(0);
    expect(freePlaces({ capacity: 100, occupancy: 20 })).toBe(80);
  });
  it('lists distinct team specialties, sorted', () => {
    expect(distinctSpecialties(rows)).toEqual(['flood', 'mountain']);
  });
});

describe('shelters tonight vs service status', () => {
  const shelters: FilterableResource[] = [
    { id: 'A', kind: 'shelter', status: 'active', township: 'T01', capacity: 10, occupancy: 2, open: true },
    { id: 'B', kind: 'shelter', status: 'active', township: 'T01', capacity: 10, occupancy: 10, open: true },
    { id: 'C', kind: 'shelter', status: 'active', township: 'T01', capacity: 10, occupancy: 0, open: false },
    { id: 'D', kind: 'shelter', status: 'maintenance', township: 'T01', capacity: 10, occupancy: 0, open: false },
    { id: 'T', kind: 'rescue_team', status: 'active', township: 'T01' },
  ];
  it('"active" (in service) keeps closed shelters; "open tonight" is its own filter', () => {
    expect(ids(filterResources(shelters, { ...DEFAULT_FILTERS, status: 'active' }))).toEqual(['A', 'B', 'C', 'T']);
    expect(ids(filterResources(shelters, { ...DEFAULT_FILTERS, shelterTonight: 'open' }))).toEqual(['A', 'T']);
    expect(ids(filterResources(shelters, { ...DEFAULT_FILTERS, shelterTonight: 'full' }))).toEqual(['B', 'T']);
    expect(ids(filterResources(shelters, { ...DEFAULT_FILTERS, shelterTonight: 'closed' }))).toEqual(['C', 'D', 'T']);
    expect(isDefaultFilters({ ...DEFAULT_FILTERS, shelterTonight: 'open' })).toBe(false);
  });
  it('counts shelters by tonight’s state', () => {
    expect(countShelterTonight(shelters)).toEqual({ open: 1, full: 1, closed: 2 });
  });
});
