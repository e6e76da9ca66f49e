import type { ResourceKind } from '../../config/resource-kinds';

export type SearchTarget = 'resource' | 'village' | 'township';

export interface SearchEntry {
  target: SearchTarget;
  id: string;
  name: string;
  nameEn?: string;
  kind?: ResourceKind;
  lngLat: readonly [number, number];
}

const TARGET_ORDER: Record<SearchTarget, number> = { township: 0, village: 1, resource: 2 };

function normalize(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

/** Lower is better; null means no match. Exact < prefix < substring (earlier position first). */
function matchScore(entry: SearchEntry, q: string): number | null {
  let best: number | null = null;
  for (const candidate of [entry.name, entry.nameEn, entry.id]) {
    if (!candidate) continue;
    const c = normalize(candidate);
    let score: number | null = null;
    if (c === q) score = 0;
    else if (c.startsWith(q)) score = 1;
    else {
      const at = c.indexOf(q);
      if (at >= 0) score = 2 + Math.min(at, 50) / 100;
    }
    if (score !== null && (best === null || score < best)) best = score;
  }
  return best;
}

/**
 * Ranks entries by name match: exact, then prefix, then substring; ties go to the shorter name,
 * then townships before villages before resources, then id. Deterministic for a given input.
 */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 12): SearchEntry[] {
  const q = normalize(query);
  if (q === '') return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const score = matchScore(entry, q);
    if (score !== null) scored.push({ entry, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      a.entry.name.length - b.entry.name.length ||
      TARGET_ORDER[a.entry.target] - TARGET_ORDER[b.entry.target] ||
      a.entry.id.localeCompare(b.entry.id),
  );
  return scored.slice(0, Math.max(0, limit)).map((s) => s.entry);
}
