import { writeFileSync } from 'node:fs';
import { CliError } from './cli-error';

export interface CommandResult {
  readonly stdout?: string;
  /** warnings, one per line: the run still succeeded */
  readonly stderr?: readonly string[];
}

export function writeJson(path: string, value: unknown): void {
  try {
    writeFileSync(path, JSON.stringify(value) + '\n');
  } catch (err) {
    throw new CliError(`cannot write --out "${path}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
