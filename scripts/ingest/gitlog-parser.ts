// Streaming parser for the "gitlog v1" format (shared/data/README.md): the bytes
// `git log --numstat --format=FMT` prints, whether read from a live clone or a
// gzipped export. It works on raw Buffers and only decodes one record at a time,
// because the whole dataset is ~570 MB of text and must parse at ≥ 50 MB/s.
import { isUtf8 } from 'node:buffer';
import { InputError, type FileChange, type RawCommit, type RawIdentity, type Warning } from '../common/types.ts';

const RS = 0x1e;
const US = '\x1f';
const GS = '\x1d';
const HEADER_FIELDS = 12;
const SHA_RE = /^[0-9a-f]{40}$/;

/** The git format string that produces gitlog v1; shared by the runner and the docs. */
/** Bump when the parser or the staging columns change: every repository is ingested again. */
export const PARSER_VERSION = 'gitlog-v1.2';

export const GITLOG_FORMAT = '%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aN%x1f%aE%x1f%aI%x1f%cn%x1f%ce%x1f%cI%x1f%s%x1f%(trailers:key=Co-authored-by,valueonly,separator=%x1d)';

export interface ParserOptions {
  /** Named in every error and warning. */
  file: string;
  /** Return false to stop parsing (e.g. the previously ingested head was reached). */
  onCommit: (commit: RawCommit, line: number) => boolean | void;
  onWarning?: (warning: Warning) => void;
}

export class GitlogParser {
  private readonly opts: ParserOptions;
  /** Chunks of the record in progress; joined only once a later record starts. */
  private pending: Buffer[] = [];
  private line = 1;
  private stopped = false;
  /** The first non-blank byte has been seen (and was 0x1E). */
  private started = false;
  bytes = 0;
  commits = 0;

  constructor(opts: ParserOptions) {
    this.opts = opts;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Feeds the next chunk; complete records are emitted, the tail is kept. */
  push(chunk: Buffer): void {
    if (this.stopped || chunk.length === 0) return;
    this.bytes += chunk.length;
    if (!this.started) this.checkStart(chunk);
    const lastInChunk = chunk.lastIndexOf(RS);
    // A record longer than a chunk (a commit touching thousands of files) is only
    // collected here: joining on every chunk would copy it over and over.
    if (lastInChunk === -1) {
      this.pending.push(chunk);
      return;
    }
    const buf = this.pending.length ? Buffer.concat([...this.pending, chunk]) : chunk;
    const last = buf.length - chunk.length + lastInChunk;
    this.parseRecords(buf, 0, last);
    this.pending = this.stopped ? [] : [buf.subarray(last)];
  }

  /** Flushes the final record; throws if the stream ended inside a header. */
  end(): void {
    if (this.stopped || !this.pending.length) return;
    const buf = Buffer.concat(this.pending);
    this.pending = [];
    this.parseRecords(buf, 0, buf.length);
  }

  /** Blank space may precede the first record; any other first byte means a wrong file. */
  private checkStart(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length && isBlank(chunk[i]!)) i++;
    if (i === chunk.length) return;
    if (chunk[i] !== RS) {
      throw new InputError('not a gitlog v1 stream: it does not start with a record separator (0x1E)', {
        file: this.opts.file,
        line: 1,
      });
    }
    this.started = true;
  }

  private parseRecords(buf: Buffer, from: number, to: number): void {
    let start = from;
    while (start < to && buf[start] !== RS) {
      if (buf[start] === 0x0a) this.line++;
      start++;
    }
    while (start < to && !this.stopped) {
      let next = buf.indexOf(RS, start + 1);
      if (next === -1 || next > to) next = to;
      this.parseRecord(buf, start + 1, next);
      start = next;
    }
  }

