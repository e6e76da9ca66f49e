import { ComputeClient } from './compute-client';
import type { MessagePortLike } from './protocol';

/** The worker stopped (crashed, was killed or failed to load) while this request was in flight. */
export class WorkerStoppedError extends Error {
  override readonly name = 'WorkerStoppedError';
}

/** The worker keeps failing to start: requests fail at once with this, saying why. */
export class WorkerUnavailableError extends Error {
  override readonly name = 'WorkerUnavailableError';
}

/** More than this many stops within RESTART_WINDOW_MS and the worker is not started again. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

let client: ComputeClient | null = null;
let worker: Worker | null = null;
/** A second worker, loaded and idle: a restart then needs no network (offline, after a redeploy). */
let standby: { worker: Worker; onError: () => void } | null = null;
let generation = 0;
let stops: number[] = [];
let unavailable: WorkerUnavailableError | null = null;
const listeners = new Set<() => void>();

/**
 * The app's one compute worker, started on first use. Vite bundles `compute.worker.ts` as a
 * same-origin module worker (no blob: URL, so `worker-src 'self'` suffices).
 *
 * If the worker stops (an uncaught error, a failed load, killed), everything in flight fails with
 * a WorkerStoppedError, the generation counter moves on and the next request starts a fresh
 * worker; queries keyed by the generation (use-isochrone.ts) load the roads into it again and
 * re-issue themselves. A worker that stops more than MAX_RESTARTS times a minute (e.g. its file
 * cannot be loaded) is given up on, and requests fail at once saying why. A spare worker is kept
 * loaded and idle, so the restart needs no network.
 */
function spawnWorker(): Worker {
  return new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module', name: 'onemap-compute' });
}

function takeWorker(): Worker {
  if (!standby) return spawnWorker();
  const { worker: w, onError } = standby;
  w.removeEventListener('error', onError);
  standby = null;
  return w;
}

function prepareStandby(): void {
  if (standby || unavailable || typeof Worker === 'undefined') return;
  const w = spawnWorker();
  const onError = () => {
    if (standby?.worker !== w) return;
    standby = null;
    w.terminate();
  };
  w.addEventListener('error', onError);
  standby = { worker: w, onError };
}

export function getComputeClient(): ComputeClient {
  if (client) return client;
  if (unavailable) return unavailableClient(unavailable);
  const restart = generation > 0;
  const w = takeWorker();
  // At start-up not urgent (after the first requests are under way); after a restart at once.
  if (restart) prepareStandby();
  else setTimeout(prepareStandby, 3000);
  const current = new ComputeClient(w as unknown as MessagePortLike);
  w.addEventListener('error', (event) => {
    event.preventDefault();
    stopWorker(current, w, event.message || 'it failed to load or crashed');
  });
  client = current;
  worker = w;
  return current;
}

function stopWorker(stopped: ComputeClient, w: Worker, why: string): void {
  if (client !== stopped) return;
  w.terminate();
  client = null;
  worker = null;
  const now = Date.now();
  stops = [...stops.filter((t) => now - t < RESTART_WINDOW_MS), now];
  if (stops.length > MAX_RESTARTS) unavailable = new WorkerUnavailableError(`the compute worker cannot start (${why}); reload the page to try again`);
  console.warn(`compute worker stopped (${why}); ${unavailable ? 'giving up' : 'a new one starts with the next request'}`);
  stopped.failAll(new WorkerStoppedError(`the compute worker stopped (${why})`));
  generation++;
  for (const l of listeners) l();
}

function unavailableClient(error: Error): ComputeClient {
  return { request: () => Promise.reject(error), failAll: () => undefined } as unknown as ComputeClient;
}

/** Changes every time the worker stops: key worker queries by it so they re-run in the new one. */
export function computeGeneration(): number {
  return generation;
}

export function subscribeComputeGeneration(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For the browser tests: kill the worker as a crash would (terminate, then the crash path). */
export function killComputeWorkerForTests(): boolean {
  if (!client || !worker) return false;
  stopWorker(client, worker, 'killed by the test');
  return true;
}
