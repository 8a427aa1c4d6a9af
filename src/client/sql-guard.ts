// The explore console accepts one read-only statement: a SELECT (or WITH … SELECT).
// This check runs before the engine sees the text and gives a reader a plain reason;
// it is not the only wall: the console's database holds copies of the published
// tables only and has external access switched off (console-db.ts).

import { contentEnd, lexSql, maskSql } from '../lib/sql-lexer.ts';

export type GuardResult = { ok: true; sql: string } | { ok: false; reason: string };

// Statements and table functions a SELECT could smuggle in, or that touch files,
// settings or other databases. Matched as whole words outside strings and comments.
const FORBIDDEN = [
  'alter', 'attach', 'begin', 'call', 'checkpoint', 'commit', 'copy', 'create', 'deallocate', 'delete', 'detach',
  'drop', 'execute', 'export', 'import', 'insert', 'install', 'load', 'merge', 'pragma', 'prepare', 'reset',
  'rollback', 'set', 'truncate', 'update', 'use', 'vacuum', 'glob', 'parquet_scan', 'parquet_metadata',
  'parquet_schema', 'read_blob', 'read_csv', 'read_csv_auto', 'read_json', 'read_json_auto', 'read_ndjson',
  'read_ndjson_auto', 'read_parquet', 'read_text', 'sniff_csv',
];
const FORBIDDEN_RE = new RegExp(`\\b(${FORBIDDEN.join('|')})\\b`, 'i');

/**
 * The text with comments, string literals and quoted identifiers blanked out (same
 * length, so positions still match), or an error for an unterminated one.
 */
export function maskLiterals(sql: string): string | { error: string } {
  return maskSql(sql);
}

export function checkReadOnly(sql: string): GuardResult {
  const lexed = lexSql(sql);
  if (!lexed.ok) return { ok: false, reason: `The query cannot be read: ${lexed.error}.` };
  // The statement ends at its last token that is not a comment or whitespace; a string
  // literal there is part of it (trimming the blanked text used to cut it off).
  const end = contentEnd(lexed.tokens);
  const last = lexed.tokens.find((t) => t.end === end);
  const statement = last?.kind === 'code' && sql[end - 1] === ';' ? sql.slice(0, end - 1) : sql.slice(0, end);
  const body = maskSql(statement) as string;
  if (body.trim() === '') return { ok: false, reason: 'Write a SELECT query first.' };
  if (body.includes(';')) return { ok: false, reason: 'Run one statement at a time (the query has more than one “;”).' };
  const first = /^[\s(]*([A-Za-z]+)/.exec(body)?.[1]?.toLowerCase();
  if (first !== 'select' && first !== 'with') return { ok: false, reason: 'Only SELECT queries (or WITH … SELECT) run here: the data is read-only.' };
  const bad = FORBIDDEN_RE.exec(body);
  if (bad) return { ok: false, reason: `“${bad[1]!.toUpperCase()}” is not allowed here: the console only reads the published tables.` };
  return { ok: true, sql: statement.trim() };
}
