/**
 * The manifest of a generated dataset (today: the synthetic province of `npm run province:data`),
 * read by the app when it is opened with `?dataset=…`. Paths are relative to the manifest's own
 * URL, so the folder can be served anywhere on the app's origin.
 */
import './zod-jitless';
import { z } from 'zod';
import { RESOURCE_KINDS } from './resource';

const relativePath = z
  .string()
  .min(1)
  .refine((p) => !/^[a-z][a-z0-9+.-]*:/i.test(p) && !p.startsWith('/') && !p.startsWith('\\') && !p.split('/').includes('..'), 'must be a path inside the dataset folder');

export const DatasetManifestSchema = z.object({
  onemap: z.literal('dataset'),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** Every generated dataset is synthetic (示意) and says so wherever a user sees it. */
  synthetic: z.literal(true),
  seed: z.number().int(),
  generator: z.string().min(1),
  /** [minLng, minLat, maxLng, maxLat] */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  roads: z.object({
    /** the binary road graph (serializeRoadGraph), loaded by the compute worker as it is */
    graph: relativePath,
    graphBytes: z.number().int().min(1),
    nodeCount: z.number().int().min(1),
    edgeCount: z.number().int().min(1),
    /** the roads the basemap draws (the major classes only), GeoJSON LineStrings with `highway` */
    drawn: relativePath,
    drawnClasses: z.array(z.string().min(1)),
    drawnEdgeCount: z.number().int().min(0),
    /**
     * the drawn roads as vector tiles (`{z}/{x}/{y}` in the path, one layer), which MapLibre fetches
     * and parses in its worker; without them the basemap reads `drawn` as GeoJSON (older datasets)
     */
    drawnTiles: z.object({
      path: relativePath.refine((p) => ['{z}', '{x}', '{y}'].every((k) => p.includes(k)), 'must hold {z}, {x} and {y}'),
      layer: z.string().min(1),
      minzoom: z.number().int().min(0).max(22),
      maxzoom: z.number().int().min(0).max(22),
    }).optional(),
  }),
  /** the area's outline (a GeoJSON FeatureCollection of one Polygon), drawn as the county layer is */
  outline: relativePath,
  resources: z.object(Object.fromEntries(RESOURCE_KINDS.map((k) => [k, z.object({ file: relativePath, count: z.number().int().min(0) })])) as {
    [K in (typeof RESOURCE_KINDS)[number]]: z.ZodObject<{ file: typeof relativePath; count: z.ZodNumber }>;
  }),
});

export type DatasetManifest = z.infer<typeof DatasetManifestSchema>;

/** The manifest, or one plain sentence per problem naming the field. */
export function parseDatasetManifest(input: unknown): { manifest: DatasetManifest } | { problems: string[] } {
  const r = DatasetManifestSchema.safeParse(input);
  if (r.success) return { manifest: r.data };
  return { problems: r.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
}
