/** Fetches same-origin JSON; a non-2xx status or an HTML fallback page is an error, not data. */
export async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('text/html')) throw new Error(`${url}: got HTML instead of data`);
  return response.json();
}
