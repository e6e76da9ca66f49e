/** Which camera players are open: at most MAX_OPEN_PLAYERS at once (each one is a live stream). */
export const MAX_OPEN_PLAYERS = 4;

export type OpenResult =
  | { ok: true; open: readonly string[] }
  /** Refused: the wall is full; the user must close one first. `open` is unchanged. */
  | { ok: false; open: readonly string[]; reason: 'full' };

/** Opens a player (already open: no change), or refuses when `max` are open. */
export function openPlayer(open: readonly string[], id: string, max = MAX_OPEN_PLAYERS): OpenResult {
  if (open.includes(id)) return { ok: true, open };
  if (open.length >= max) return { ok: false, open, reason: 'full' };
  return { ok: true, open: [...open, id] };
}

export function closePlayer(open: readonly string[], id: string): readonly string[] {
  return open.includes(id) ? open.filter((x) => x !== id) : open;
}
