/**
 * Copy untrusted JSON-like data into fresh plain objects, dropping keys that could reach an
 * object's prototype (`__proto__`, `constructor`, `prototype`). Returns the dropped key paths so
 * callers can report them.
 */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

export interface SafeCopy {
  value: unknown;
  droppedKeys: { path: string; value: unknown }[];
}

export function safeCopy(input: unknown): SafeCopy {
  const droppedKeys: { path: string; value: unknown }[] = [];
  const copy = (v: unknown, path: string, depth: number): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (depth > MAX_DEPTH) {
      droppedKeys.push({ path: path || '(root)', value: '(nested too deep)' });
      return undefined;
    }
    if (Array.isArray(v)) return v.map((item, i) => copy(item, path ? `${path}.${i}` : String(i), depth + 1));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (UNSAFE_KEYS.has(key)) {
        droppedKeys.push({ path: keyPath, value: (v as Record<string, unknown>)[key] });
        continue;
      }
      // defineProperty, not assignment: no setter on the prototype chain can run.
      Object.defineProperty(out, key, {
        value: copy((v as Record<string, unknown>)[key], keyPath, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  return { value: copy(input, '', 0), droppedKeys };
}

export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
