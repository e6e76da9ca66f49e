/** Result rows collected by every benchmark and printed as one markdown table at the end. */
export type Status = 'PASS' | 'MISS' | 'info' | 'SKIP';

export interface ResultRow {
  readonly bench: string;
  readonly measure: string;
  readonly ours: string;
  readonly peer: string;
  readonly ratio: string;
  readonly goal: string;
  readonly status: Status;
}

export function verdict(ok: boolean): Status {
  return ok ? 'PASS' : 'MISS';
}

export function markdownTable(rows: readonly ResultRow[]): string {
  const head = ['#', 'measure', 'ours', 'naive peer', 'ratio', 'goal', 'result'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${[r.bench, r.measure, r.ours, r.peer, r.ratio, r.goal, r.status === 'PASS' || r.status === 'MISS' ? `**${r.status}**` : r.status].join(' | ')} |`);
  return lines.join('\n');
}
