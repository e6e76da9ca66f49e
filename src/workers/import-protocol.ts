/** Messages of the import worker (src/workers/import.worker.ts): one request, progress, one answer. */
import type { ImportContext, ImportResult } from '../io/import/import-resources';
import type { ResourceKind } from '../io/schemas/resource';

export interface ImportRequest {
  readonly type: 'import';
  readonly fileName: string;
  readonly bytes: ArrayBuffer;
  readonly kind: ResourceKind;
  readonly crs?: string;
  readonly encoding?: 'utf-8' | 'gb18030';
  readonly sheet?: string;
  readonly now: string;
  /** the county, townships and road points for the checks and townships */
  readonly context?: ImportContext;
}

export type ImportReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly result: ImportResult }
  | { readonly type: 'error'; readonly message: string };
