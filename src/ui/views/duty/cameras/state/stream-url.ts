/**
 * The one gate every camera URL passes before the page loads it: only http(s). A relative URL (the
 * demo's same-origin clips) is resolved against the page first, so it is http(s) when the page is.
 * rtsp:, javascript:, data:, file: and anything unparsable are refused with a reason, never loaded.
 */
export type StreamUrlCheck =
  | { ok: true; url: string }
  | { ok: false; reason: 'empty' | 'unparsable' | 'scheme'; scheme?: string };

export function checkStreamUrl(raw: string, baseUrl: string): StreamUrlCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  let url: URL;
  try {
    url = new URL(text, baseUrl);
  } catch {
    return { ok: false, reason: 'unparsable' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme', scheme: url.protocol.replace(/:$/, '') };
  return { ok: true, url: url.href };
}

/** Same URL with a refresh token, so a snapshot image is fetched again (not served from cache). */
export function withRefreshToken(url: string, token: number): string {
  const u = new URL(url);
  u.searchParams.set('_t', String(token));
  return u.href;
}
