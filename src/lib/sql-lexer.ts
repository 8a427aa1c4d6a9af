// The one reader of SQL text in the project: it tells code from comments, string
// literals and quoted names, so that a keyword, a table name or a `;` is only ever
// looked for in code. The console's guard, the browser runner's view finder and the
// engine's SQL dependency reader all use it. It follows DuckDB's lexical rules
// (PostgreSQL's): '' inside a string is a quote, E'…' strings take backslash escapes,
// $tag$…$tag$ strings, "quoted names" with "" inside, -- and nested /* */ comments.

export type TokenKind = 'code' | 'space' | 'comment' | 'string' | 'quoted';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: string; at: number };

/** Splits `sql` into runs of code, whitespace, comments, strings and quoted names. */
export function lexSql(sql: string): LexResult {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number) => {
    const last = tokens.at(-1);
    // Adjacent code or space characters form one run.
    if (last && last.kind === kind && (kind === 'code' || kind === 'space') && last.end === start) last.end = end;
    else tokens.push({ kind, start, end });
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const nl = sql.indexOf('\n', i);
      const end = nl === -1 ? sql.length : nl;
      push('comment', i, end);
      i = end;
    } else if (c === '/' && next === '*') {
      let depth = 1;
      let j = i + 2;
      while (j < sql.length && depth > 0) {
        if (sql.startsWith('/*', j)) {
          depth++;
          j += 2;
        } else if (sql.startsWith('*/', j)) {
          depth--;
          j += 2;
        } else j++;
      }
      if (depth > 0) return { ok: false, error: 'a /* comment is not closed', at: i };
      push('comment', i, j);
      i = j;
    } else if (c === "'" || ((c === 'E' || c === 'e') && next === "'" && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? ''))) {
      const escapes = c !== "'";
      let j = i + (escapes ? 2 : 1);
      for (;;) {
        if (j >= sql.length) return { ok: false, error: "a 'string' is not closed", at: i };
        const ch = sql[j]!;
        if (escapes && ch === '\\') j += 2;
        else if (ch === "'" && sql[j + 1] === "'") j += 2;
        else if (ch === "'") break;
        else j++;
      }
      push('string', i, j + 1);
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      for (;;) {
        const close = sql.indexOf('"', j);
        if (close === -1) return { ok: false, error: 'a "quoted name" is not closed', at: i };
        if (sql[close + 1] === '"') j = close + 2;
        else {
          j = close + 1;
          break;
        }
      }
      push('quoted', i, j);
      i = j;
    } else if (c === '$' && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
      // $1 is a parameter; $$ and $tag$ open a dollar-quoted string.
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))?.[0];
      if (tag) {
        const close = sql.indexOf(tag, i + tag.length);
        if (close === -1) return { ok: false, error: `a ${tag} string is not closed`, at: i };
        push('string', i, close + tag.length);
        i = close + tag.length;
      } else {
        push('code', i, i + 1);
        i++;
      }
    } else if (/\s/.test(c)) {
      push('space', i, i + 1);
      i++;
    } else {
      push('code', i, i + 1);
      i++;
    }
  }
  return { ok: true, tokens };
}

/**
 * The text with comments, strings and quoted names blanked (same length, newlines
 * kept, so positions and "line 3" in an engine error still match), or the lexing error.
 */
export function maskSql(sql: string, keep: readonly TokenKind[] = []): string | { error: string } {
  const lexed = lexSql(sql);
  if (!lexed.ok) return { error: lexed.error };
  let out = '';
  for (const t of lexed.tokens) {
    const text = sql.slice(t.start, t.end);
    out += t.kind === 'code' || t.kind === 'space' || keep.includes(t.kind) ? text : text.replace(/[^\n]/g, ' ');
  }
  return out;
}

/** Where the statement's last meaningful token ends (comments and whitespace after it do not count). */
export function contentEnd(tokens: readonly Token[]): number {
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.kind !== 'space' && t.kind !== 'comment') return t.end;
  }
  return 0;
}
