// The gitlog v1 parser, against the bytes real git prints and against hand-made
// bytes for what git never prints but exports can contain (CRLF, invalid UTF-8,
// truncation). Whatever the chunking, the records must be the same.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitlogParser, parseCoAuthors, unquotePath } from '../../../scripts/ingest/gitlog-parser.ts';
import { streamGitlogExport } from '../../../scripts/ingest/gitlog-export.ts';
import { InputError, type RawCommit, type Warning } from '../../../scripts/common/types.ts';
import { GitRepo, makeTmp, removeTmp } from '../../helpers/git-repo.ts';

interface Parsed {
  commits: RawCommit[];
  lines: number[];
  warnings: Warning[];
}

function parseChunks(chunks: Buffer[], file = 'fixture.gitlog'): Parsed {
  const out: Parsed = { commits: [], lines: [], warnings: [] };
  const parser = new GitlogParser({
    file,
    onCommit: (c, line) => {
      out.commits.push(c);
      out.lines.push(line);
    },
    onWarning: (w) => out.warnings.push(w),
  });
  for (const c of chunks) parser.push(c);
  parser.end();
  return out;
}

const parse = (bytes: Buffer, file?: string): Parsed => parseChunks([bytes], file);

function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);
const SHA_C = 'c'.repeat(40);

/** One record as git prints it: header, a blank line, numstat lines. */
function record(fields: string[], numstat: string[] = [], nl = '\n'): string {
  return `\x1e${fields.join('\x1f')}${nl}${numstat.length ? nl + numstat.map((l) => l + nl).join('') : ''}`;
}

function header(sha: string, over: Partial<Record<'parents' | 'subject' | 'co', string>> = {}): string[] {
  return [
    sha,
    over.parents ?? '',
    'Ann Author',
    'ann@acme.io',
    'Ann Author',
    'ann@acme.io',
    '2024-03-01T10:00:00+01:00',
    'Cy Committer',
    'cy@acme.io',
    '2024-03-02T11:00:00-05:00',
    over.subject ?? 'subject',
    over.co ?? '',
  ];
}

