// Which instant a commit belongs to (DESIGN §2 "When"): the author date in UTC,
// unless it is implausible, in which case the committer date is used and flagged.
// Rebases and patch imports keep old author dates, so the committer date is the
// better witness when the two disagree wildly.

export type DateFlag = 'author_before_2005' | 'author_after_committer' | 'bogus_date' | 'future_date' | null;

const GIT_EPOCH_MS = Date.UTC(2005, 3, 1); // git's first release: no real commit is older
const MAX_AUTHOR_LEAD_MS = 30 * 24 * 3600 * 1000;

export interface CommitTime {
  /** Milliseconds since the epoch, or null when no usable date exists. */
  ms: number | null;
  flag: DateFlag;
}

/** Parses strict ISO 8601 with offset (`%aI`); NaN for anything else. */
export function parseIsoDate(iso: string): number {
  return iso.length >= 20 ? Date.parse(iso) : Number.NaN;
}

export function commitTime(authorDate: string, committerDate: string, nowMs: number): CommitTime {
  const author = parseIsoDate(authorDate);
  const committer = parseIsoDate(committerDate);
  let ms = author;
  let flag: DateFlag = null;
  if (!(author >= GIT_EPOCH_MS)) {
    ms = committer;
    flag = 'author_before_2005';
  } else if (committer >= GIT_EPOCH_MS && author - committer > MAX_AUTHOR_LEAD_MS) {
    ms = committer;
    flag = 'author_after_committer';
  }
  if (!(ms >= GIT_EPOCH_MS)) return { ms: null, flag: 'bogus_date' };
  if (ms > nowMs) return { ms: null, flag: 'future_date' };
  return { ms, flag };
}

/** Why a date cannot be used as written, in a few words. */
function dateProblem(role: 'author' | 'committer', text: string): string {
  const ms = parseIsoDate(text);
  if (Number.isNaN(ms)) return `${role} date ${JSON.stringify(text)} is not a date`;
  return `${role} date ${text} is before 2005-04-01 (git's first release)`;
}

/**
 * The warning for a commit whose dates are not taken as written (null when they are),
 * so that no replaced or dropped date goes unmentioned. The flag alone stays in the
 * data, where nobody reading the ingest's output sees it.
 */
export function dateWarning(authorDate: string, committerDate: string, time: CommitTime): string | null {
  switch (time.flag) {
    case null:
      return null;
    case 'future_date':
      return `date in the future: author ${authorDate || '(empty)'}, committer ${committerDate || '(empty)'}; left out of quarterly figures`;
    case 'bogus_date': {
      // Two real dates before git existed keep their short wording.
      if (!Number.isNaN(parseIsoDate(authorDate)) && !Number.isNaN(parseIsoDate(committerDate))) {
        return `no usable date (before 2005-04-01): author ${authorDate}, committer ${committerDate}; left out of quarterly figures`;
      }
      const committer = Number.isNaN(parseIsoDate(committerDate)) || parseIsoDate(committerDate) < GIT_EPOCH_MS ? dateProblem('committer', committerDate) : `committer date ${committerDate}`;
      return `no usable date: ${dateProblem('author', authorDate)}, ${committer}; left out of quarterly figures`;
    }
    case 'author_before_2005':
      return `${dateProblem('author', authorDate)}; the committer date ${committerDate} is used instead`;
    case 'author_after_committer':
      return `author date ${authorDate} is more than 30 days after the committer date; the committer date ${committerDate} is used instead`;
  }
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the literal DuckDB reads as TIMESTAMP. */
export function toSqlTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
