/// <reference types="vitest/config" />
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { finderHtmlAsIndex, finderSizeReport } from './scripts/public/vite-public.ts';
import { cssDataUrlsToFiles } from './scripts/server/vite-no-data-urls.ts';
import { iconFiles } from './scripts/server/vite-icon-files.ts';

const shared = {
  // Demo data lives in data/ and is imported with `?url`, so it is fingerprinted into dist/.
  assetsInclude: ['**/*.geojson', '**/*.osm', '**/*.pbf'],
  worker: { format: 'es' as const },
};

/**
 * `vite build --mode public` (npm run build:public): the public shelter finder alone, into
 * dist-public/ — its own entry (public.html → index.html), its own static files, and a service
 * worker (vite-plugin-pwa, prompt to update) that only this build gets; the officer app in dist/
 * never has one.
 */
function publicFinderConfig(command: 'build' | 'serve'): UserConfig {
  return {
    ...shared,
    // The finder is written against React's API and built with Preact's compat layer (preact/compat):
    // ~10 KB instead of React DOM's ~58 KB gzipped before the first answer — on a 400 kbit/s phone
    // that is a second. The dev server keeps React (fast refresh); the browser tests run the build.
    ...(command === 'build'
      ? {
          resolve: {
            alias: [
              { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
              { find: /^react-dom$/, replacement: 'preact/compat' },
              { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
              { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
              { find: /^react$/, replacement: 'preact/compat' },
            ],
          },
        }
      : {}),
    // relative URLs: the folder works from any path of any static host or CDN
    base: './',
    publicDir: 'src/public/static',
    plugins: [
      react(),
      cssDataUrlsToFiles(), // MapLibre's control icons as files, not data: URLs (strict CSP)
      VitePWA({
        strategies: 'generateSW',
        registerType: 'prompt',
        injectRegister: false, // src/public/pwa.ts registers it and asks before any reload
        filename: 'sw.js',
        manifestFilename: 'manifest.webmanifest',
        manifest: {
          name: '就近避灾点查询 · Shelter finder (泰顺县 示意)',
          short_name: '避灾点',
          description: '最近的开放避灾点 · Nearest open shelter · أقرب ملجأ مفتوح (synthetic demo data)',
          lang: 'zh-CN',
          start_url: './',
          scope: './',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#1c2a45',
          icons: [
            { src: 'finder-icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: 'finder-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            { src: 'finder-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          // the entry, the shelter data, the walking graph's roads, the county basemap, the map and its worker
          globPatterns: ['**/*.{js,css,html,json,geojson,svg,png,webmanifest}'],
          globIgnores: ['build-sizes.json'],
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
          navigateFallback: 'index.html',
          cleanupOutdatedCaches: true,
          clientsClaim: true,
          skipWaiting: false,
        },
      }),
      finderHtmlAsIndex(),
      finderSizeReport(),
    ],
    build: {
      outDir: 'dist-public',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 2500,
      rolldownOptions: { input: { public: 'public.html' } },
      // no data: URLs (the strict CSP of scripts/server/csp.mjs refuses them): small files stay files
      assetsInlineLimit: 0,
    },
    preview: { host: '127.0.0.1', port: 4174, strictPort: true },
  };
}

// One config for the officer app's build, the preview server and vitest; `--mode public` for the finder.
export default defineConfig(({ mode, command }) =>
  mode === 'public'
    ? publicFinderConfig(command)
    : {
        ...shared,
        // Strict CSP (scripts/server/csp.mjs): no asset is inlined as a data: URL, CSS data: images become files.
        plugins: [react(), iconFiles(), cssDataUrlsToFiles()],
        build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2500, assetsInlineLimit: 0 },
        preview: { host: '127.0.0.1', port: 4173, strictPort: true },
        test: {
          environment: 'node',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
);
