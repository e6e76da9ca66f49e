import loadHighs from 'highs';
import highsWasmUrl from 'highs/runtime?url';
import { highsLinearSolver, type LinearSolver } from '../core';

let pending: Promise<LinearSolver> | null = null;

/**
 * HiGHS (WebAssembly), loaded once on first use. In the browser its wasm is a Vite asset of the
 * app's own origin (`highs/runtime?url`), never a CDN; under Node (tests, bench) the package finds
 * the file beside its loader.
 */
export function loadHighsSolver(): Promise<LinearSolver> {
  if (!pending) {
    const inNode = typeof process !== 'undefined' && Boolean(process.versions?.node) && typeof window === 'undefined' && typeof self === 'undefined';
    pending = (inNode ? loadHighs() : loadHighs({ locateFile: () => new URL(highsWasmUrl, self.location.href).href })).then(highsLinearSolver);
    pending.catch(() => { pending = null; });
  }
  return pending;
}
