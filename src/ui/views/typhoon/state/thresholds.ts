/** The force (Beaufort) a Chinese feed's threshold stands for: "30" → 7, "50" → 10, "64" → 12. */
const CHINESE_FORCE: Readonly<Record<string, number>> = { 30: 7, 50: 10, 64: 12 };

/** i18n key and values naming a threshold as its source does (force for Chinese feeds, knots for JTWC). */
export function thresholdLabel(thresholdKt: string, chineseFeed: boolean): { key: string; values: Record<string, string | number> } {
  const force = CHINESE_FORCE[thresholdKt];
  if (chineseFeed && force) return { key: 'typhoon.circle.force', values: { force, kt: thresholdKt } };
  return { key: 'typhoon.circle.knots', values: { kt: thresholdKt } };
}
