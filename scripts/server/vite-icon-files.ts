import type { Plugin } from 'vite';
import { buildIconSvg, ICON_KEYS } from '../../src/config/resource-kinds.ts';

const ID = 'virtual:onemap-icon-urls';
const RESOLVED = `\0${ID}`;
export const ICON_ATLAS_PIXELS = 48;

/**
 * The map's resource icons as same-origin files, for the strict CSP (deck.gl fetches icon URLs,
 * so data: URLs would need connect-src data:). `import ICON_URLS from 'virtual:onemap-icon-urls'`
 * gives { [IconKey]: url }: in a build, one fingerprinted SVG file per key, drawn by the same
 * buildIconSvg as before; in the dev server and vitest (no CSP), data: URLs of that SVG.
 */
export function iconFiles(): Plugin {
  let build = false;
  return {
    name: 'onemap:icon-files',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const entries = ICON_KEYS.map((key) => {
        const svg = buildIconSvg(key, ICON_ATLAS_PIXELS);
        if (!build) return `${JSON.stringify(key)}: ${JSON.stringify(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`)}`;
        const ref = this.emitFile({ type: 'asset', name: `icon-${key}.svg`, source: svg });
        return `${JSON.stringify(key)}: import.meta.ROLLUP_FILE_URL_${ref}`;
      });
      return `export default {\n${entries.join(',\n')}\n};\n`;
    },
  };
}
