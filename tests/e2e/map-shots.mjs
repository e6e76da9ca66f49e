// Screenshots of the app's map for the browser suites: one place for "take the map's pixels" and
// "wait until the map has settled", which four suites used to write out each for themselves.
import { changedFraction, decodePng } from './png.mjs';

/** The map element's pixels (decoded PNG), also written to `path` when given. */
export async function mapShot(page, path) {
  return decodePng(await page.locator('[data-testid=map]').screenshot(path ? { path } : {}));
}

/**
 * Waits for the map to report idle, then for two screenshots `intervalMs` apart to agree (under
 * 0.05 % of the pixels changed by more than 8 levels); returns the last one. Throws after `timeoutMs`.
 */
export async function waitForStableMap(page, { timeoutMs = 30_000, intervalMs = 350 } = {}) {
  const deadline = Date.now() + timeoutMs;
  await page.waitForFunction(() => window.__onemap?.isMapIdle?.() === true, null, { timeout: timeoutMs });
  let prev = await mapShot(page);
  while (Date.now() < deadline) {
    await page.waitForTimeout(intervalMs);
    const next = await mapShot(page);
    if (changedFraction(prev, next, 8) < 0.0005) return next;
    prev = next;
  }
  throw new Error('map did not settle');
}
