/**
 * Where the foot of a point on a segment lies, as the fraction t ∈ [0, 1] along it: the projection
 * `dot` of the point (relative to the segment's start) on the segment's direction, over the
 * segment's squared length `len2`, clamped. Bit for bit
 * `len2 > 0 ? Math.min(1, Math.max(0, dot / len2)) : 0` for finite inputs (a quotient of finite
 * doubles with a positive divisor is ≤ 0 exactly when the dividend is, and ≥ 1 exactly when the
 * dividend is ≥ the divisor), without the division where the foot is clamped to an end and without
 * Math.min/max's handling of NaN and signed zeros: the snap raster runs it millions of times.
 */
export function segmentParameter(dot: number, len2: number): number {
  return len2 > 0 ? (dot <= 0 ? 0 : dot >= len2 ? 1 : dot / len2) : 0;
}
