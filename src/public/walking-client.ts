import { ComputeClient } from '../workers/compute-client';
import type { MessagePortLike } from '../workers/protocol';
import type { WalkingMessages, WalkingShelter } from '../workers/walking-protocol';
import { finderRoadsBytes } from './roads-bytes';

export interface WalkingEngine {
  readonly client: ComputeClient<WalkingMessages>;
  /** ms from start to a graph ready to answer (fetch + build), for the browser tests' figures */
  readonly readyMs: number;
  /** ms the worker took to parse the roads and build the walking graph */
  readonly buildMs: number;
}

/**
 * Starts the walking worker, fetches the roads (same origin, precached for offline), builds the
 * walking graph in the worker and joins the shelters to it. The person's location is only ever
 * posted to this worker, on the phone.
 */
export async function startWalkingEngine(shelters: readonly WalkingShelter[]): Promise<WalkingEngine> {
  const started = performance.now();
  const worker = new Worker(new URL('../workers/walking.worker.ts', import.meta.url), { type: 'module', name: 'onemap-walking' });
  const client = new ComputeClient<WalkingMessages>(worker as unknown as MessagePortLike);
  worker.addEventListener('error', (e) => client.failAll(new Error(`the walking worker stopped: ${e.message || 'unknown error'}`)));
  // a copy of the page's one download (the map decodes the same bytes): transfer detaches it
  const bytes = (await finderRoadsBytes()).slice(0);
  const loaded = await client.request('loadWalkingNetwork', { fileName: 'walking-roads.json', bytes, shelters }, { transfer: [bytes] });
  return { client, readyMs: performance.now() - started, buildMs: loaded.buildMs };
}