describe('a real repository, as git prints it', () => {
  let repo: GitRepo;
  let log: Buffer;
  const sha: Record<string, string> = {};
  const zoe = { name: 'Zoë Ünicode', email: 'zoe@acme.io' };
  const cm = { name: 'Com Mitter', email: 'cm@acme.io' };

  beforeAll(() => {
    repo = GitRepo.init();
    sha.root = repo.commit({
      author: zoe,
      committer: cm,
      date: '2024-07-01T05:00:00+14:00',
      committerDate: '2024-07-02T10:00:00-12:00',
      message: 'Add the first files\n\nA body line that is not the subject.',
      coAuthors: ['Bob Beta <bob@beta.io>', 'Jane Doe', 'Claude <noreply@anthropic.com>'],
      files: {
        'src/a b.py': 'one\ntwo\nthree\n',
        'données/é.txt': 'ü\n',
        'img/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 0xff, 0]),
        'we"ird.txt': 'x\n',
        'tab\there.txt': 'y\n',
      },
    });
    repo.checkout('feature', true);
    sha.feature = repo.commit({
      author: { name: 'zoe', email: 'zoe@oldmail.io' },
      date: '2024-06-30T23:30:00-02:00',
      message: 'Edit a b',
      files: { 'src/a b.py': 'one\nTWO\nthree\n' },
    });
    repo.checkout('main');
    sha.mailmap = repo.commit({
      author: zoe,
      date: '2024-07-03T12:00:00+00:00',
      message: 'Add a mailmap',
      files: { '.mailmap': 'Zoë Ünicode <zoe@acme.io> <zoe@oldmail.io>\n', 'tab\there.txt': null },
    });
    sha.merge = repo.merge('feature', { author: cm, date: '2024-07-04T00:00:00+00:00', message: 'Merge feature' });
    log = repo.documentedLog();
  });
  afterAll(() => removeTmp(repo.dir));

  it('reads every header field of a commit', () => {
    const { commits, warnings } = parse(log);
    expect(warnings).toEqual([]);
    // git walks by committer date: the root (committed 07-02) precedes its child on the branch (07-01).
    expect(commits.map((c) => c.sha)).toEqual([sha.merge, sha.mailmap, sha.root, sha.feature]);
    const root = commits.find((c) => c.sha === sha.root)!;
    expect(root).toMatchObject({
      parents: [],
      author: zoe,
      authorMailmapped: zoe,
      authorDate: '2024-07-01T05:00:00+14:00',
      committer: cm,
      committerDate: '2024-07-02T10:00:00-12:00',
      subject: 'Add the first files',
      coAuthors: [
        { name: 'Bob Beta', email: 'bob@beta.io' },
        { name: 'Jane Doe', email: '' },
        { name: 'Claude', email: 'noreply@anthropic.com' },
      ],
    });
  });

  it('applies the .mailmap to %aN/%aE and keeps the raw author', () => {
    const feature = parse(log).commits.find((c) => c.sha === sha.feature)!;
    expect(feature.author).toEqual({ name: 'zoe', email: 'zoe@oldmail.io' });
    expect(feature.authorMailmapped).toEqual(zoe);
    expect(feature.parents).toEqual([sha.root]);
    expect(feature.authorDate).toBe('2024-06-30T23:30:00-02:00');
  });

  it('reads numstat lines: binary as null, spaces, UTF-8 and git-quoted paths as the real names', () => {
    const root = parse(log).commits.find((c) => c.sha === sha.root)!;
    const files = [...root.files].sort((a, b) => a.path.localeCompare(b.path));
    expect(files).toEqual(
      [
        { path: 'données/é.txt', added: 1, deleted: 0 },
        { path: 'img/logo.png', added: null, deleted: null },
        { path: 'src/a b.py', added: 3, deleted: 0 },
        { path: 'tab\there.txt', added: 1, deleted: 0 },
        { path: 'we"ird.txt', added: 1, deleted: 0 },
      ].sort((a, b) => a.path.localeCompare(b.path)),
    );
    const feature = parse(log).commits.find((c) => c.sha === sha.feature)!;
    expect(feature.files).toEqual([{ path: 'src/a b.py', added: 1, deleted: 1 }]);
    const mm = parse(log).commits.find((c) => c.sha === sha.mailmap)!;
    expect([...mm.files].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: '.mailmap', added: 1, deleted: 0 },
      { path: 'tab\there.txt', added: 0, deleted: 1 },
    ]);
  });

  it('reads a merge: two parents, no files', () => {
    const merge = parse(log).commits[0]!;
    expect(merge.sha).toBe(sha.merge);
    expect(merge.parents).toEqual([sha.mailmap, sha.feature]);
    expect(merge.files).toEqual([]);
    expect(merge.subject).toBe('Merge feature');
  });

  it('numbers each record by its line in the stream', () => {
    const { lines } = parse(log);
    const text = log.toString('utf8');
    const expected: number[] = [];
    let line = 1;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\x1e') expected.push(line);
      if (text[i] === '\n') line++;
    }
    expect(lines).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const whole = parse(log);
    for (let i = 0; i <= log.length; i++) {
      expect(parseChunks([log.subarray(0, i), log.subarray(i)])).toEqual(whole);
    }
    const bytes: Buffer[] = [];
    for (let i = 0; i < log.length; i++) bytes.push(log.subarray(i, i + 1));
    expect(parseChunks(bytes)).toEqual(whole);
  });
});

