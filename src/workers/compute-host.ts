import { AbortError, CoreError } from '../core/errors';
import type { ComputeName, ComputeParams, ComputeResult, MessagePortLike, SerializedError, ToWorker } from './protocol';

export interface HandlerContext {
  readonly signal: AbortSignal;
  /** lets pending messages (cancels) in between stages; throws AbortError if this job was cancelled */
  checkpoint(): Promise<void>;
}

export interface HandlerOutput<R> {
  readonly result: R;
  readonly transfer?: Transferable[];
}

export type ComputeHandlers = {
  [K in ComputeName]: (params: ComputeParams<K>, ctx: HandlerContext) => Promise<HandlerOutput<ComputeResult<K>>> | HandlerOutput<ComputeResult<K>>;
};

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The worker side: runs one job at a time in arrival order (the core is synchronous), yields to
 * the event loop before each job and at handler checkpoints so a `cancel` can land, times each job
 * once here (never inside algorithms) and serialises errors with their code.
 */
export function createComputeHost(port: MessagePortLike, handlers: ComputeHandlers): void {
  const controllers = new Map<number, AbortController>();
  let queue: Promise<void> = Promise.resolve();

  port.addEventListener('message', (event: MessageEvent<ToWorker>) => {
    const msg = event.data;
    if (msg.type === 'cancel') {
      controllers.get(msg.id)?.abort();
      return;
    }
    const controller = new AbortController();
    controllers.set(msg.id, controller);
    queue = queue.then(() => runJob(msg.id, msg.name, msg.params, controller.signal)).finally(() => controllers.delete(msg.id));
  });
  port.start?.();

  async function runJob(id: number, name: ComputeName, params: unknown, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    const checkpoint = async () => {
      await macrotask();
      if (signal.aborted) throw new AbortError();
    };
    try {
      await checkpoint();
      const handler = handlers[name] as (p: unknown, c: HandlerContext) => Promise<HandlerOutput<unknown>> | HandlerOutput<unknown>;
      if (!handler) throw new CoreError('invalid-argument', `unknown compute message "${name}"`);
      const { result, transfer } = await handler(params, { signal, checkpoint });
      if (signal.aborted) throw new AbortError();
      port.postMessage({ type: 'response', id, result, elapsedMs: performance.now() - started }, transfer ?? []);
    } catch (err) {
      port.postMessage({ type: 'error', id, error: serializeError(err) });
    }
  }
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof CoreError) return { name: 'CoreError', code: err.code, message: err.message };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}
