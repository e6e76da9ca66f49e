#!/usr/bin/env node
/**
 * The `onemap` command line on the travel-time core: isochrone, nearest, coverage, planning; typhoon wind circles; import of resource files.
 * Bad arguments or files exit with code 2 and one line naming what is wrong.
 */
import { CoreError, previewValue } from '../core';
import { CliError } from './cli-error';
import { COVERAGE_USAGE, runCoverage } from './commands/coverage';
import { ISOCHRONE_USAGE, runIsochrone } from './commands/isochrone';
import { NEAREST_USAGE, runNearest } from './commands/nearest';
import { COVERAGE_REPORT_USAGE, runCoverageReport } from './commands/coverage-report';
import { runSiteSuggest, SITE_SUGGEST_USAGE } from './commands/site-suggest';
import { TYPHOON_USAGE, runTyphoon } from './commands/typhoon';
import { IMPORT_USAGE, runImport } from './commands/import';
import type { CommandResult } from './write-output';

interface Writer {
  write(text: string): unknown;
}

/** A Map, so a command named "constructor" or "__proto__" is unknown, not Object.prototype's. */
const COMMANDS: ReadonlyMap<string, (argv: string[]) => CommandResult | Promise<CommandResult>> = new Map<string, (argv: string[]) => CommandResult | Promise<CommandResult>>([
  ['isochrone', runIsochrone],
  ['nearest', runNearest],
  ['coverage', runCoverage],
  ['coverage-report', runCoverageReport],
  ['site-suggest', runSiteSuggest],
  ['typhoon', runTyphoon],
  ['import', runImport],
]);

/** The command names, in help order (tests name them in expected messages). */
export const COMMAND_NAMES: readonly string[] = [...COMMANDS.keys()];

const HELP = `onemap — travel times on a road network (road-network.md, profile emergency-default)\n\n${ISOCHRONE_USAGE}\n${NEAREST_USAGE}\n${COVERAGE_USAGE}\n${COVERAGE_REPORT_USAGE}\n${SITE_SUGGEST_USAGE}\n${TYPHOON_USAGE}\n${IMPORT_USAGE}`;

/** Messages are one line of bounded length, whatever the input put in them. */
function oneLine(message: string): string {
  const flat = message.replace(/[\r\n\t]+/g, ' ');
  return flat.length > 600 ? `${flat.slice(0, 600)}…` : flat;
}

/**
 * Runs one command line; returns the exit code (a promise of it for commands that load
 * WebAssembly first, e.g. site-suggest). Exported for tests.
 */
export function main(argv: string[], out: Writer = process.stdout, err: Writer = process.stderr): number | Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out.write(HELP);
    return command ? 0 : 2;
  }
  const run = COMMANDS.get(command);
  const report = (result: CommandResult) => {
    for (const line of result.stderr ?? []) err.write(`onemap: warning: ${line}\n`);
    if (result.stdout) out.write(result.stdout);
    return 0;
  };
  const fail = (e: unknown) => {
    if (e instanceof CliError || e instanceof CoreError) {
      err.write(`onemap: error: ${oneLine(e.message)}\n`);
      return 2;
    }
    // Not a failure we foresaw: still one line for the user, the stack only when asked for.
    if (process.env.ONEMAP_DEBUG) err.write(`${(e as Error)?.stack ?? String(e)}\n`);
    const what = e instanceof RangeError ? 'the input is too large or too deeply nested to process' : 'internal error';
    err.write(`onemap: error: ${what}: ${oneLine(e instanceof Error ? e.message : previewValue(e))} (ONEMAP_DEBUG=1 shows the stack)\n`);
    return 70;
  };
  try {
    if (!run) throw new CliError(`unknown command ${previewValue(command)} (expected: ${[...COMMANDS.keys()].join(', ')})`);
    const result = run(rest);
    return result instanceof Promise ? result.then(report, fail) : report(result);
  } catch (e) {
    return fail(e);
  }
}

const invokedDirectly = process.argv[1] && /onemap\.(ts|js|mjs)$/.test(process.argv[1]);
if (invokedDirectly) void Promise.resolve(main(process.argv.slice(2))).then((code) => { process.exitCode = code; });
