import { setWorkerUrl } from 'maplibre-gl';
// MapLibre v6 is ESM-only: its worker must be bundled the Vite way (`?worker&url`) so that the
// production build ships the worker and its shared chunk; plain `?url` works only in dev.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

let configured = false;

/** Points MapLibre at its bundled worker once, before the first Map is created. */
export function configureMaplibreWorker(): string {
  if (!configured) {
    setWorkerUrl(workerUrl);
    configured = true;
  }
  return workerUrl;
}
