import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** url("data:…"), url('data:…') or url(data:…); the payload may hold the other quote (MapLibre's SVGs do). */
const DATA_URL = /url\(\s*(?:"data:([^"]*)"|'data:([^']*)'|data:([^)'"]*))\s*\)/gi;

/** Rewrites one CSS text: each data: image becomes a file in `assetsDir`; returns the new CSS. */
export function extractCssDataUrls(css: string, writeAsset: (fileName: string, bytes: Buffer) => void): string {
  return css.replace(DATA_URL, (_m, dq: string | undefined, sq: string | undefined, bare: string | undefined) => {
    const url = dq ?? sq ?? bare ?? '';
    const comma = url.indexOf(',');
    const meta = url.slice(0, comma), payload = url.slice(comma + 1);
    const mime = meta.split(';')[0]!.toLowerCase();
    const bytes = /;base64$/i.test(meta) ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
    const ext = mime === 'image/svg+xml' ? 'svg' : mime === 'image/png' ? 'png' : mime === 'image/gif' ? 'gif' : 'bin';
    const fileName = `inline-${createHash('sha256').update(bytes).digest('base64url').slice(0, 10)}.${ext}`;
    writeAsset(fileName, bytes);
    return `url("./${fileName}")`;
  });
}

/**
 * Build step for the strict CSP (img-src 'self', no data:): every `url(data:…)` image in the built
 * CSS — MapLibre's control icons, our own marker — becomes a content-named same-origin file beside
 * the CSS in assets/, and the CSS points to it. Runs on the written files (Vite 8 emits CSS after
 * the bundle hooks), so library CSS is covered too. The CSS keeps its name: it is a deterministic
 * function of the fingerprinted content.
 */
export function cssDataUrlsToFiles(): Plugin {
  let outDir = 'dist';
  return {
    name: 'onemap:css-data-urls-to-files',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets).filter((n) => n.endsWith('.css'))) {
        const path = join(assets, name);
        const css = readFileSync(path, 'utf8');
        const out = extractCssDataUrls(css, (fileName, bytes) => writeFileSync(join(assets, fileName), bytes));
        if (out !== css) writeFileSync(path, out);
      }
    },
  };
}
