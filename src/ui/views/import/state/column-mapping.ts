/**
 * The import dialog's column mapping: which schema field each column of the file fills. The
 * importer guesses from the header (编号/id, 名称/name, 经度/lng …, HEADER_ALIASES); the officer
 * corrects a guess, and the file is read again with the corrections as `columns` overrides.
 */
import { HEADER_ALIASES } from '../../../../io/adapters/from-csv';
import type { ColumnGuess } from '../../../../io/import/import-resources';

/** Every schema field a column can fill (the aliases' targets), in a stable order. */
export const MAPPABLE_FIELDS: readonly string[] = [...new Set(HEADER_ALIASES.values())].filter((f) => f !== 'synthetic');

const isField = (f: string | null): f is string => f !== null && MAPPABLE_FIELDS.includes(f);

/** The field a column fills as the dialog shows it: a schema field, or '' (kept as an extra property / not used). */
export const shownField = (c: ColumnGuess): string => (isField(c.field) ? c.field : '');

/**
 * The overrides (field → header) that turn the importer's guesses into the chosen mapping: a column
 * given a field claims it (the column that guessed it gives way); a column set to '' is renamed
 * `(unused) <header>`, a name no schema field has, so it fills none.
 */
export function mappingOverrides(columns: readonly ColumnGuess[], chosen: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const want = chosen[c.header];
    if (want === undefined || want === shownField(c)) continue;
    if (want === '') out[`(unused) ${c.header.trim()}`] = c.header;
    else out[want] = c.header;
  }
  return out;
}
