import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './cli-error';

export interface CommandResult {
  readonly stdout?: string;
  /** warnings, one per line: the run still succeeded */
  readonly stderr?: readonly string[];
}

/**
 * Writes the whole output to a temporary file beside `path`, then renames it over `path`: a reader
 * sees the old file or the new one, never half of one, and a failed run leaves no partial file.
 * (`parseOptions` has already refused an --out that names an input.)
 */
export function writeOutputFile(path: string, data: string | Uint8Array, option = '--out'): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new CliError(`cannot write ${option} "${path}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

export function writeJson(path: string, value: unknown, option = '--out'): void {
  writeOutputFile(path, JSON.stringify(value) + '\n', option);
}
