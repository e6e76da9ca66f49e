import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError } from './cli-error';

export type OptionSpec = Record<string, {
  type: 'string' | 'boolean';
  required?: boolean;
  /** a file the command reads */
  input?: boolean;
  /** a file the command writes: never allowed to be one of the inputs */
  output?: boolean;
  help: string;
}>;

/** The path a file name resolves to, following links (for a missing file, its folder's). */
function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return resolve(realpathSync(dirname(path)), resolve(path).slice(dirname(resolve(path)).length + 1));
    } catch {
      return resolve(path);
    }
  }
}

/** An output must not be an input (not by another name or link either) and its folder must exist. */
function checkOutputs(command: string, values: Record<string, string | boolean | undefined>, spec: OptionSpec, positionals: readonly string[]): void {
  const inputs: Array<[string, string]> = [];
  for (const [name, s] of Object.entries(spec)) {
    const v = values[name];
    if (s.input && typeof v === 'string') inputs.push([`--${name}`, v]);
  }
  for (const p of positionals) inputs.push(['the input', p]);
  for (const [name, s] of Object.entries(spec)) {
    const out = values[name];
    if (!s.output || typeof out !== 'string') continue;
    if (out.trim() === '') throw new CliError(`${command}: --${name} must name a file`);
    const outPath = canonicalPath(out);
    for (const [inName, inPath] of inputs) {
      if (canonicalPath(inPath) === outPath) throw new CliError(`${command}: --${name} "${out}" is the same file as ${inName}; refusing to overwrite an input`);
    }
    try {
      if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`${command}: --${name} "${out}" is a directory, not a file`);
      accessSync(dirname(resolve(out)), constants.W_OK);
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`${command}: cannot write --${name} "${out}": folder ${dirname(resolve(out))} ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not writable'}`);
    }
  }
}

/** Parses `--name value` options; unknown or missing ones are one clear CliError. */
export function parseOptions<S extends OptionSpec>(command: string, argv: string[], spec: S, positionalCount = 0): Record<keyof S, string | undefined> & { help?: boolean; positionals: string[] } {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const options = Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, { type: v.type }]));
    ({ values, positionals } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: positionalCount > 0 }));
  } catch (err) {
    throw new CliError(`${command}: ${(err as Error).message.split('\n')[0]} (see: npm run onemap -- ${command} --help)`);
  }
  if (!values.help) {
    if (positionals.length > positionalCount) throw new CliError(`${command}: unexpected argument "${positionals[positionalCount]}" (see: npm run onemap -- ${command} --help)`);
    for (const [name, s] of Object.entries(spec)) {
      if (s.required && values[name] === undefined) throw new CliError(`${command}: --${name} is required (${s.help})`);
      if (s.type === 'string' && values[name] === '') throw new CliError(`${command}: --${name} is empty (${s.help})`);
    }
    checkOutputs(command, values, spec, positionals);
  }
  return Object.assign(values, { positionals }) as Record<keyof S, string | undefined> & { help?: boolean; positionals: string[] };
}

export function usage(command: string, summary: string, spec: OptionSpec): string {
  const lines = Object.entries(spec).map(([k, v]) => `  --${k}${v.type === 'string' ? ' VALUE' : ''}${v.required ? '' : ' (optional)'}\n      ${v.help}`);
  return `npm run onemap -- ${command} [options]\n${summary}\n\n${lines.join('\n')}\n`;
}
