/** Number formats of the planner view. */
export const fmtInt = (n: number, lang: string) => Math.round(n).toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN');
export const fmtPct = (share: number) => `${(100 * share).toFixed(1)}%`;
export const fmtMinutes = (seconds: number | null) => (seconds === null ? null : (seconds / 60).toFixed(1));
