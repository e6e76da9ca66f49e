import loadHighs from 'highs';
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
    // The `?url` import is Vite's; imported only in the browser so Node (tsx: the bench) never sees it.
    pending = (inNode
      ? loadHighs()
      : import('highs/runtime?url').then(({ default: wasmUrl }) => loadHighs({ locateFile: () => new URL(wasmUrl, self.location.href).href }))
    ).then(highsLinearSolver);
    pending.catch(() => { pending = null; });
  }
  return pending;
}
