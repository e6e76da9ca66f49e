import { AbortError, CoreError, type CoreErrorCode } from '../core/errors';
import type { ComputeMessages, FromWorker, MessageMap, MessagePortLike, SerializedError, ToWorker } from './protocol';

interface Pending {
  readonly name: string;
  /** performance.now() when posted, and how long posting (cloning the params) took */
  readonly postedAt: number;
  postMs: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
  cleanup(): void;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** buffers to move instead of copy (the road file's bytes) */
  readonly transfer?: Transferable[];
}

/**
 * The main-thread side of the compute worker: `request(name, params, {signal})` → Promise.
 * Aborting the signal posts `cancel` and rejects at once with an AbortError (which the UI
 * ignores); the worker drops the job if it has not started, or at its next stage boundary.
 * Generic over the worker's message map (the compute worker's by default; the public finder's
 * walking worker has its own, src/workers/walking-protocol.ts).
 */
export class ComputeClient<M extends MessageMap<M> = ComputeMessages> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: MessagePortLike) {
    port.addEventListener('message', (event: MessageEvent<FromWorker>) => this.receive(event.data));
    port.start?.();
  }

  request<K extends keyof M & string>(name: K, params: M[K][0], options: RequestOptions = {}): Promise<M[K][1]> {
    const { signal, transfer } = options;
    if (signal?.aborted) return Promise.reject(new AbortError());
    const id = this.nextId++;
    return new Promise<M[K][1]>((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.post({ type: 'cancel', id });
        reject(new AbortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const pending: Pending = {
        name,
        postedAt: performance.now(),
        postMs: 0,
        resolve: resolve as (v: unknown) => void,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      this.pending.set(id, pending);
      this.post({ type: 'request', id, name, params }, transfer);
      pending.postMs = performance.now() - pending.postedAt;
    });
  }

  /** Rejects everything in flight (e.g. the worker crashed); later requests still go out. */
  failAll(error: Error): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.cleanup();
      p.reject(error);
    }
  }

  private post(message: ToWorker, transfer?: Transferable[]): void {
    this.port.postMessage(message, transfer ?? []);
  }

  private receive(message: FromWorker): void {
    const p = this.pending.get(message.id);
    if (!p) return; // cancelled: its answer is dropped
    this.pending.delete(message.id);
    p.cleanup();
    if (message.type === 'response') {
      timeRequest(p, message.elapsedMs);
      p.resolve(message.result);
    }
    else p.reject(rehydrateError(message.error));
  }
}

/**
 * On a page: each answered request as a User Timing measure `onemap:compute <name>` from posting to
 * receiving the answer, with its parts in `detail` (posting, the worker's own time), for DevTools
 * and the province bench. Not in Node (its timeline would keep every entry).
 */
function timeRequest(p: Pending, workerMs: number): void {
  if (typeof window === 'undefined' || typeof performance.measure !== 'function') return;
  const end = performance.now();
  performance.measure(`onemap:compute ${p.name}`, { start: p.postedAt, end, detail: { postMs: p.postMs, workerMs, totalMs: end - p.postedAt } });
}

export function rehydrateError(e: SerializedError): Error {
  if (e.name === 'AbortError') return new AbortError(e.message);
  if (e.name === 'CoreError' && e.code) return new CoreError(e.code as CoreErrorCode, e.message);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
