/**
 * A short text preview of an untrusted value for an error message: at most `maxChars` characters,
 * at most 3 levels deep, a bounded number of items — never recursive past that, so a deeply nested
 * or huge value cannot overflow the stack or build a huge string (JSON.stringify and String() can).
 */
export function previewValue(value: unknown, maxChars = 60): string {
  let out = '';
  const room = () => out.length < maxChars;
  const walk = (v: unknown, depth: number): void => {
    if (!room()) return;
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'string') out += JSON.stringify(v.length > maxChars ? `${v.slice(0, maxChars)}…` : v);
      else if (typeof v === 'function' || typeof v === 'symbol') out += typeof v;
      else out += String(v);
      return;
    }
    if (depth >= 3) {
      out += Array.isArray(v) ? '[…]' : '{…}';
      return;
    }
    if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && room(); i++) {
        if (i > 0) out += ',';
        walk(v[i], depth + 1);
      }
      out += ']';
      return;
    }
    out += '{';
    let i = 0;
    for (const k of Object.keys(v)) {
      if (!room()) break;
      if (i++ > 0) out += ',';
      out += `${JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k)}:`;
      walk((v as Record<string, unknown>)[k], depth + 1);
    }
    out += '}';
  };
  walk(value, 0);
  return out.length > maxChars ? `${out.slice(0, maxChars)}…` : out;
}
