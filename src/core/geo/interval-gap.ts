/**
 * The gap between the intervals [min, max] and [lo, hi] (min ≤ max, lo ≤ hi; 0 when they meet):
 * `Math.max(0, min - hi, lo - max)` bit for bit, since at most one of the two differences is
 * positive and a difference of finite doubles is positive exactly when the first is larger, without
 * Math.max's handling of NaN and signed zeros (the snap raster's and the contour's hot loops).
 */
export function gapOf(min: number, max: number, lo: number, hi: number): number {
  return min > hi ? min - hi : lo > max ? lo - max : 0;
}
