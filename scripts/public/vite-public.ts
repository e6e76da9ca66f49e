/**
 * Vite plugins of the public shelter finder's build (`vite build --mode public`, see vite.config.ts):
 * its HTML becomes the folder's index.html, and the build prints what a phone downloads before
 * the first answer (gzipped) apart from what comes after (the map, the walking worker).
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * public.html → index.html in the output, so any static host serves the finder at the folder's
 * root; and a preload of the finder's data file, so it downloads alongside the JS instead of one
 * round trip after it (on a 400 ms RTT network that is the difference the phone feels).
 */
export function finderHtmlAsIndex(): Plugin {
  return {
    name: 'onemap-finder-html-as-index',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['public.html'];
      if (!html || html.type !== 'asset') return;
      delete bundle['public.html'];
      const data = Object.keys(bundle).find((f) => /(^|\/)finder-data-[\w-]+\.json$/.test(f));
      let source = String(html.source);
      if (data) source = source.replace('</head>', `  <link rel="preload" href="./${data}" as="fetch" type="application/json" crossorigin>\n  </head>`);
      this.emitFile({ type: 'asset', fileName: 'index.html', source });
    },
  };
}

interface OutputItem { type: 'chunk' | 'asset'; fileName: string; code?: string; source?: string | Uint8Array; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; viteMetadata?: { importedCss?: Set<string> } }

const gz = (x: string | Uint8Array) => gzipSync(typeof x === 'string' ? Buffer.from(x) : Buffer.from(x), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export interface FinderSizes {
  firstAnswerJsGzipBytes: number;
  firstAnswerCssGzipBytes: number;
  dataGzipBytes: number;
  /** the lazy map chunks and MapLibre's worker */
  mapGzipBytes: number;
  walkingWorkerGzipBytes: number;
}

/** Prints the entry's JS gzipped (goal < 150 KB) and, separately, the lazy map and the workers. */
export function finderSizeReport(goalBytes = 150 * 1024): Plugin {
  return {
    name: 'onemap-finder-size-report',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const items = Object.values(bundle) as unknown as OutputItem[];
      const byName = new Map(items.map((i) => [i.fileName, i]));
      const entry = items.filter((i) => i.type === 'chunk' && i.isEntry);
      const first = new Set<string>();
      const visit = (name: string) => {
        if (first.has(name)) return;
        first.add(name);
        for (const dep of byName.get(name)?.imports ?? []) visit(dep);
      };
      entry.forEach((e) => visit(e.fileName));
      const css = new Set<string>();
      for (const n of first) for (const c of byName.get(n)?.viteMetadata?.importedCss ?? []) css.add(c);
      const bodyOf = (i: OutputItem) => i.code ?? i.source ?? '';
      const sum = (names: Iterable<string>) => [...names].reduce((s, n) => s + gz(bodyOf(byName.get(n)!)), 0);
      const workers = items.filter((i) => /worker/i.test(i.fileName) && i.fileName.endsWith('.js'));
      const walkingWorkers = workers.filter((w) => /walking/.test(w.fileName));
      const mapWorkers = workers.filter((w) => !walkingWorkers.includes(w));
      const lazy = items.filter((i) => i.type === 'chunk' && !first.has(i.fileName) && !workers.includes(i));
      const data = items.filter((i) => /finder-data.*\.json$/.test(i.fileName));
      const sizes: FinderSizes = {
        firstAnswerJsGzipBytes: sum(first),
        firstAnswerCssGzipBytes: sum(css),
        dataGzipBytes: sum(data.map((d) => d.fileName)),
        mapGzipBytes: sum([...lazy, ...mapWorkers].map((l) => l.fileName)),
        walkingWorkerGzipBytes: sum(walkingWorkers.map((w) => w.fileName)),
      };
      const ok = sizes.firstAnswerJsGzipBytes < goalBytes;
      console.log('\npublic finder — what a phone downloads (gzipped):');
      console.log(`  before the first answer: JS ${kb(sizes.firstAnswerJsGzipBytes)} (${first.size} file(s); goal < ${kb(goalBytes)}: ${ok ? 'met' : 'NOT met'}), CSS ${kb(sizes.firstAnswerCssGzipBytes)}, data ${kb(sizes.dataGzipBytes)}`);
      console.log(`  after it: walking worker ${kb(sizes.walkingWorkerGzipBytes)}; map ${kb(sizes.mapGzipBytes)} (${lazy.length} lazy chunk(s) + MapLibre's worker)`);
      this.emitFile({ type: 'asset', fileName: 'build-sizes.json', source: `${JSON.stringify(sizes, null, 1)}\n` });
    },
  };
}
