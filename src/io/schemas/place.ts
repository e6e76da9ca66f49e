/** Schemas for the places of an area: townships (zones + seats) and villages. */
import './zod-jitless';
import { z } from 'zod';
import { LngLatSchema } from './resource';

export const TOWNSHIP_KINDS = ['town', 'township', 'reserve'] as const;

/** Properties of a feature in townships.geojson (geometry: the schematic zone polygon). */
export const TownshipPropertiesSchema = z.object({
  id: z.string().regex(/^T\d{2,}$/, 'township id looks like "T01"'),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  /** Statistical division code (12 digits or 9-digit prefix). */
  code: z.string().regex(/^\d{6,12}$/),
  kind: z.enum(TOWNSHIP_KINDS),
  seat: LngLatSchema,
  population: z.number().int().min(0),
  synthetic: z.boolean().optional(),
});
export type TownshipProperties = z.infer<typeof TownshipPropertiesSchema>;

/** A village as the app uses it: properties plus the point location. */
export const VillageSchema = z.object({
  id: z.string().regex(/^V\d{3,}$/, 'village id looks like "V001"'),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  /** Township id, e.g. "T01". */
  township: z.string().min(1),
  code: z.string().regex(/^\d{6,12}$/),
  population: z.number().int().min(0),
  lngLat: LngLatSchema,
  synthetic: z.boolean().optional(),
});
export type Village = z.infer<typeof VillageSchema>;

/** A township seat point (township-seats.geojson). */
export const TownshipSeatSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  lngLat: LngLatSchema,
  synthetic: z.boolean().optional(),
});
export type TownshipSeat = z.infer<typeof TownshipSeatSchema>;
