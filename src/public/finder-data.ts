// The finder's data files, written at build time by scripts/public/build-public-data.ts (public
// fields only; the roads compact) and fingerprinted by Vite. The roads feed the walking graph and the map.
import finderDataUrl from '../../.generated/public/finder-data.json?url';
import roadsUrl from '../../.generated/public/walking-roads.json?url';
import type { FinderData } from '../io/public-finder-data';

export { roadsUrl };

const SAVED_KEY = 'onemap.public.savedAt';

export interface LoadedFinderData {
  readonly data: FinderData;
  /** when this phone first got this version of the data (ms), for "saved on this phone …" */
  readonly savedAtMs: number;
}

function isFinderData(x: unknown): x is FinderData {
  const d = x as Partial<FinderData> | null;
  return !!d && Array.isArray(d.shelters) && Array.isArray(d.villages) && Array.isArray(d.townships) && typeof d.dataAsOf === 'string';
}

/**
 * Fetches the data from the app's own origin (served from the service worker's precache when
 * offline). Remembers, per data version (its fingerprinted URL), when it first arrived.
 */
export async function loadFinderData(signal?: AbortSignal): Promise<LoadedFinderData> {
  const res = await fetch(finderDataUrl, { signal });
  if (!res.ok) throw new Error(`${finderDataUrl}: HTTP ${res.status}`);
  const json: unknown = await res.json();
  if (!isFinderData(json)) throw new Error(`${finderDataUrl}: not the finder's data file`);
  let savedAtMs = Date.now();
  try {
    const saved = JSON.parse(localStorage.getItem(SAVED_KEY) ?? 'null') as { url?: string; at?: number } | null;
    if (saved?.url === finderDataUrl && typeof saved.at === 'number') savedAtMs = saved.at;
    else localStorage.setItem(SAVED_KEY, JSON.stringify({ url: finderDataUrl, at: savedAtMs }));
  } catch {
    /* storage blocked: "saved" is now */
  }
  return { data: json, savedAtMs };
}

/**
 * Is the origin reachable now? A tiny no-store request the service worker does not answer from
 * its precache (navigator.onLine says "online" on a network that reaches nothing).
 */
export async function originReachable(): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}manifest.webmanifest?probe=${Date.now()}`, { cache: 'no-store' });
    return res.ok;
  } catch {
    return false;
  }
}
