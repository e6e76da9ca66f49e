import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { del, entries, set } from 'idb-keyval';
import { localStore } from './idb';

/** The duty night's update of one shelter, kept in this browser and laid over its source row (by id). */
export interface ShelterEdit {
  readonly id: string;
  readonly open: boolean;
  /** people sheltered now */
  readonly occupancy: number;
  /** ISO time of the edit (becomes the shelter's updatedAt) */
  readonly editedAt: string;
}

const store = () => localStore('onemap-edits', 'shelters');
const KEY = ['local', 'shelter-edits'] as const;
const NONE: ReadonlyMap<string, ShelterEdit> = new Map();

async function loadEdits(): Promise<ReadonlyMap<string, ShelterEdit>> {
  const all = await entries<string, ShelterEdit>(store());
  return new Map(all.filter(([, e]) => e && typeof e.open === 'boolean' && Number.isInteger(e.occupancy)).map(([id, e]) => [id, e]));
}

/** Shelter edits (open flag, occupancy) by shelter id, in IndexedDB; demo and imported shelters alike. */
export function useShelterEdits() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: KEY, queryFn: loadEdits, staleTime: Infinity, gcTime: Infinity, retry: false });
  const save = useCallback(async (edit: ShelterEdit) => {
    await set(edit.id, edit, store());
    client.setQueryData<ReadonlyMap<string, ShelterEdit>>(KEY, (prev) => new Map(prev ?? []).set(edit.id, edit));
  }, [client]);
  const clear = useCallback(async (id: string) => {
    await del(id, store());
    client.setQueryData<ReadonlyMap<string, ShelterEdit>>(KEY, (prev) => {
      const next = new Map(prev ?? []);
      next.delete(id);
      return next;
    });
  }, [client]);
  return { edits: query.data ?? NONE, ready: query.isSuccess || query.isError, save, clear, error: query.error?.message ?? null };
}
