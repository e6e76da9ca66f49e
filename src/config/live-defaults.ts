/** Defaults for live sources (sources.json). */

/** The bbox asked of OGC API – Features servers: Taishun County's outline, [west, south, east, north], rounded outwards. */
export const COUNTY_BBOX: readonly [number, number, number, number] = [119.62, 27.3, 120.25, 27.82];
/** Failing sources are asked again after pollSeconds × 2^failures, at most this many times pollSeconds. */
export const BACKOFF_MAX_FACTOR = 4;
/** …and never later than this. */
export const BACKOFF_MAX_SECONDS = 600;
/** How often age and staleness are re-evaluated on screen. */
export const LIVE_CLOCK_MS = 2_000;