  private parseRecord(buf: Buffer, from: number, to: number): void {
    const recordLine = this.line;
    const slice = buf.subarray(from, to);
    const valid = isUtf8(slice);
    const text = slice.toString('utf8');
    const nl = text.indexOf('\n');
    let header = nl === -1 ? text : text.slice(0, nl);
    if (header.endsWith('\r')) header = header.slice(0, -1);
    const fields = header.split(US);
    const sha = fields[0] ?? '';
    if (fields.length < HEADER_FIELDS || !SHA_RE.test(sha)) {
      const what = !SHA_RE.test(sha)
        ? `record has no commit SHA (got ${JSON.stringify(sha.slice(0, 50))})`
        : `record has ${fields.length} of ${HEADER_FIELDS} header fields (truncated or not gitlog v1)`;
      throw new InputError(what, { file: this.opts.file, line: recordLine, commit: SHA_RE.test(sha) ? sha : undefined });
    }
    if (!valid) {
      this.opts.onWarning?.({
        message: 'invalid UTF-8 in this commit; decoded leniently (U+FFFD)',
        location: { file: this.opts.file, line: recordLine, commit: sha },
      });
    }
    const files: FileChange[] = [];
    let lineNo = recordLine;
    let pos = nl === -1 ? text.length : nl + 1;
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end === -1) end = text.length;
      lineNo++;
      // Blank lines (git prints one after each header) carry nothing, CRLF or not.
      if (end > pos && !(end === pos + 1 && text.charCodeAt(pos) === 13)) {
        const change = parseNumstat(text, pos, end);
        if (change) files.push(change);
        else {
          this.opts.onWarning?.({
            message: `unreadable numstat line skipped: ${JSON.stringify(text.slice(pos, Math.min(end, pos + 80)))}`,
            location: { file: this.opts.file, line: lineNo, commit: sha },
          });
        }
      }
      pos = end + 1;
    }
    // A record's text ends with the newline before the next RS; count every newline.
    this.line = recordLine + countNewlines(text);
    // The subject is raw message text and may itself hold 0x1F; the fields around it
    // are fixed, so anything extra belongs to the subject.
    const last = fields.length - 1;
    const commit: RawCommit = {
      sha,
      parents: fields[1] ? fields[1].split(' ') : [],
      author: { name: fields[2]!, email: fields[3]! },
      authorMailmapped: { name: fields[4]!, email: fields[5]! },
      authorDate: fields[6]!,
      committer: { name: fields[7]!, email: fields[8]! },
      committerDate: fields[9]!,
      subject: last === HEADER_FIELDS - 1 ? fields[10]! : fields.slice(10, last).join(US),
      coAuthors: parseCoAuthors(fields[last]!),
      files,
    };
    this.commits++;
    if (this.opts.onCommit(commit, recordLine) === false) this.stopped = true;
  }
}

function isBlank(b: number): boolean {
  return b === 0x0a || b === 0x0d || b === 0x20 || b === 0x09;
}

function countNewlines(text: string): number {
  let n = 0;
  let i = text.indexOf('\n');
  while (i !== -1) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

function parseCount(text: string, from: number, to: number): number | null | undefined {
  if (to - from === 1 && text.charCodeAt(from) === 45 /* - */) return null;
  if (to <= from) return undefined;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    n = n * 10 + c;
  }
  return n;
}

function parseNumstat(text: string, from: number, to: number): FileChange | null {
  if (text.charCodeAt(to - 1) === 13) to--; // tolerate CRLF exports
  const t1 = text.indexOf('\t', from);
  if (t1 === -1 || t1 >= to) return null;
  const t2 = text.indexOf('\t', t1 + 1);
  if (t2 === -1 || t2 >= to) return null;
  const added = parseCount(text, from, t1);
  const deleted = parseCount(text, t1 + 1, t2);
  if (added === undefined || deleted === undefined || t2 + 1 >= to) return null;
  const path = text.charCodeAt(t2 + 1) === 34 /* " */ ? unquotePath(text.slice(t2 + 1, to)) : text.slice(t2 + 1, to);
  return { path, added, deleted };
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * core.quotepath=off stops git from escaping non-ASCII bytes, but a path holding a
 * double quote, a backslash or a control character is still printed C-quoted
 * (`"a\"b.txt"`). A real path never starts with `"` unquoted, since that byte itself
 * triggers quoting, so a leading quote always means an escaped path.
 */
export function unquotePath(quoted: string): string {
  if (quoted.length < 2 || !quoted.endsWith('"')) return quoted;
  const bytes: number[] = [];
  const body = quoted.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\' || i + 1 >= body.length) {
      const cp = body.codePointAt(i)!;
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) bytes.push(b);
      if (cp > 0xffff) i++;
      continue;
    }
    const next = body[i + 1]!;
    if (/[0-7]/.test(next) && /^[0-7]{3}$/.test(body.slice(i + 1, i + 4))) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else if (next in C_ESCAPES) {
      bytes.push(C_ESCAPES[next]!);
      i += 1;
    } else {
      return quoted; // not git's quoting after all: keep what was printed
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const CO_AUTHOR_RE = /^\s*(.*?)\s*<([^<>]*)>\s*$/;

/** `Name <email>` entries joined by 0x1D; an entry without brackets is a bare name. */
export function parseCoAuthors(raw: string): RawIdentity[] {
  if (!raw) return [];
  const out: RawIdentity[] = [];
  for (const entry of raw.split(GS)) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    const m = CO_AUTHOR_RE.exec(trimmed);
    out.push(m ? { name: m[1]!, email: m[2]!.trim() } : { name: trimmed, email: '' });
  }
  return out;
}
