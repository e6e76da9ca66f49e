/**
 * Formula-leading text in exported CSV/XLSX cells (=, +, -, @, tab, CR) is prefixed with an
 * apostrophe so a spreadsheet shows it as text instead of running it (OWASP "CSV injection").
 * Importing undoes exactly that prefix, so import(export(x)) equals x: the map is a bijection on
 * strings (text already starting with an apostrophe before such a character gets one more).
 */
const FORMULA_LEAD = /^['=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_LEAD.test(text) && (text[0] !== "'" || FORMULA_LEAD.test(text.slice(1))) ? `'${text}` : text;
}

export function unneutraliseCell(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_LEAD.test(text.slice(1)) ? text.slice(1) : text;
}
