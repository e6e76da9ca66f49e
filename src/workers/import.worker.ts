/// <reference lib="webworker" />
import '../io/schemas/zod-jitless';
import { importResources, ImportError } from '../io/import/import-resources';
import { IMPORT_PART_ROWS, type ImportReply, type ImportRequest } from './import-protocol';

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
      ...(r.crs ? { crs: r.crs } : {}), ...(r.encoding ? { encoding: r.encoding } : {}), ...(r.sheet ? { sheet: r.sheet } : {}), ...(r.columns ? { columns: r.columns } : {}), ...(r.context ? { context: r.context } : {}),
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    const { resources, report } = result;
    for (let i = 0; i < Math.max(resources.length, report.length); i += IMPORT_PART_ROWS) {
      post({ type: 'part', resources: resources.slice(i, i + IMPORT_PART_ROWS), report: report.slice(i, i + IMPORT_PART_ROWS) });
    }
    post({ type: 'result', result: { ...result, resources: [], report: [] } });
  } catch (err) {
    post({ type: 'error', message: err instanceof ImportError ? err.message : `could not import: ${(err as Error).message}` });
  }
};
