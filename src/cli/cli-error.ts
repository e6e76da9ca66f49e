/** A problem with the command line or its files: printed as one line, exit code 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
