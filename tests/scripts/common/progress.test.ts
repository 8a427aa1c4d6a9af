// The progress line of long ingests: repositories done, throughput and the ETA.
import { describe, expect, it } from 'vitest';
import { formatDuration, Progress, progressLine } from '../../../scripts/common/progress.ts';

describe('progressLine', () => {
  it('shows repos done, commits, commits/s and an ETA from the share of work done', () => {
    // A quarter of the work in 30 s: 90 s to go.
    const line = progressLine({ done: 3, total: 12, commits: 45_000, fraction: 0.25 }, 30, 8);
    expect(line).toBe('██░░░░░░ 3/12 repos · 45,000 commits · 1,500 commits/s · ETA 1:30');
  });

  it('has no ETA before 2 % of the work is done, and no rate at time zero', () => {
    expect(progressLine({ done: 0, total: 5, commits: 0, fraction: 0 }, 0, 4)).toBe('░░░░ 0/5 repos · 0 commits · 0 commits/s · ETA --:--');
    expect(progressLine({ done: 0, total: 5, commits: 10, fraction: 0.01 }, 2, 4)).toMatch(/ETA --:--$/);
  });

  it('fills the bar and shows a zero ETA when done, and never overfills', () => {
    expect(progressLine({ done: 5, total: 5, commits: 1234567, fraction: 1 }, 617.3, 4)).toBe(
      '████ 5/5 repos · 1,234,567 commits · 2,000 commits/s · ETA 0:00',
    );
    expect(progressLine({ done: 5, total: 5, commits: 1, fraction: 1.7 }, 1, 4).startsWith('████ ')).toBe(true);
  });
});

describe('formatDuration', () => {
  it('writes minutes and zero-padded seconds', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(3725)).toBe('62:05');
    expect(formatDuration(Number.NaN)).toBe('--:--');
    expect(formatDuration(-1)).toBe('--:--');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('--:--');
  });
});

describe('Progress', () => {
  function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
    const written: string[] = [];
    const stream = { isTTY, columns: 40, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
    return { stream, written };
  }

  it('prints plain lines off a terminal, throttled, but always the last one', () => {
    const { stream, written } = fakeStream(false);
    const p = new Progress(stream);
    p.update({ done: 0, total: 2, commits: 1, fraction: 0.1 });
    p.update({ done: 1, total: 2, commits: 2, fraction: 0.5 });
    p.update({ done: 2, total: 2, commits: 3, fraction: 1 });
    expect(written).toHaveLength(2);
    expect(written[1]).toMatch(/ 2\/2 repos · 3 commits/);
    expect(written.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
  });

  it('redraws one line on a terminal, cut to its width', () => {
    const prevCi = process.env.CI;
    delete process.env.CI;
    try {
      const { stream, written } = fakeStream(true);
      const p = new Progress(stream);
      p.update({ done: 1, total: 2, commits: 2, fraction: 0.5 });
      p.log('a message');
      expect(written[0]!.startsWith('\r')).toBe(true);
      expect(written[0]!.endsWith('\x1b[K')).toBe(true);
      expect(written[0]!.length).toBe(1 + 39 + 3);
      expect(written[1]).toBe('\r\x1b[Ka message\n');
    } finally {
      if (prevCi !== undefined) process.env.CI = prevCi;
    }
  });
});
