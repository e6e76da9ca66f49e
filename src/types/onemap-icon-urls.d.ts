/** scripts/server/vite-icon-files.ts: one same-origin SVG file per map icon key. */
declare module 'virtual:onemap-icon-urls' {
  const urls: Readonly<Record<import('../config/resource-kinds').IconKey, string>>;
  export default urls;
}