describe('hand-made streams', () => {
  const lf = record(header(SHA_A), ['1\t2\tsrc/x.py', '-\t-\tbin/y.so']) + record(header(SHA_B, { parents: SHA_A, co: 'P Q <p@q.io>\x1dR S <r@s.io>' }), ['0\t5\tdocs/read me.md']);

  it('reads CRLF exports like LF ones, with no warnings', () => {
    const crlf = record(header(SHA_A), ['1\t2\tsrc/x.py', '-\t-\tbin/y.so'], '\r\n') + record(header(SHA_B, { parents: SHA_A, co: 'P Q <p@q.io>\x1dR S <r@s.io>' }), ['0\t5\tdocs/read me.md'], '\r\n');
    const a = parse(Buffer.from(lf));
    const b = parse(Buffer.from(crlf));
    expect(b.warnings).toEqual([]);
    expect(b.commits).toEqual(a.commits);
    expect(a.commits[1]!.coAuthors).toEqual([
      { name: 'P Q', email: 'p@q.io' },
      { name: 'R S', email: 'r@s.io' },
    ]);
    const buf = Buffer.from(crlf);
    for (let i = 0; i <= buf.length; i++) expect(parseChunks([buf.subarray(0, i), buf.subarray(i)])).toEqual(b);
  });

  it('skips blank lines anywhere in a record, and tolerates blank space before the first record', () => {
    const text = `\n\n${record(header(SHA_A), ['1\t1\ta'])}\n\n\n${record(header(SHA_B), ['', '2\t2\tb', ''])}\n`;
    const buf = Buffer.from(text);
    const whole = parse(buf);
    expect(whole.warnings).toEqual([]);
    expect(whole.commits.map((c) => c.files)).toEqual([[{ path: 'a', added: 1, deleted: 1 }], [{ path: 'b', added: 2, deleted: 2 }]]);
    // Record lines count the leading blank lines.
    expect(whole.lines).toEqual([3, 9]);
    for (let i = 0; i <= buf.length; i++) expect(parseChunks([buf.subarray(0, i), buf.subarray(i)])).toEqual(whole);
  });

  it('keeps a subject that contains the field separator whole', () => {
    const fields = header(SHA_A, { subject: 'odd\x1fsubject', co: 'P Q <p@q.io>' });
    const c = parse(Buffer.from(record(fields))).commits[0]!;
    expect(c.subject).toBe('odd\x1fsubject');
    expect(c.coAuthors).toEqual([{ name: 'P Q', email: 'p@q.io' }]);
  });

  it('warns about invalid UTF-8 naming the file, the line and the commit, and decodes leniently', () => {
    const bad = Buffer.concat([
      Buffer.from(record(header(SHA_A), ['1\t1\ta'])),
      Buffer.from(`\x1e${header(SHA_B).slice(0, 10).join('\x1f')}\x1fsubj `),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`\x1f\n\n3\t0\tc\n`),
      Buffer.from(record(header(SHA_C))),
    ]);
    const { commits, warnings } = parse(bad, 'bad.gitlog.gz');
    expect(commits).toHaveLength(3);
    expect(commits[1]!.subject).toBe('subj \ufffd\ufffd');
    expect(commits[1]!.files).toEqual([{ path: 'c', added: 3, deleted: 0 }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.location).toEqual({ file: 'bad.gitlog.gz', line: 4, commit: SHA_B });
    expect(warnings[0]!.message).toMatch(/UTF-8/);
  });

  it('warns about an unreadable numstat line and keeps the rest', () => {
    const { commits, warnings } = parse(Buffer.from(record(header(SHA_A), ['1\t1\ta', 'garbage', 'x\t1\tb', '2\t0\tc'])));
    expect(commits[0]!.files.map((f) => f.path)).toEqual(['a', 'c']);
    expect(warnings.map((w) => w.location.line)).toEqual([4, 5]);
    expect(warnings.every((w) => w.location.commit === SHA_A)).toBe(true);
  });

  it('rejects a record with missing header fields, naming file:line', () => {
    const text = record(header(SHA_A), ['1\t1\ta']) + `\x1e${SHA_B}\x1f\x1fAnn\x1fann@acme.io\n\n1\t1\tb\n`;
    const err = thrown(() => parse(Buffer.from(text), 'short.gitlog.gz'));
    expect(err.location).toMatchObject({ file: 'short.gitlog.gz', line: 4 });
    expect(err.message).toContain('short.gitlog.gz:4');
    expect(err.message).toMatch(/4 of 12 header fields/);
  });

  it('rejects a record without a SHA, naming file:line', () => {
    const text = record(header(SHA_A)) + record(header('not-a-sha'));
    const err = thrown(() => parse(Buffer.from(text), 'nosha.gitlog'));
    expect(err.message).toContain('nosha.gitlog:2');
    expect(err.message).toMatch(/no commit SHA/);
  });

  it('rejects a stream that does not start with 0x1E, even split into single bytes', () => {
    const text = Buffer.from(`hello\n${lf}`);
    expect(thrown(() => parse(text, 'plain.txt')).message).toMatch(/^plain\.txt:1: not a gitlog v1 stream/);
    expect(() => parseChunks([...text].map((b) => Buffer.from([b])), 'plain.txt')).toThrow(/not a gitlog v1 stream/);
    expect(() => parse(Buffer.from('no separator at all'), 'plain.txt')).toThrow(/not a gitlog v1 stream/);
  });

  it('rejects a stream cut inside a header (a truncated export)', () => {
    const buf = Buffer.from(lf);
    const cut = buf.subarray(0, buf.indexOf('Cy Committer', buf.indexOf(SHA_B)));
    expect(() => parse(cut, 'cut.gitlog')).toThrow(/cut\.gitlog:5 \(commit b{40}\): record has 8 of 12 header fields/);
  });

  it('reads an empty stream as no commits', () => {
    expect(parse(Buffer.alloc(0)).commits).toEqual([]);
    expect(parseChunks([]).commits).toEqual([]);
    expect(parse(Buffer.from('\n')).commits).toEqual([]);
  });

  it('stops when onCommit returns false', () => {
    const seen: string[] = [];
    const parser = new GitlogParser({ file: 'f', onCommit: (c) => (seen.push(c.sha), false) });
    parser.push(Buffer.from(lf + record(header(SHA_C))));
    parser.end();
    expect(seen).toEqual([SHA_A]);
    expect(parser.isStopped).toBe(true);
  });
});

