// A failed console query as a reader needs it. DuckDB puts its help after the first
// line ("Candidate bindings: …", "Did you mean …?") and ends with the query line and a
// caret under the fault ("LINE 1: SELECT quartr …" / "^"); the status line has room
// for the first line only, so the rest is shown under it.

export interface QueryError {
  /** The first line: the kind of error and what is wrong. */
  summary: string;
  /** DuckDB's suggestion, when it has one. */
  hint: string | null;
  /** The query line and the caret under the fault, to show in a monospace block. */
  position: string | null;
}

export function queryError(e: unknown): QueryError {
  const text = (e instanceof Error ? e.message : String(e)).replace(/\r\n?/g, '\n').trim();
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > 0 && /^LINE \d+:/.test(l));
  const middle = lines.slice(1, at < 0 ? undefined : at).map((l) => l.trim()).filter(Boolean);
  return {
    summary: lines[0] ?? '',
    hint: middle.length > 0 ? middle.join(' ') : null,
    position: at < 0 ? null : lines.slice(at).join('\n'),
  };
}
