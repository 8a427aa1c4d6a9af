// Streaming parser for the "gitlog v1" format (shared/data/README.md): the bytes
// `git log --numstat --format=FMT` prints, whether read from a live clone or a
// gzipped export. It works on raw Buffers and only decodes one record at a time,
// because the whole dataset is ~570 MB of text and must parse at ≥ 50 MB/s.
import { isUtf8 } from 'node:buffer';
import { InputError, type FileChange, type RawCommit, type RawIdentity, type Warning } from './types.ts';

const RS = 0x1e;
const US = '\x1f';
const GS = '\x1d';
const HEADER_FIELDS = 12;
const SHA_RE = /^[0-9a-f]{40}$/;

/** The git format string that produces gitlog v1; shared by the runner and the docs. */
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
  private pending: Buffer | null = null;
  private line = 1;
  private stopped = false;
  private sawRecord = false;
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
    if (this.stopped) return;
    this.bytes += chunk.length;
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    const last = buf.lastIndexOf(RS);
    if (last <= 0) {
      this.pending = buf;
      if (!this.sawRecord && buf.length > 0 && buf[0] !== RS) this.failNoRecordStart(buf);
      return;
    }
    this.parseRecords(buf, 0, last);
    this.pending = this.stopped ? null : buf.subarray(last);
  }

  /** Flushes the final record; throws if the stream ended inside a header. */
  end(): void {
    if (this.stopped || !this.pending) return;
    const buf = this.pending;
    this.pending = null;
    this.parseRecords(buf, 0, buf.length);
  }

  private failNoRecordStart(buf: Buffer): never {
    throw new InputError('not a gitlog v1 stream: it does not start with a record separator (0x1E)', {
      file: this.opts.file,
      line: 1,
    });
  }

  private parseRecords(buf: Buffer, from: number, to: number): void {
    let start = from;
    if (!this.sawRecord) {
      // Leading blank space is tolerated; anything else means a wrong file.
      while (start < to && (buf[start] === 0x0a || buf[start] === 0x0d || buf[start] === 0x20)) start++;
      if (start < to && buf[start] !== RS) this.failNoRecordStart(buf);
    }
    while (start < to && !this.stopped) {
      let next = buf.indexOf(RS, start + 1);
      if (next === -1 || next > to) next = to;
      this.parseRecord(buf, start + 1, next);
      this.sawRecord = true;
      start = next;
    }
  }

  private parseRecord(buf: Buffer, from: number, to: number): void {
    const recordLine = this.line;
    const slice = buf.subarray(from, to);
    const valid = isUtf8(slice);
    const text = slice.toString('utf8');
    const nl = text.indexOf('\n');
    const header = nl === -1 ? text : text.slice(0, nl);
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
      if (end > pos) {
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
    const commit: RawCommit = {
      sha,
      parents: fields[1] ? fields[1].split(' ') : [],
      author: { name: fields[2]!, email: fields[3]! },
      authorMailmapped: { name: fields[4]!, email: fields[5]! },
      authorDate: fields[6]!,
      committer: { name: fields[7]!, email: fields[8]! },
      committerDate: fields[9]!,
      subject: fields[10]!,
      coAuthors: parseCoAuthors(fields.slice(11).join(US)),
      files,
    };
    this.commits++;
    if (this.opts.onCommit(commit, recordLine) === false) this.stopped = true;
  }
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
  return { path: text.slice(t2 + 1, to), added, deleted };
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