describe('parseCoAuthors', () => {
  it('reads several entries, bare names and odd spacing', () => {
    expect(parseCoAuthors('A B <a@b.io>\x1d  Jane Doe \x1d\x1dX<x@y.io>\x1d<only@mail.io>')).toEqual([
      { name: 'A B', email: 'a@b.io' },
      { name: 'Jane Doe', email: '' },
      { name: 'X', email: 'x@y.io' },
      { name: '', email: 'only@mail.io' },
    ]);
    expect(parseCoAuthors('')).toEqual([]);
  });
});

describe('streamGitlogExport', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTmp();
  });
  afterAll(() => removeTmp(dir));

  async function parseExport(file: string): Promise<Parsed> {
    const out: Parsed = { commits: [], lines: [], warnings: [] };
    const parser = new GitlogParser({ file, onCommit: (c) => void out.commits.push(c), onWarning: (w) => out.warnings.push(w) });
    await streamGitlogExport(file, (chunk) => {
      parser.push(chunk);
      return !parser.isStopped;
    });
    parser.end();
    return out;
  }

  const many = (): Buffer => {
    let text = '';
    for (let i = 0; i < 400; i++) text += record(header(i.toString(16).padStart(40, '0')), [`${i}\t1\tsrc/f${i}.py`]);
    return Buffer.from(text);
  };

  it('reads a gzipped export in chunks', async () => {
    const file = join(dir, 'ok.gitlog.gz');
    writeFileSync(file, gzipSync(many()));
    const { commits } = await parseExport(file);
    expect(commits).toHaveLength(400);
    expect(commits[399]!.files).toEqual([{ path: 'src/f399.py', added: 399, deleted: 1 }]);
  });

  it('reads an empty export as no commits', async () => {
    const file = join(dir, 'empty.gitlog.gz');
    writeFileSync(file, gzipSync(Buffer.alloc(0)));
    expect((await parseExport(file)).commits).toEqual([]);
  });

  it('names the file of a truncated gzip', async () => {
    const file = join(dir, 'truncated.gitlog.gz');
    const gz = gzipSync(many());
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length / 2)));
    const err = await parseExport(file).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).location.file).toBe(file);
    expect((err as InputError).message).toMatch(/truncated|corrupt/);
  });

  it('names the file of a corrupt gzip and of a file that is not gzip at all', async () => {
    const gz = gzipSync(many());
    for (let i = 200; i < 260; i++) gz[i] = gz[i]! ^ 0x5a;
    const corrupt = join(dir, 'corrupt.gitlog.gz');
    writeFileSync(corrupt, gz);
    await expect(parseExport(corrupt)).rejects.toThrow(new RegExp(`^${corrupt}: corrupt or truncated gzip`));
    const plain = join(dir, 'plain.gitlog.gz');
    writeFileSync(plain, many());
    await expect(parseExport(plain)).rejects.toThrow(new RegExp(`^${plain}: corrupt or truncated gzip`));
    const zero = join(dir, 'zero.gitlog.gz');
    writeFileSync(zero, Buffer.alloc(0));
    await expect(parseExport(zero)).rejects.toThrow(new RegExp(`^${zero}: corrupt or truncated gzip`));
  });

  it('lets a parse error inside a valid gzip through unchanged (file:line, not "corrupt gzip")', async () => {
    const file = join(dir, 'badrecord.gitlog.gz');
    // Followed by more records, so the error is raised while the gzip stream is still being read.
    writeFileSync(file, gzipSync(Buffer.concat([Buffer.from(record(header(SHA_A)) + `\x1e${SHA_B}\x1fonly-two\n`), many()])));
    const err = await parseExport(file).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(`${file}:2 (commit ${SHA_B}): record has 2 of 12 header fields (truncated or not gitlog v1)`);
  });

  it('names a missing export', async () => {
    const file = join(dir, 'nope.gitlog.gz');
    await expect(parseExport(file)).rejects.toThrow(`${file}: export file does not exist`);
  });
});

describe('unquotePath', () => {
  it('undoes git C-quoting, octal bytes included', () => {
    expect(unquotePath('"we\\"ird\\\\path\\tx"')).toBe('we"ird\\path\tx');
    // core.quotepath=on prints UTF-8 bytes as octal; the bytes are joined back into ü.
    expect(unquotePath('"d\\303\\274r.txt"')).toBe('dür.txt');
    expect(unquotePath('"ctl\\001.txt"')).toBe('ctl\u0001.txt');
    expect(unquotePath('"emoji 🚀 \\"q\\""')).toBe('emoji 🚀 "q"');
    // Not git's quoting: kept as printed.
    expect(unquotePath('"bad\\qescape"')).toBe('"bad\\qescape"');
    expect(unquotePath('"unterminated')).toBe('"unterminated');
  });
});
