// A text value written into SQL as a literal, for the few places a value cannot be a
// bound parameter (file names in read_parquet, view definitions, COPY targets).

/** 'it''s' for it's: the only escape a SQL string literal needs. */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
