/**
 * The production Content-Security-Policy and security headers of OneMap, in one place: `npm start`
 * (scripts/server/serve.mjs) and the browser tests (tests/e2e/harness.mjs) send exactly these.
 * Strict: scripts, workers, styles, images, fonts and data only from the app's own origin — no
 * 'unsafe-eval' (zod runs jitless), no inline script, no data: URLs (build step
 * scripts/server/vite-no-data-urls.ts turns CSS data: images into files).
 *
 * Extend it, e.g. with online sources' origins for connect-src:
 *   contentSecurityPolicy({ connectSrc: ['https://example.org'] })
 */

/** @typedef {{ connectSrc?: readonly string[], imgSrc?: readonly string[] }} CspExtensions */

const BASE = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets the planner compile HiGHS and the compute worker its Dijkstra kernel
  // (WebAssembly) and nothing else: JS eval, new Function and inline scripts stay refused.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  // blob: images are ones the page made itself (the duty view's print sheet shows a capture of the
  // map canvas): only same-origin script can mint a blob: URL. data: stays refused.
  'img-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // a <video> fed by Media Source Extensions (hls.js) plays a blob: URL of a MediaSource object made
  // in the page; no same-origin file can stand in for it. Media only — not scripts, workers or images.
  'media-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Only http(s) origins (or 'self'-style keywords we already use) may be added. */
function checkSource(s) {
  if (!/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(s)) throw new Error(`CSP: ${JSON.stringify(s)} is not an http(s) origin`);
  return s;
}

/** @param {CspExtensions} [extra] @returns {string} the Content-Security-Policy header value */
export function contentSecurityPolicy(extra = {}) {
  const directives = Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, [...v]]));
  for (const s of extra.connectSrc ?? []) directives['connect-src'].push(checkSource(s));
  for (const s of extra.imgSrc ?? []) directives['img-src'].push(checkSource(s));
  return Object.entries(directives).map(([k, v]) => `${k} ${[...new Set(v)].join(' ')}`).join('; ');
}

/** @param {CspExtensions} [extra] @returns {Record<string, string>} every security header of a response */
export function securityHeaders(extra = {}) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(extra),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), payment=(), usb=()',
  };
}

