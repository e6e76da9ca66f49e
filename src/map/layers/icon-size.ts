/**
 * Icon size on screen at a zoom: small enough to see the whole county at once, bigger as the officer
 * zooms in on a village (20 px at the county view, 34 px from zoom 16 on).
 */
export function iconSizePixelsAtZoom(zoom: number): number {
  const z = Math.floor(zoom);
  return Math.max(18, Math.min(34, 20 + (z - 9) * 2));
}
