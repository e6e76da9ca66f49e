/**
 * Resource schemas: one zod object per kind, discriminated on `kind`.
 * Coordinates are [lng, lat] WGS-84. Validation never throws in the loaders: see load-resources.ts.
 */
import './zod-jitless';
import { z } from 'zod';

export const RESOURCE_KINDS = ['shelter', 'rescue_team', 'fire_station', 'depot', 'camera'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_STATUSES = ['active', 'inactive', 'maintenance'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** [lng, lat], finite, lng in -180..180, lat in -90..90. */
export const LngLatSchema = z.tuple([
  z.number().min(-180, 'longitude must be >= -180').max(180, 'longitude must be <= 180'),
  z.number().min(-90, 'latitude must be >= -90').max(90, 'latitude must be <= 90'),
]);
export type LngLat = z.infer<typeof LngLatSchema>;

const count = () => z.number().int().min(0);

const baseShape = {
  id: z.string().min(1),
  /** Chinese name; a plain string (never rendered as HTML). */
  name: z.string().min(1),
  nameEn: z.string().optional(),
  lngLat: LngLatSchema,
  /** Township id, e.g. "T01". */
  township: z.string().min(1),
  status: z.enum(RESOURCE_STATUSES),
  updatedAt: z.iso.datetime({ offset: true }),
  synthetic: z.boolean().optional(),
};

export const ShelterSchema = z
  .object({
    ...baseShape,
    kind: z.literal('shelter'),
    /** People. */
    capacity: count(),
    /** People currently sheltered, 0..capacity. */
    occupancy: count(),
    open: z.boolean(),
    typhoonSafe: z.boolean(),
    level: z.enum(['county', 'township', 'village']),
    address: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.occupancy > s.capacity)
      ctx.addIssue({
        code: 'custom',
        path: ['occupancy'],
        input: s.occupancy,
        message: `occupancy ${s.occupancy} exceeds capacity ${s.capacity}`,
      });
  });

export const TEAM_CATEGORIES = ['professional', 'township', 'village', 'enterprise', 'social'] as const;
export const TEAM_SPECIALTIES = [
  'comprehensive',
  'fire',
  'flood',
  'mountain',
  'medical',
  'power',
  'communication',
  'hazmat',
] as const;

export const RescueTeamSchema = z.object({
  ...baseShape,
  kind: z.literal('rescue_team'),
  category: z.enum(TEAM_CATEGORIES),
  specialty: z.enum(TEAM_SPECIALTIES),
  members: z.number().int().min(1),
  vehicles: count(),
  phone: z.string(),
});

export const FireStationSchema = z.object({
  ...baseShape,
  kind: z.literal('fire_station'),
  level: z.enum(['county', 'township']),
  fullTime: z.boolean(),
  staff: count(),
  vehicles: count(),
  phone: z.string(),
});

export const STOCK_CATEGORIES = ['machine', 'small', 'county'] as const;

export const StockItemSchema = z.object({
  /** Stable key, e.g. "satellite_phone". */
  item: z.string().regex(/^[a-z][a-z0-9_]*$/, 'item must be a lower_snake_case key'),
  name: z.string().min(1),
  nameEn: z.string(),
  category: z.enum(STOCK_CATEGORIES),
  quantity: count(),
  unit: z.string(),
});

export const DepotSchema = z.object({
  ...baseShape,
  kind: z.literal('depot'),
  level: z.enum(['county', 'township']),
  stock: z.array(StockItemSchema),
});

export const CAMERA_TYPES = ['rain_gauge', 'water_gauge', 'shelter', 'mine'] as const;

export const CameraSchema = z.object({
  ...baseShape,
  kind: z.literal('camera'),
  cameraType: z.enum(CAMERA_TYPES),
  /** The demo points at same-origin synthetic clips (public/demo-cameras/); the page loads only http(s) URLs (checkStreamUrl). */
  stream: z.object({
    protocol: z.enum(['rtsp', 'hls', 'snapshot']),
    url: z.string().min(1),
  }),
  /** Shelter id or mine id the camera watches. */
  siteId: z.string().optional(),
});

export const ResourceSchema = z.discriminatedUnion('kind', [
  ShelterSchema,
  RescueTeamSchema,
  FireStationSchema,
  DepotSchema,
  CameraSchema,
]);

export type Resource = z.infer<typeof ResourceSchema>;
export type Shelter = z.infer<typeof ShelterSchema>;
export type RescueTeam = z.infer<typeof RescueTeamSchema>;
export type FireStation = z.infer<typeof FireStationSchema>;
export type Depot = z.infer<typeof DepotSchema>;
export type StockItem = z.infer<typeof StockItemSchema>;
export type Camera = z.infer<typeof CameraSchema>;
export type ResourceOfKind<K extends ResourceKind> = Extract<Resource, { kind: K }>;

export function isResourceKind(value: unknown): value is ResourceKind {
  return typeof value === 'string' && (RESOURCE_KINDS as readonly string[]).includes(value);
}

/** File name of each kind in data/<area>/resources/. */
export const RESOURCE_FILE_NAMES: Record<ResourceKind, string> = {
  shelter: 'shelters.geojson',
  rescue_team: 'rescue-teams.geojson',
  fire_station: 'fire-stations.geojson',
  depot: 'depots.geojson',
  camera: 'cameras.geojson',
};
