/** The planner's people who must move, per village (data/taishun/village-evacuation.json). */
import { z } from 'zod';
import { makeIoIssue, type IoIssue } from './issue';

export const VillageEvacuationSchema = z.object({
  mustMove: z.number().int().min(0),
  geohazardPoints: z.number().int().min(0),
  geohazard: z.number().int().min(0),
  lowLying: z.number().int().min(0),
  oldHouses: z.number().int().min(0),
});
export type VillageEvacuation = z.infer<typeof VillageEvacuationSchema>;

export interface EvacuationData {
  readonly synthetic: boolean;
  readonly label: string;
  readonly byVillage: ReadonlyMap<string, VillageEvacuation>;
}

/** Reads the file; a bad village entry is an issue naming the village and field, the rest are kept. */
export function evacuationFromJson(input: unknown): { data: EvacuationData; issues: IoIssue[] } {
  const issues: IoIssue[] = [];
  const root = (input ?? {}) as { synthetic?: unknown; label?: unknown; villages?: unknown };
  const byVillage = new Map<string, VillageEvacuation>();
  if (!root.villages || typeof root.villages !== 'object') {
    issues.push(makeIoIssue({ row: -1, field: 'villages', value: root.villages, problem: 'expected an object keyed by village id' }));
  } else {
    Object.entries(root.villages as Record<string, unknown>).forEach(([id, v], row) => {
      const r = VillageEvacuationSchema.safeParse(v);
      if (r.success) byVillage.set(id, r.data);
      else {
        const first = r.error.issues[0]!;
        const field = first.path.join('.') || 'value';
        issues.push(makeIoIssue({ row, id, field, value: (v as Record<string, unknown> | null)?.[String(first.path[0])] ?? v, problem: first.message }));
      }
    });
  }
  return { data: { synthetic: root.synthetic === true, label: typeof root.label === 'string' ? root.label : '', byVillage }, issues };
}
