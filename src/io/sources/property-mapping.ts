/**
 * `properties` of a source in sources.json: schema field → the source's property name, e.g.
 * `{"updatedAt": "updated_at"}`. Applied to each feature before validation, so a renamed column
 * is validated (and reported) under the schema's own field name.
 */
import { isPlainRecord } from '../adapters/safe-copy';

export type PropertyMapping = Readonly<Record<string, string>>;

/** A copy of a FeatureCollection-like value with each feature's properties renamed. */
export function applyPropertyMapping(features: readonly unknown[], mapping: PropertyMapping | undefined): unknown[] {
  const pairs = Object.entries(mapping ?? {}).filter(([field, from]) => field !== from);
  if (pairs.length === 0) return [...features];
  return features.map((f) => {
    if (!isPlainRecord(f) || !isPlainRecord(f['properties'])) return f;
    const props: Record<string, unknown> = { ...f['properties'] };
    const renamed: Record<string, unknown> = {};
    for (const [field, from] of pairs) {
      if (Object.prototype.hasOwnProperty.call(props, from)) {
        renamed[field] = props[from];
        delete props[from];
      }
    }
    return { ...f, properties: { ...props, ...renamed } };
  });
}
