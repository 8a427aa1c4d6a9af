// The explore console accepts one read-only statement: a SELECT (or WITH … SELECT).
// This check runs before the engine sees the text and gives a reader a plain reason;
// it is not the only wall: the console's database holds copies of the published
// tables only and has external access switched off (console-db.ts).

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
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    let end = -1;
    if (c === '-' && next === '-') {
      end = sql.indexOf('\n', i);
      if (end === -1) end = sql.length;
    } else if (c === '/' && next === '*') {
      end = sql.indexOf('*/', i + 2);
      if (end === -1) return { error: 'a /* comment is not closed' };
      end += 2;
    } else if (c === "'" || c === '"') {
      end = i + 1;
      for (;;) {
        const close = sql.indexOf(c, end);
        if (close === -1) return { error: c === "'" ? "a 'string' is not closed" : 'a "quoted name" is not closed' };
        // A doubled quote is an escaped quote, not the end.
        if (sql[close + 1] === c) end = close + 2;
        else {
          end = close + 1;
          break;
        }
      }
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const close = sql.indexOf(tag, i + tag.length);
        if (close === -1) return { error: 'a $$ string is not closed' };
        end = close + tag.length;
      }
    }
    if (end === -1) {
      out += c;
      i++;
    } else {
      // Keep newlines so "line 3" in an engine error still points at line 3.
      out += sql.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    }
  }
  return out;
}

export function checkReadOnly(sql: string): GuardResult {
  const masked = maskLiterals(sql);
  if (typeof masked !== 'string') return { ok: false, reason: `The query cannot be read: ${masked.error}.` };
  const code = masked.trimEnd();
  const body = code.endsWith(';') ? code.slice(0, -1) : code;
  if (body.trim() === '') return { ok: false, reason: 'Write a SELECT query first.' };
  if (body.includes(';')) return { ok: false, reason: 'Run one statement at a time (the query has more than one “;”).' };
  const first = /^[\s(]*([A-Za-z]+)/.exec(body)?.[1]?.toLowerCase();
  if (first !== 'select' && first !== 'with') return { ok: false, reason: 'Only SELECT queries (or WITH … SELECT) run here: the data is read-only.' };
  const bad = FORBIDDEN_RE.exec(body);
  if (bad) return { ok: false, reason: `“${bad[1]!.toUpperCase()}” is not allowed here: the console only reads the published tables.` };
  return { ok: true, sql: sql.slice(0, body.length).trim() };
}
