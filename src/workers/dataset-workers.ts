import type { Resource, ResourceKind } from '../io/schemas/resource';
import type { ClusterReply, ClusterRequest, ResourcesReply } from './dataset-protocol';

/** One kind's rows of a large dataset, fetched and validated in its own worker (ended when done or aborted). */
export function loadResourcesInWorker(url: string, kind: ResourceKind, signal?: AbortSignal): Promise<{ resources: Resource[]; rowCount: number; issueCount: number; firstIssues: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./resources.worker.ts', import.meta.url), { type: 'module', name: `onemap-resources-${kind}` });
    const rows: Resource[] = [];
    const end = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      end();
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<ResourcesReply>) => {
      const m = e.data;
      if (m.type === 'chunk') {
        for (const r of m.resources) rows.push(r);
      } else if (m.type === 'done') {
        end();
        resolve({ resources: rows, rowCount: m.rowCount, issueCount: m.issueCount, firstIssues: m.firstIssues });
      } else {
        end();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      end();
      reject(new Error(`${url}: the loading worker failed (${e.message || 'it could not start'})`));
    };
    worker.postMessage({ type: 'load', url, kind });
  });
}

/** The page's cluster worker (cluster.worker.ts), started on first use; replies go to one listener. */
export interface ClusterWorker {
  send(message: ClusterRequest, transfer?: Transferable[]): void;
  onReply(listener: (m: ClusterReply) => void): () => void;
}

let clusterWorker: ClusterWorker | null = null;

export function getClusterWorker(): ClusterWorker {
  if (clusterWorker) return clusterWorker;
  const worker = new Worker(new URL('./cluster.worker.ts', import.meta.url), { type: 'module', name: 'onemap-clusters' });
  const listeners = new Set<(m: ClusterReply) => void>();
  worker.onmessage = (e: MessageEvent<ClusterReply>) => {
    for (const l of listeners) l(e.data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    for (const l of listeners) l({ type: 'error', set: -1, message: e.message || 'the cluster worker failed' });
  };
  clusterWorker = {
    send: (message, transfer = []) => worker.postMessage(message, transfer),
    onReply: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return clusterWorker;
}
