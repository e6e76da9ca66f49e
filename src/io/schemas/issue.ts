/**
 * A problem found in input data. Loaders return these in a list and never throw on bad rows.
 * `row` is the 0-based feature (or CSV data-row) index; -1 means the input as a whole.
 */
export type IoIssueSeverity = 'error' | 'warning';

export interface IoIssue {
  row: number;
  id?: string;
  /** Field path, e.g. "lngLat", "capacity", "stream.url", "stock.2.quantity". */
  field: string;
  /** The bad value; long strings are truncated, objects/arrays become truncated JSON text. */
  value: unknown;
  /** Names the row, the field and the value. */
  message: string;
  severity: IoIssueSeverity;
}

const MAX_VALUE_CHARS = 120;

/** Make a value safe and short enough to show in an issue list. */
export function truncateIssueValue(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

/** Text form of a value for messages: NaN/Infinity/undefined shown as such, strings quoted. */
export function describeIssueValue(value: unknown): string {
  const v = truncateIssueValue(value);
  if (v === undefined) return 'missing';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(value)) return String(v);
  return String(v);
}

export function makeIoIssue(args: {
  row: number;
  id?: string | undefined;
  field: string;
  value: unknown;
  problem: string;
  severity?: IoIssueSeverity;
}): IoIssue {
  const where = args.row < 0 ? 'input' : `row ${args.row}${args.id !== undefined ? ` (id ${JSON.stringify(args.id)})` : ''}`;
  const issue: IoIssue = {
    row: args.row,
    field: args.field,
    value: truncateIssueValue(args.value),
    message: `${where}, field "${args.field}" = ${describeIssueValue(args.value)}: ${args.problem}`,
    severity: args.severity ?? 'error',
  };
  if (args.id !== undefined) issue.id = args.id;
  return issue;
}
