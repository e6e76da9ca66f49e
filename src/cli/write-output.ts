import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { CliError } from './cli-error';

export interface CommandResult {
  readonly stdout?: string;
  /** warnings, one per line: the run still succeeded */
  readonly stderr?: readonly string[];
}

/** Writes JSON atomically: a temporary file beside the target, renamed over it (never half a file). */
export function writeJson(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(value) + '\n');
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new CliError(`cannot write --out "${path}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
