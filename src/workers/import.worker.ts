/// <reference lib="webworker" />
import '../io/schemas/zod-jitless';
import { importResources, ImportError } from '../io/import/import-resources';
import type { ImportReply, ImportRequest } from './import-protocol';

/**
 * Parses and validates an imported file off the main thread (100,000 rows keep the map responsive),
 * posting progress as rows are validated. A bad file is an 'error' reply with one line, never a throw.
 */
const post = (m: ImportReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const r = e.data;
  try {
    const result = importResources({
      fileName: r.fileName, bytes: new Uint8Array(r.bytes), kind: r.kind, now: r.now,
      ...(r.crs ? { crs: r.crs } : {}), ...(r.encoding ? { encoding: r.encoding } : {}), ...(r.sheet ? { sheet: r.sheet } : {}), ...(r.context ? { context: r.context } : {}),
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    post({ type: 'result', result });
  } catch (err) {
    post({ type: 'error', message: err instanceof ImportError ? err.message : `could not import: ${(err as Error).message}` });
  }
};
