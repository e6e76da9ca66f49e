import { useQuery } from '@tanstack/react-query';
import { getComputeClient } from '../workers/compute-worker-instance';
import type { ComputeParams, TyphoonPlace } from '../workers/protocol';
import { useComputeNetwork } from './use-isochrone';
import { evacuationFromJson } from '../io';
import { DEMO_TRACKS, VILLAGE_CONTACTS_URL, VILLAGE_EVACUATION_URL, type DemoTrackId } from './typhoon-urls';

/** A track's text with a key naming it (the demo id, or the picked file's name, size and time). */
export interface TrackText {
  readonly key: string;
  readonly fileName: string;
  readonly text: string;
}

/** The text of a demo track, fetched from the app's origin. */
export function useDemoTrackText(id: DemoTrackId | null) {
  return useQuery({
    queryKey: ['typhoon', 'demo-track', id],
    queryFn: async ({ signal }): Promise<TrackText> => {
      const d = DEMO_TRACKS[id!];
      const response = await fetch(d.url, { signal });
      if (!response.ok) throw new Error(`${d.fileName}: HTTP ${response.status}`);
      return { key: `demo:${id}`, fileName: d.fileName, text: await response.text() };
    },
    enabled: id !== null,
    staleTime: Infinity,
  });
}

/**
 * Reads the track in the compute worker and places every given place in its wind circles, hour by
 * hour (typhoon.md). The places are part of the key by their ids.
 */
export function useTyphoonTrack(source: TrackText | null, places: readonly TyphoonPlace[], placesKey: string) {
  return useQuery({
    queryKey: ['compute', 'typhoon-track', source?.key, placesKey],
    queryFn: ({ signal }) => getComputeClient().request('typhoonTrack', { text: source!.text, places }, { signal }),
    enabled: source !== null && places.length > 0,
    staleTime: Infinity,
  });
}

/** Must-leave-by rows, computed in the worker on the road network (walking or driving). */
export function useTyphoonLeaveBy(params: ComputeParams<'typhoonLeaveBy'> | null, paramsKey: string) {
  const network = useComputeNetwork();
  const query = useQuery({
    queryKey: ['compute', 'typhoon-leave-by', paramsKey],
    queryFn: ({ signal }) => getComputeClient().request('typhoonLeaveBy', params!, { signal }),
    enabled: params !== null && network.isSuccess,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
  return { ...query, networkLoading: network.isPending, networkError: network.error };
}

export interface VillageContact {
  readonly name: string;
  readonly role: string;
  readonly phone: string;
}

/** The synthetic village responsible persons (村级防汛防台责任人), keyed by village id. */
export function useVillageContacts() {
  return useQuery({
    queryKey: ['typhoon', 'village-contacts'],
    queryFn: async ({ signal }): Promise<Record<string, VillageContact>> => {
      const response = await fetch(VILLAGE_CONTACTS_URL, { signal });
      if (!response.ok) throw new Error(`village-contacts.json: HTTP ${response.status}`);
      const json = (await response.json()) as { contacts?: Record<string, VillageContact> };
      return json.contacts ?? {};
    },
    staleTime: Infinity,
  });
}

/** The planner's people who must move per village (data/taishun/village-evacuation.json, 示意), by village id. */
export function useVillageMustMove() {
  return useQuery({
    queryKey: ['typhoon', 'village-must-move'],
    queryFn: async ({ signal }): Promise<ReadonlyMap<string, number>> => {
      const response = await fetch(VILLAGE_EVACUATION_URL, { signal });
      if (!response.ok) throw new Error(`village-evacuation.json: HTTP ${response.status}`);
      const { data } = evacuationFromJson(await response.json());
      return new Map([...data.byVillage].map(([id, v]) => [id, v.mustMove]));
    },
    staleTime: Infinity,
  });
}
