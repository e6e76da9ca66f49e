import { roadsUrl } from './finder-data';

let pending: Promise<ArrayBuffer> | null = null;

/**
 * The finder's compact roads, fetched once per page and shared: the walking worker gets a copy
 * (transferred), the optional map decodes the same bytes. A failed fetch is forgotten so the next
 * call retries.
 */
export function finderRoadsBytes(): Promise<ArrayBuffer> {
  pending ??= fetch(roadsUrl).then(async (res) => {
    if (!res.ok) throw new Error(`${roadsUrl}: HTTP ${res.status}`);
    return res.arrayBuffer();
  });
  pending.catch(() => {
    pending = null;
  });
  return pending;
}

/** The compact roads as JSON, from the shared bytes. */
export async function finderRoadsJson(): Promise<unknown> {
  const bytes = await finderRoadsBytes();
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}
