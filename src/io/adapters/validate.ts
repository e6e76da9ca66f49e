/** Run candidates through a zod schema; map zod issues to IoIssues; drop duplicates (first kept). */
import '../schemas/zod-jitless';
import type { z } from 'zod';
import { makeIoIssue, type IoIssue } from '../schemas/issue';
import type { FeatureCandidate } from './from-geojson';

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = record;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

export interface Validated<T> {
  items: { row: number; value: T }[];
  issues: IoIssue[];
}

export function validateCandidates<S extends z.ZodType>(
  candidates: readonly FeatureCandidate[],
  schema: S,
  prepare?: (record: Record<string, unknown>, c: FeatureCandidate) => IoIssue | null,
): Validated<z.infer<S>> {
  const items: { row: number; value: z.infer<S> }[] = [];
  const issues: IoIssue[] = [];
  const seen = new Map<string, number>();
  for (const c of candidates) {
    issues.push(...c.issues);
    if (!c.record) continue;
    const pre = prepare?.(c.record, c) ?? null;
    if (pre) {
      issues.push(pre);
      continue;
    }
    const parsed = schema.safeParse(c.record);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        const field = zi.path.map(String).join('.') || '(record)';
        const value = zi.path.length > 0 ? valueAt(c.record, zi.path) : c.record;
        issues.push(makeIoIssue({ row: c.row, id: c.id, field, value, problem: zi.message }));
      }
      continue;
    }
    const id = (parsed.data as { id?: unknown }).id;
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) {
        issues.push(
          makeIoIssue({
            row: c.row,
            id,
            field: 'id',
            value: id,
            problem: `duplicate id, first seen in row ${first}; this row is skipped`,
            severity: 'warning',
          }),
        );
        continue;
      }
      seen.set(id, c.row);
    }
    items.push({ row: c.row, value: parsed.data });
  }
  return { items, issues };
}
