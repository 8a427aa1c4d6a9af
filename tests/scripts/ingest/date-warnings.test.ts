// Dates the engine cannot take as written: a text that is no date is called that (not
// "before 2005"), and an author date replaced by the committer date (1970, 2099) is
// warned about, naming the file and the commit, not only flagged in the data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitRows } from '../../../scripts/ingest/staging-rows.ts';
import { ingestRepo } from '../../../scripts/ingest/ingest-repo.ts';
import type { RawCommit } from '../../../scripts/common/types.ts';
import { makeTmp, removeTmp } from '../../helpers/git-repo.ts';
import { NOW } from '../../helpers/registry-fixture.ts';

const SHA = 'a'.repeat(40);
const COMMITTED = '2024-08-15T10:00:00+00:00';

function warningsFor(authorDate: string, committerDate = COMMITTED): string[] {
  const c: RawCommit = {
    sha: SHA, parents: [], author: { name: 'A', email: 'a@x.io' }, authorMailmapped: { name: 'A', email: 'a@x.io' }, authorDate,
    committer: { name: 'A', email: 'a@x.io' }, committerDate, subject: 's', coAuthors: [], files: [],
  };
  const out: string[] = [];
  commitRows(c, NOW, (w) => out.push(`${w.commit} ${w.message}`));
  return out;
}

describe('date warnings', () => {
  it('says a text that is not a date is not a date', () => {
    expect(warningsFor('not-a-date', 'nor-this')).toEqual([
      `${SHA} no usable date: author date "not-a-date" is not a date, committer date "nor-this" is not a date; left out of quarterly figures`,
    ]);
    expect(warningsFor('', '')).toEqual([
      `${SHA} no usable date: author date "" is not a date, committer date "" is not a date; left out of quarterly figures`,
    ]);
    expect(warningsFor('not-a-date')).toEqual([
      `${SHA} author date "not-a-date" is not a date; the committer date ${COMMITTED} is used instead`,
    ]);
  });

  it('warns when an author date of 1970 or 2099 is replaced by the committer date', () => {
    expect(warningsFor('1970-01-01T00:00:00+00:00')).toEqual([
      `${SHA} author date 1970-01-01T00:00:00+00:00 is before 2005-04-01 (git's first release); the committer date ${COMMITTED} is used instead`,
    ]);
    expect(warningsFor('2099-01-01T00:00:00+00:00')).toEqual([
      `${SHA} author date 2099-01-01T00:00:00+00:00 is more than 30 days after the committer date; the committer date ${COMMITTED} is used instead`,
    ]);
    // Plausible dates: nothing to say.
    expect(warningsFor('2024-08-14T10:00:00+02:00')).toEqual([]);
  });

  it('keeps the wording for two real dates before git existed', () => {
    expect(warningsFor('1999-01-01T00:00:00+00:00', '2001-01-01T00:00:00+00:00')).toEqual([
      `${SHA} no usable date (before 2005-04-01): author 1999-01-01T00:00:00+00:00, committer 2001-01-01T00:00:00+00:00; left out of quarterly figures`,
    ]);
  });

  describe('through an ingest', () => {
    let tmp: string;
    beforeAll(() => {
      tmp = makeTmp('ds-dates-');
    });
    afterAll(() => removeTmp(tmp));

    it('names the export file, its line and the commit', async () => {
      const record = (sha: string, author: string): string =>
        `\x1e${[sha, '', 'A', 'a@x.io', 'A', 'a@x.io', author, 'A', 'a@x.io', COMMITTED, 'subject', ''].join('\x1f')}\n\n1\t0\tsrc/a.py\n`;
      const file = join(tmp, 'exports', 'acme__dates.gitlog.gz');
      mkdirSync(join(tmp, 'exports'));
      writeFileSync(file, gzipSync(record('b'.repeat(40), '2099-01-01T00:00:00+00:00') + record('c'.repeat(40), 'not-a-date')));
      const r = await ingestRepo({ repo: 'acme/dates', source: { kind: 'export', path: file }, outDir: join(tmp, 'out'), nowMs: NOW });
      expect(r.warnings).toEqual([
        { message: expect.stringMatching(/^author date 2099-01-01T00:00:00\+00:00 is more than 30 days after/), location: { file, line: 1, commit: 'b'.repeat(40) } },
        { message: expect.stringMatching(/^author date "not-a-date" is not a date/), location: { file, line: 4, commit: 'c'.repeat(40) } },
      ]);
    });
  });
});
