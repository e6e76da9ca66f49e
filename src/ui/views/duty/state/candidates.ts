import type { Resource, ResourceKind, StockItem } from '../../../../io/schemas/resource';
import type { DutyFilters } from './duty-params';

/** The kinds the duty view ranks, in list order. */
export const DUTY_KINDS = ['rescue_team', 'fire_station', 'depot', 'shelter'] as const satisfies readonly ResourceKind[];
export type DutyKind = (typeof DUTY_KINDS)[number];

export const isDutyKind = (k: string): k is DutyKind => (DUTY_KINDS as readonly string[]).includes(k);

/** ETA as officers read it: whole minutes rounded up (7 min 10 s → 8). */
export function etaMinutes(seconds: number): number {
  // 1e-9 s of float noise on an exact minute must not push 7:00 to 8
  return Math.max(0, Math.ceil(seconds / 60 - 1e-9));
}

export function kilometers(meters: number): string {
  return (meters / 1000).toFixed(1);
}

function stockOf(r: Resource, item: string): StockItem | undefined {
  return r.kind === 'depot' ? r.stock.find((s) => s.item === item) : undefined;
}

/** Whether a resource passes the officer's filters (status aside). */
export function passesDutyFilters(r: Resource, f: DutyFilters): boolean {
  switch (r.kind) {
    case 'rescue_team':
      return (f.teamSpecialty === 'all' || r.specialty === f.teamSpecialty) && r.members >= f.teamMinMembers;
    case 'depot':
      return f.depotItem === 'all' || (stockOf(r, f.depotItem)?.quantity ?? 0) >= Math.max(1, f.depotMinQuantity);
    case 'shelter':
      return (!f.shelterOpen || r.open) && r.capacity - r.occupancy >= f.shelterMinFree;
    default:
      return true;
  }
}

/**
 * The resources to rank: the duty kinds, in service only unless `includeInactive` (then the others
 * come too and are marked in the lists), passing the filters.
 */
export function dutyCandidates(byKind: Readonly<Record<ResourceKind, readonly Resource[]>>, f: DutyFilters, includeInactive: boolean): Resource[] {
  return DUTY_KINDS.flatMap((k) => byKind[k].filter((r) => (includeInactive || r.status === 'active') && passesDutyFilters(r, f)));
}

/** The items any depot holds, for the filter and supplies drop-downs (key, names, unit), by Chinese name. */
export function depotItems(depots: readonly Resource[]): Array<{ item: string; name: string; nameEn: string; unit: string }> {
  const byItem = new Map<string, { item: string; name: string; nameEn: string; unit: string }>();
  for (const d of depots) if (d.kind === 'depot') for (const s of d.stock) if (!byItem.has(s.item)) byItem.set(s.item, { item: s.item, name: s.name, nameEn: s.nameEn, unit: s.unit });
  return [...byItem.values()].sort((a, b) => a.nameEn.localeCompare(b.nameEn));
}

/** Depots holding any of the item, with their quantity (for the supplies plan). */
export function depotsHolding(depots: readonly Resource[], item: string, includeInactive: boolean): Array<{ id: string; quantity: number }> {
  const out: Array<{ id: string; quantity: number }> = [];
  for (const d of depots) {
    if (d.kind !== 'depot' || (!includeInactive && d.status !== 'active')) continue;
    const q = stockOf(d, item)?.quantity ?? 0;
    if (q > 0) out.push({ id: d.id, quantity: q });
  }
  return out;
}
