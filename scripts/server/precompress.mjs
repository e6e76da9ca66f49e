#!/usr/bin/env node
/**
 * After `vite build`: writes file.br and file.gz beside every compressible file of the given
 * folders (default dist), so the server sends them without compressing per request. Skips small
 * files and those that do not shrink. `node scripts/server/precompress.mjs dist dist-public`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|geojson|svg|webmanifest|txt|wasm|osm|map)$/;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (COMPRESSIBLE.test(name)) yield p;
  }
}

let raw = 0, br = 0, count = 0;
for (const dir of process.argv.slice(2).length ? process.argv.slice(2) : ['dist']) {
  for (const p of files(dir)) {
    const bytes = readFileSync(p);
    if (bytes.length < MIN_BYTES) continue;
    const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    const g = gzipSync(bytes, { level: 9 });
    if (b.length < bytes.length * 0.95) writeFileSync(`${p}.br`, b);
    if (g.length < bytes.length * 0.95) writeFileSync(`${p}.gz`, g);
    raw += bytes.length; br += Math.min(b.length, bytes.length); count++;
  }
}
console.log(`precompressed ${count} files: ${(raw / 2 ** 20).toFixed(2)} MB → ${(br / 2 ** 20).toFixed(2)} MB brotli`);
