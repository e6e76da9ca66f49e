import { describeIssueValue, truncateIssueValue, type IoIssue } from '../schemas/issue';

/**
 * A problem in a track file: data, never thrown. `line` is the 1-based line of a text format (ATCF,
 * IBTrACS); JSON formats name the point by its index in `row` and the field by its path.
 */
export interface TrackIssue extends IoIssue {
  readonly line?: number;
}

export function trackIssue(args: { line?: number; row: number; field: string; value: unknown; problem: string; severity?: 'error' | 'warning' }): TrackIssue {
  const where = args.line !== undefined ? `line ${args.line}` : args.row < 0 ? 'file' : `point ${args.row}`;
  return {
    row: args.row,
    ...(args.line !== undefined ? { line: args.line } : {}),
    field: args.field,
    value: truncateIssueValue(args.value),
    message: `${where}, field "${args.field}" = ${describeIssueValue(args.value)}: ${args.problem}`,
    severity: args.severity ?? 'error',
  };
}
