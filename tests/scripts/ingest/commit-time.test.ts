// DESIGN §2 "When": the author date in UTC, with the committer date as the fallback
// for implausible author dates, and quarters cut in UTC whatever the offset.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { commitTime, parseIsoDate, toSqlTimestamp } from '../../../scripts/ingest/commit-time.ts';

const NOW = Date.parse('2026-09-01T00:00:00Z');
const DAY = 24 * 3600 * 1000;

/** The UTC calendar quarter, written as the warehouse writes it. */
function quarterOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

describe('commitTime', () => {
  it('uses the author date when it is plausible', () => {
    expect(commitTime('2024-03-01T10:00:00+01:00', '2024-03-05T00:00:00+00:00', NOW)).toEqual({
      ms: Date.parse('2024-03-01T09:00:00Z'),
      flag: null,
    });
  });

  it('falls back to the committer date for an author date before 2005-04-01, and flags it', () => {
    expect(commitTime('1999-12-31T23:59:59+00:00', '2019-05-01T12:00:00+02:00', NOW)).toEqual({
      ms: Date.parse('2019-05-01T10:00:00Z'),
      flag: 'author_before_2005',
    });
    // The cut-off is an instant in UTC: 05:00 at +14:00 is still 31 March in UTC.
    expect(commitTime('2005-04-01T05:00:00+14:00', '2010-01-01T00:00:00+00:00', NOW).flag).toBe('author_before_2005');
    expect(commitTime('2005-04-01T00:00:00+00:00', '2010-01-01T00:00:00+00:00', NOW)).toEqual({
      ms: Date.UTC(2005, 3, 1),
      flag: null,
    });
  });

  it('falls back to the committer date when the author date is more than 30 days later', () => {
    const committer = '2024-01-01T00:00:00+00:00';
    const c = Date.parse(committer);
    expect(commitTime(new Date(c + 30 * DAY).toISOString(), committer, NOW)).toEqual({ ms: c + 30 * DAY, flag: null });
    expect(commitTime(new Date(c + 30 * DAY + 1000).toISOString(), committer, NOW)).toEqual({ ms: c, flag: 'author_after_committer' });
    // An author date far in the future with a sane committer date: the committer date wins.
    expect(commitTime('2099-01-01T00:00:00+00:00', committer, NOW)).toEqual({ ms: c, flag: 'author_after_committer' });
  });

  it('gives no instant when both dates are bogus', () => {
    expect(commitTime('1970-01-01T00:00:00+00:00', '1980-06-01T00:00:00+00:00', NOW)).toEqual({ ms: null, flag: 'bogus_date' });
    expect(commitTime('', '', NOW)).toEqual({ ms: null, flag: 'bogus_date' });
    expect(commitTime('not a date at all', 'nor this one, really', NOW)).toEqual({ ms: null, flag: 'bogus_date' });
  });

  it('gives no instant for a date after the snapshot', () => {
    expect(commitTime('2026-09-02T00:00:00+00:00', '2026-09-02T00:00:00+00:00', NOW)).toEqual({ ms: null, flag: 'future_date' });
    expect(commitTime('2026-08-31T23:59:59+00:00', '2026-08-31T23:59:59+00:00', NOW).flag).toBe(null);
  });

  it('cuts quarters in UTC, not in the committer’s offset', () => {
    const late = commitTime('2024-06-30T23:30:00-02:00', '2024-06-30T23:30:00-02:00', NOW);
    expect(toSqlTimestamp(late.ms!)).toBe('2024-07-01 01:30:00');
    expect(quarterOf(late.ms!)).toBe('2024-q3');
    const early = commitTime('2024-07-01T05:00:00+14:00', '2024-07-01T05:00:00+14:00', NOW);
    expect(toSqlTimestamp(early.ms!)).toBe('2024-06-30 15:00:00');
    expect(quarterOf(early.ms!)).toBe('2024-q2');
    const west = commitTime('2024-12-31T13:00:00-12:00', '2024-12-31T13:00:00-12:00', NOW);
    expect(toSqlTimestamp(west.ms!)).toBe('2025-01-01 01:00:00');
  });

  it('writes timestamps DuckDB reads back as the same UTC wall time, whatever its TimeZone setting', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      const late = toSqlTimestamp(commitTime('2024-06-30T23:30:00-02:00', '2024-06-30T23:30:00-02:00', NOW).ms!);
      const early = toSqlTimestamp(commitTime('2024-07-01T05:00:00+14:00', '2024-07-01T05:00:00+14:00', NOW).ms!);
      const q = (ts: string): string => `year(TIMESTAMP '${ts}') || '-q' || quarter(TIMESTAMP '${ts}')`;
      await conn.run("SET TimeZone = 'Pacific/Kiritimati'");
      const rows = (await conn.runAndReadAll(`SELECT ${q(late)} AS late, ${q(early)} AS early`)).getRowObjectsJS();
      expect(rows).toEqual([{ late: '2024-q3', early: '2024-q2' }]);
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });
});

describe('parseIsoDate', () => {
  it('reads %aI with any offset and rejects anything shorter', () => {
    expect(parseIsoDate('2024-07-01T05:00:00+14:00')).toBe(Date.parse('2024-06-30T15:00:00Z'));
    expect(parseIsoDate('2024-06-30T23:30:00-12:00')).toBe(Date.parse('2024-07-01T11:30:00Z'));
    expect(parseIsoDate('2024-07-01')).toBeNaN();
    expect(parseIsoDate('')).toBeNaN();
  });
});
