// The origins a build's sources.json names, for the Content-Security-Policy's connect-src: the
// page may reach exactly its own origin and these. Paths on the app's own site need nothing.
// (The app validates sources.json itself and shows its errors; here a bad entry is just skipped.)
import { existsSync, readFileSync } from 'node:fs';

/** Sorted origins of the absolute http(s) URLs in sources.json's layers; [] if there are none. */
export function sourceOriginsFromFile(path) {
  if (!existsSync(path)) return [];
  let json;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
  const out = new Set();
  for (const layer of Object.values(json?.layers ?? {})) {
    const url = layer?.url;
    if (typeof url !== 'string' || url.startsWith('/')) continue;
    try {
      const u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:') out.add(u.origin);
    } catch {
      /* not a URL: the app reports it */
    }
  }
  return [...out].sort();
}

/** `connect-src 'self' <origins>` for a build folder's sources.json. */
export function connectSrcFor(sourcesJsonPath) {
  return ["'self'", ...sourceOriginsFromFile(sourcesJsonPath)].join(' ');
}
