import { parseArgs } from 'node:util';
import { CliError } from './cli-error';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; required?: boolean; help: string }>;

/** Parses `--name value` options; unknown or missing ones are one clear CliError. */
export function parseOptions<S extends OptionSpec>(command: string, argv: string[], spec: S): Record<keyof S, string | undefined> & { help?: boolean } {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, { type: v.type }]));
    ({ values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new CliError(`${command}: ${(err as Error).message.split('\n')[0]} (see: npm run onemap -- ${command} --help)`);
  }
  if (!values.help) {
    for (const [name, s] of Object.entries(spec)) {
      if (s.required && values[name] === undefined) throw new CliError(`${command}: --${name} is required (${s.help})`);
    }
  }
  return values as Record<keyof S, string | undefined> & { help?: boolean };
}

export function usage(command: string, summary: string, spec: OptionSpec): string {
  const lines = Object.entries(spec).map(([k, v]) => `  --${k}${v.type === 'string' ? ' VALUE' : ''}${v.required ? '' : ' (optional)'}\n      ${v.help}`);
  return `npm run onemap -- ${command} [options]\n${summary}\n\n${lines.join('\n')}\n`;
}
