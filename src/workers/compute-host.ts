import { AbortError, CoreError } from '../core/errors';
import type { ComputeMessages, ComputeName, MessageMap, MessagePortLike, SerializedError, ToWorker } from './protocol';

export interface HandlerContext {
  readonly signal: AbortSignal;
  /** lets pending messages (cancels) in between stages; throws AbortError if this job was cancelled */
  checkpoint(): Promise<void>;
}

export interface HandlerOutput<R> {
  readonly result: R;
  readonly transfer?: Transferable[];
}

/** One handler per message of a map (the compute worker's by default). */
export type HandlersOf<M extends MessageMap<M>> = {
  [K in keyof M]: (params: M[K][0], ctx: HandlerContext) => Promise<HandlerOutput<M[K][1]>> | HandlerOutput<M[K][1]>;
};
export type ComputeHandlers = HandlersOf<ComputeMessages>;

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Jobs that only prepare (warm caches): any other request runs first, at their next checkpoint. */
const BACKGROUND: ReadonlySet<string> = new Set<ComputeName>(['warmUp']);

interface Job {
  readonly id: number;
  readonly name: string;
  readonly params: unknown;
  readonly controller: AbortController;
}

/**
 * The worker side: runs one job at a time (the core is synchronous), requests in arrival order
 * and background jobs after them; yields to the event loop before each job and at handler
 * checkpoints so a `cancel` can land — and so a duty officer's click is answered in the middle of
 * a background warm-up. Times each job once here (never inside algorithms) and serialises errors
 * with their code.
 */
export function createComputeHost<M extends MessageMap<M> = ComputeMessages>(port: MessagePortLike, handlers: HandlersOf<M>): void {
  const jobs = new Map<number, Job>();
  const foreground: Job[] = [], background: Job[] = [];
  let draining = false;

  port.addEventListener('message', (event: MessageEvent<ToWorker>) => {
    const msg = event.data;
    if (msg.type === 'cancel') {
      jobs.get(msg.id)?.controller.abort();
      return;
    }
    const job: Job = { id: msg.id, name: msg.name, params: msg.params, controller: new AbortController() };
    jobs.set(job.id, job);
    (BACKGROUND.has(job.name) ? background : foreground).push(job);
    if (!draining) void drain();
  });
  port.start?.();

  async function drain(): Promise<void> {
    draining = true;
    try {
      for (let job = foreground.shift() ?? background.shift(); job; job = foreground.shift() ?? background.shift()) await runJob(job);
    } finally {
      draining = false;
    }
  }

  async function runJob(job: Job): Promise<void> {
    const { id, name, params } = job;
    const signal = job.controller.signal;
    const started = performance.now();
    const checkpoint = async () => {
      await macrotask();
      if (BACKGROUND.has(name)) for (let next = foreground.shift(); next; next = foreground.shift()) await runJob(next);
      if (signal.aborted) throw new AbortError();
    };
    try {
      await checkpoint();
      // hasOwn: a message named "constructor" or "__proto__" is unknown, not Object.prototype's.
      const handler = (Object.hasOwn(handlers, name) ? (handlers as Record<string, unknown>)[name] : undefined) as (p: unknown, c: HandlerContext) => Promise<HandlerOutput<unknown>> | HandlerOutput<unknown>;
      if (!handler) throw new CoreError('invalid-argument', `unknown compute message "${name}"`);
      const { result, transfer } = await handler(params, { signal, checkpoint });
      if (signal.aborted) throw new AbortError();
      port.postMessage({ type: 'response', id, result, elapsedMs: performance.now() - started }, transfer ?? []);
    } catch (err) {
      port.postMessage({ type: 'error', id, error: serializeError(err) });
    } finally {
      jobs.delete(id);
    }
  }
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof CoreError) return { name: 'CoreError', code: err.code, message: err.message };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}
