/**
 * sources.json, beside index.html in the build (editable after `npm run build`): where each
 * resource kind's data comes from. Keys are resource kinds; a kind not named keeps its embedded
 * demo file.
 *
 *   {"layers": {"shelter": {"type": "ogc-api-features", "url": "https://…/collections/shelters",
 *     "pollSeconds": 30, "staleAfterSeconds": 120, "properties": {"updatedAt": "updated_at"}},
 *    "rescue_team": {"type": "geojson", "url": "https://…/teams.geojson", "pollSeconds": 60}}}
 */
import '../schemas/zod-jitless';
import { z } from 'zod';
import { RESOURCE_KINDS, type ResourceKind } from '../schemas/resource';

function isHttpUrlOrPath(value: string): boolean {
  if (value.startsWith('/') && !value.startsWith('//')) return true;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const UrlSchema = z.string().refine(isHttpUrlOrPath, { message: 'must be an http(s) URL or a path on this site starting with "/"' });
const PropertiesSchema = z.record(z.string().min(1), z.string().min(1));

const liveShape = {
  url: UrlSchema,
  /** How often to fetch again, seconds (at least 5). */
  pollSeconds: z.number().min(5, 'pollSeconds must be at least 5').max(86_400).default(60),
  /** Past this age (of the last good data) the layer shows as stale; default 3 × pollSeconds. */
  staleAfterSeconds: z.number().positive().max(7 * 86_400).optional(),
  properties: PropertiesSchema.optional(),
};

export const LayerSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('embedded') }).strict(),
  z.object({ type: z.literal('geojson'), ...liveShape }).strict(),
  z
    .object({
      type: z.literal('ogc-api-features'),
      ...liveShape,
      /** Page size asked for (servers may cap it). */
      limit: z.number().int().min(1).max(10_000).optional(),
      /** [west, south, east, north]; default: the county's. */
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
    })
    .strict(),
]);

export type LayerSource = z.infer<typeof LayerSourceSchema>;
export type LiveLayerSource = Exclude<LayerSource, { type: 'embedded' }>;

const layersShape = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, LayerSourceSchema.optional()])) as Record<
  ResourceKind,
  z.ZodOptional<typeof LayerSourceSchema>
>;

export const SourcesConfigSchema = z.object({ layers: z.object(layersShape).strict().default({}) }).strict();

export interface SourcesConfig {
  layers: Partial<Record<ResourceKind, LayerSource>>;
}

export interface SourcesConfigResult {
  config: SourcesConfig;
  /** Plain problems, each naming the file and the field ("sources.json: layers.shelter.url: …"). */
  errors: string[];
}

export const EMPTY_SOURCES: SourcesConfig = { layers: {} };

/**
 * Validate parsed sources.json. An invalid file gives its errors and no live sources (every
 * kind keeps its embedded data), never a half-applied configuration.
 */
export function parseSourcesConfig(input: unknown, fileName = 'sources.json'): SourcesConfigResult {
  const parsed = SourcesConfigSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => {
      const path = i.path.map(String).join('.') || '(file)';
      const keys = i.code === 'unrecognized_keys' ? ` (${i.keys.join(', ')}; known kinds: ${RESOURCE_KINDS.join(', ')})` : '';
      return `${fileName}: ${path}: ${i.message}${keys}`;
    });
    return { config: EMPTY_SOURCES, errors };
  }
  return { config: { layers: parsed.data.layers as SourcesConfig['layers'] }, errors: [] };
}

/** Seconds after which a live layer's last good data counts as stale. */
export function staleAfterSecondsOf(s: LiveLayerSource): number {
  return s.staleAfterSeconds ?? s.pollSeconds * 3;
}

/**
 * The origins the page must be allowed to reach (CSP `connect-src`) for these sources; paths on
 * the site itself need nothing ('self').
 */
export function sourceOrigins(config: SourcesConfig): string[] {
  const out = new Set<string>();
  for (const s of Object.values(config.layers)) {
    if (!s || s.type === 'embedded' || s.url.startsWith('/')) continue;
    out.add(new URL(s.url).origin);
  }
  return [...out].sort();
}
