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

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? String(value);
  } catch {
    // a cycle, or nesting too deep for JSON.stringify's recursion
    return Array.isArray(value) ? '[…nested too deep to show]' : '{…nested too deep to show}';
  }
}

/**
 * Make a value short enough to keep in an issue: long strings are cut; objects and arrays are
 * kept as they are when their JSON text is short, else replaced by that text, cut.
 */
export function truncateIssueValue(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  const text = jsonText(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : value;
}

/** Text form of a value for messages: NaN/Infinity shown as such, strings quoted, missing = "missing". */
export function describeIssueValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(truncateIssueValue(value));
  if (value === null || typeof value !== 'object') return String(value);
  const text = jsonText(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
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
