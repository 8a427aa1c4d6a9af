// Text that a spreadsheet would run as a formula when a CSV is opened (a cell starting
// with = + - @, or a tab or carriage return before one). Such a cell is written with a
// leading apostrophe, the way spreadsheet-safe exporters do (OWASP "CSV injection").
// One rule for the build's downloads (as SQL) and the console's download (in the page).

/** The characters that start a formula; a regular-expression class body, valid in JS and RE2. */
export const FORMULA_START_CLASS = '=+\\-@\\t\\r';
const FORMULA_START = new RegExp(`^[${FORMULA_START_CLASS}]`);

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The same rule as a DuckDB expression over a text column (its name already quoted). */
export function neutraliseFormulaSql(column: string): string {
  return `CASE WHEN regexp_matches(${column}, '^[${FORMULA_START_CLASS}]') THEN '''' || ${column} ELSE ${column} END`;
}
