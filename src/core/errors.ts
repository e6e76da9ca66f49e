/** Codes of every domain failure the core can report; the message always names the bad value. */
export type CoreErrorCode =
  | 'invalid-argument'
  | 'invalid-input'
  | 'no-road-near-point'
  | 'network-empty'
  | 'budget-out-of-range'
  | 'grid-too-large';

/** A domain or misuse error from the core, with a code from one catalog. */
export class CoreError extends Error {
  override readonly name = 'CoreError';
  constructor(
    readonly code: CoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Cancellation is its own error, recognisable by `name === 'AbortError'` (as in MapLibre and fetch). */
export class AbortError extends Error {
  override readonly name = 'AbortError';
  constructor(message = 'Aborted') {
    super(message);
  }
}

/** Throws an AbortError when the signal has fired; core pipelines call it between stages. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}

