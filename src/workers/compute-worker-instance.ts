import { ComputeClient } from './compute-client';
import type { MessagePortLike } from './protocol';

let client: ComputeClient | null = null;

/**
 * The app's one compute worker, started on first use. Vite bundles `compute.worker.ts` as a
 * same-origin module worker (no blob: URL, so `worker-src 'self'` suffices). If the worker dies,
 * everything in flight fails with a message and the next request starts a fresh worker.
 */
export function getComputeClient(): ComputeClient {
  if (client) return client;
  const worker = new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module', name: 'onemap-compute' });
  const current = new ComputeClient(worker as unknown as MessagePortLike);
  worker.addEventListener('error', (event) => {
    current.failAll(new Error(`the compute worker stopped: ${event.message || 'unknown error'}`));
    worker.terminate();
    if (client === current) client = null;
  });
  client = current;
  return current;
}
