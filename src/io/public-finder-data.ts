/**
 * What the public shelter finder may publish: the shelters' public fields, village and township
 * names, and nothing else. Built at build time (scripts/public/build-public-data.ts) into one
 * compact same-origin file, the only data the finder needs for its first answer. Every field is
 * picked by name (never spread), so a field added to the bureau's files does not leak by default.
 */
import type { IoIssue } from './schemas/issue';
import { makeIoIssue } from './schemas/issue';
import { resourcesFromGeoJson, townshipsFromGeoJson, villagesFromGeoJson } from './load-resources';
import type { Shelter } from './schemas/resource';

/** A shelter as the public sees it. Coordinates [lng, lat] WGS-84, as in the bureau's file (so walking times equal the CLI's). */
export interface PublicShelter {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly township: string;
  readonly address?: string;
  /** the shelter's public duty phone */
  readonly phone?: string;
  readonly capacity: number;
  readonly occupancy: number;
  readonly open: boolean;
  readonly typhoonSafe: boolean;
  /** ISO time the record was last updated by the bureau */
  readonly updatedAt: string;
  readonly lngLat: readonly [number, number];
}

export interface PublicVillage {
  readonly id: string;
  readonly name: string;
  readonly township: string;
  readonly lngLat: readonly [number, number];
}

export interface PublicTownship {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
}

export interface FinderData {
  readonly synthetic: boolean;
  /** the newest `updatedAt` of any shelter: how old the data is */
  readonly dataAsOf: string;
  readonly shelters: readonly PublicShelter[];
  readonly villages: readonly PublicVillage[];
  readonly townships: readonly PublicTownship[];
}

/** The public fields of a shelter record, by name. */
export const PUBLIC_SHELTER_FIELDS = [
  'id', 'name', 'nameEn', 'township', 'address', 'phone', 'capacity', 'occupancy', 'open', 'typhoonSafe', 'updatedAt', 'lngLat',
] as const satisfies ReadonlyArray<keyof PublicShelter>;

const lngLatOf = (p: readonly [number, number]): [number, number] => [p[0], p[1]];

function publicShelter(s: Shelter, phone: string | undefined): PublicShelter {
  return {
    id: s.id,
    name: s.name,
    ...(s.nameEn ? { nameEn: s.nameEn } : {}),
    township: s.township,
    ...(s.address ? { address: s.address } : {}),
    ...(phone ? { phone } : {}),
    capacity: s.capacity,
    occupancy: s.occupancy,
    // a shelter is open to the public only when it is both active and opened
    open: s.open && s.status === 'active',
    typhoonSafe: s.typhoonSafe,
    updatedAt: s.updatedAt,
    lngLat: lngLatOf(s.lngLat),
  };
}

const PHONE = /^[0-9+][0-9 -]{2,19}$/;

/**
 * Shelters (GeoJSON) + shelter duty phones ({phones: {id: "0577-…"}}) + townships + villages →
 * the public finder's data. Bad rows are reported as issues and left out; valid rows are kept.
 */
export function buildFinderData(input: { shelters: unknown; contacts?: unknown; townships: unknown; villages: unknown; synthetic?: boolean }): { data: FinderData; issues: IoIssue[] } {
  const issues: IoIssue[] = [];
  const loaded = resourcesFromGeoJson(input.shelters, 'shelter');
  issues.push(...loaded.issues);
  const phones = new Map<string, string>();
  const rawPhones = (input.contacts as { phones?: unknown } | undefined)?.phones;
  if (rawPhones && typeof rawPhones === 'object') {
    for (const [id, phone] of Object.entries(rawPhones as Record<string, unknown>)) {
      if (typeof phone === 'string' && PHONE.test(phone)) phones.set(id, phone);
      else issues.push(makeIoIssue({ row: -1, id, field: `phones.${id}`, value: phone, problem: 'is not a phone number (digits, spaces, dashes)' }));
    }
  }
  const shelters = loaded.resources
    .filter((r): r is Shelter => r.kind === 'shelter')
    .map((s) => publicShelter(s, phones.get(s.id)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const t = townshipsFromGeoJson(input.townships);
  const v = villagesFromGeoJson(input.villages);
  issues.push(...t.issues, ...v.issues);
  const dataAsOf = shelters.reduce((max, s) => (s.updatedAt > max ? s.updatedAt : max), '');
  return {
    data: {
      synthetic: input.synthetic ?? true,
      dataAsOf,
      shelters,
      villages: v.places.map((p) => ({ id: p.id, name: p.name, township: p.township, lngLat: lngLatOf(p.lngLat) })),
      townships: t.places.map((p) => ({ id: p.id, name: p.name, ...(p.nameEn ? { nameEn: p.nameEn } : {}) })),
    },
    issues,
  };
}
