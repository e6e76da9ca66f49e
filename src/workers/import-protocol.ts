/**
 * Messages of the import worker (src/workers/import.worker.ts): one request, progress, the rows and
 * report in parts of IMPORT_PART_ROWS (each part is decoded on the page in a short task of its own:
 * 100,000 rows in one message would hold the page for a quarter of a second), then the summary.
 */
import type { ImportContext, ImportResult, ReportEntry } from '../io/import/import-resources';
import type { Resource, ResourceKind } from '../io/schemas/resource';

export const IMPORT_PART_ROWS = 500;

export interface ImportRequest {
  readonly type: 'import';
  readonly fileName: string;
  readonly bytes: ArrayBuffer;
  readonly kind: ResourceKind;
  readonly crs?: string;
  readonly encoding?: 'utf-8' | 'gb18030';
  readonly sheet?: string;
  /** schema field → the file's column header, over the guesses (the dialog's column mapping) */
  readonly columns?: Readonly<Record<string, string>>;
  readonly now: string;
  /** the county, townships and road points for the checks and townships */
  readonly context?: ImportContext;
}

export type ImportReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'part'; readonly resources: readonly Resource[]; readonly report: readonly ReportEntry[] }
  /** the summary; `resources` and `report` are the concatenation of the parts before it */
  | { readonly type: 'result'; readonly result: ImportResult }
  | { readonly type: 'error'; readonly message: string };
