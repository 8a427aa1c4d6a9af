// Turns parsed commits into the rows of a repository's staging files. Path and
// work classification happen here, once per commit, so the warehouse build and
// the metrics only aggregate numbers.
import { classifyPath, type PathClass } from '../classify/path-kind.ts';
import { classifyWork } from '../classify/work-kind.ts';
import { commitTime, dateWarning, toSqlTimestamp } from './commit-time.ts';
import type { RawCommit, Warning } from '../common/types.ts';

/** Column order of commits.csv; the Parquet conversion declares the same list. */
export const COMMIT_COLUMNS = {
  sha: 'VARCHAR',
  parents: 'VARCHAR',
  parent_count: 'INTEGER',
  author_name: 'VARCHAR',
  author_email: 'VARCHAR',
  author_name_mm: 'VARCHAR',
  author_email_mm: 'VARCHAR',
  committer_name: 'VARCHAR',
  committer_email: 'VARCHAR',
  author_date: 'VARCHAR',
  committer_date: 'VARCHAR',
  ts: 'TIMESTAMP',
  date_flag: 'VARCHAR',
  subject: 'VARCHAR',
  work_kind: 'VARCHAR',
  files_changed: 'INTEGER',
  lines_added: 'INTEGER',
  lines_deleted: 'INTEGER',
  test_lines: 'INTEGER',
  src_lines: 'INTEGER',
  test_files: 'INTEGER',
  src_files: 'INTEGER',
  binary_files: 'INTEGER',
} as const;

export const COAUTHOR_COLUMNS = { sha: 'VARCHAR', name: 'VARCHAR', email: 'VARCHAR' } as const;

export const FIELD_SEP = '\x1f';
export const NULL_TEXT = '\\N';

/** Our field separator and newlines cannot survive in a field; git never emits them in these fields. */
function clean(s: string): string {
  return /[\x1f\n\r]/.test(s) ? s.replace(/[\x1f\n\r]/g, ' ') : s === NULL_TEXT ? '\\\\N' : s;
}

export interface CommitRowsResult {
  commitLine: string;
  coauthorLines: string;
}

export function commitRows(c: RawCommit, nowMs: number, warn: (w: Omit<Warning, 'location'> & { commit: string }) => void): CommitRowsResult {
  let added = 0;
  let deleted = 0;
  let testLines = 0;
  let srcLines = 0;
  let testFiles = 0;
  let srcFiles = 0;
  let binaryFiles = 0;
  const classes: PathClass[] = new Array(c.files.length);
  for (let i = 0; i < c.files.length; i++) {
    const f = c.files[i]!;
    const cls = classifyPath(f.path, f.added, f.deleted);
    classes[i] = cls;
    const lines = (f.added ?? 0) + (f.deleted ?? 0);
    added += f.added ?? 0;
    deleted += f.deleted ?? 0;
    if (cls === 'test') {
      testLines += lines;
      testFiles++;
    } else if (cls === 'source') {
      srcLines += lines;
      srcFiles++;
    } else if (cls === 'binary') binaryFiles++;
  }
  const time = commitTime(c.authorDate, c.committerDate, nowMs);
  const dateMessage = dateWarning(c.authorDate, c.committerDate, time);
  if (dateMessage) warn({ commit: c.sha, message: dateMessage });
  const isMerge = c.parents.length >= 2;
  const fields = [
    c.sha,
    c.parents.join(' '),
    String(c.parents.length),
    clean(c.author.name),
    clean(c.author.email),
    clean(c.authorMailmapped.name),
    clean(c.authorMailmapped.email),
    clean(c.committer.name),
    clean(c.committer.email),
    clean(c.authorDate),
    clean(c.committerDate),
    time.ms === null ? NULL_TEXT : toSqlTimestamp(time.ms),
    time.flag ?? NULL_TEXT,
    clean(c.subject),
    isMerge ? 'merge' : classifyWork(c.subject, classes),
    String(c.files.length),
    String(added),
    String(deleted),
    String(testLines),
    String(srcLines),
    String(testFiles),
    String(srcFiles),
    String(binaryFiles),
  ];
  let coauthorLines = '';
  for (const a of c.coAuthors) coauthorLines += `${c.sha}${FIELD_SEP}${clean(a.name)}${FIELD_SEP}${clean(a.email)}\n`;
  return { commitLine: fields.join(FIELD_SEP) + '\n', coauthorLines };
}
