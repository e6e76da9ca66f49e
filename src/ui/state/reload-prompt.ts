/**
 * "Reload" prompts for faults a page cannot repair by itself: a JS chunk that cannot be loaded
 * (the app was redeployed, or the connection dropped mid-load). Vite reports failed dynamic
 * imports with a `vite:preloadError` event; import() rejections that escape are caught too.
 */
import { useSyncExternalStore } from 'react';

let chunkMissing: string | null = null;
const listeners = new Set<() => void>();

const CHUNK_ERROR = /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

export function isChunkLoadError(err: unknown): boolean {
  return CHUNK_ERROR.test(String((err as Error)?.message ?? err));
}

export function reportChunkMissing(detail: string): void {
  if (chunkMissing !== null) return;
  chunkMissing = detail;
  console.warn(`a part of the app could not be loaded: ${detail}`);
  for (const l of listeners) l();
}

export function useChunkMissing(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => chunkMissing,
  );
}

export function watchChunkErrors(target: Window): void {
  target.addEventListener('vite:preloadError', (event) => {
    const payload = (event as Event & { payload?: unknown }).payload;
    reportChunkMissing(String((payload as Error)?.message ?? payload ?? 'a module failed to load'));
  });
  target.addEventListener('unhandledrejection', (event) => {
    if (isChunkLoadError(event.reason)) reportChunkMissing(String((event.reason as Error)?.message ?? event.reason));
  });
}
