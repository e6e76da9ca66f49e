/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

export interface PwaEvents {
  /** a new version is installed and waiting: ask the person; never reload on our own */
  onNeedRefresh(update: () => void): void;
  onOfflineReady(): void;
}

/** Registers the finder's service worker (built by vite-plugin-pwa, prompt mode). */
export function registerFinderServiceWorker(events: PwaEvents): void {
  if (!('serviceWorker' in navigator)) return;
  // Already controlled: a service worker activates only after its precache is complete.
  if (navigator.serviceWorker.controller) events.onOfflineReady();
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => events.onNeedRefresh(() => void updateSW(true)),
    onOfflineReady: () => events.onOfflineReady(),
  });
}
