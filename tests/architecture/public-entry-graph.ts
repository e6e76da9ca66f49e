import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/**
 * Every module an entry reaches — static imports, side-effect imports, dynamic `import()` (the lazy
 * map) and `new URL('…', import.meta.url)` (its workers) — resolved the way Vite does for this repo
 * (relative paths with .ts/.tsx/index, `?url`/`?worker` suffixes dropped). Packages are collected by name.
 */
export interface EntryGraph {
  /** repo-relative paths of the source files reached */
  readonly files: Set<string>;
  /** bare package specifiers reached (e.g. "react-dom/client", "maplibre-gl") */
  readonly packages: Set<string>;
  /** "from → to" for every edge, to name the offending chain in a failure */
  readonly edges: Map<string, string>;
}

const SPEC = /(?:^|[^\w$.])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

function resolveFile(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

export function walkEntry(repoRoot: string, entry: string): EntryGraph {
  const files = new Set<string>(), packages = new Set<string>(), edges = new Map<string, string>();
  const todo = [resolve(repoRoot, entry)];
  while (todo.length) {
    const file = todo.pop()!;
    const rel = relative(repoRoot, file);
    if (files.has(rel)) continue;
    files.add(rel);
    if (!/\.(ts|tsx|js|mjs)$/.test(file)) continue; // css, json, geojson: leaves
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(SPEC)) {
      const whole = m[0];
      if (/^\W?(import|export)\s+type\s/.test(whole.trimStart())) continue; // erased at build time
      const spec = (m[1] ?? m[2] ?? m[3])!;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = resolveFile(file, spec);
        if (!target) {
          // Build outputs (.generated/, written by `npm run build:public`) are data, not code: a fresh
          // clone has not built them yet, and they import nothing.
          const wanted = relative(repoRoot, resolve(dirname(file), spec.replace(/\?.*$/, '')));
          if (wanted.startsWith('.generated/')) {
            files.add(wanted);
            if (!edges.has(wanted)) edges.set(wanted, rel);
            continue;
          }
          throw new Error(`${rel}: cannot resolve "${spec}"`);
        }
        const to = relative(repoRoot, target);
        if (!edges.has(to)) edges.set(to, rel);
        todo.push(target);
      } else {
        packages.add(spec);
        if (!edges.has(`package:${spec}`)) edges.set(`package:${spec}`, rel);
      }
    }
  }
  return { files, packages, edges };
}

/** The chain of imports from the entry to `node` ("a → b → c"). */
export function chainTo(g: EntryGraph, node: string): string {
  const chain = [node];
  for (let at = g.edges.get(node); at; at = g.edges.get(at)) chain.unshift(at);
  return chain.join(' → ');
}
