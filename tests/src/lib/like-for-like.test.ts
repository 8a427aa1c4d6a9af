import { describe, expect, it } from 'vitest';
import { basisFootnote, snapshotBasisNote } from '../../../src/lib/figure-text.ts';
import { formatChange } from '../../../src/lib/format.ts';
import { basisExcludes, likeForLikeNote, listText } from '../../../src/lib/like-for-like.ts';

describe('like-for-like notes', () => {
  it('reads the published list of repositories left out', () => {
    expect(basisExcludes('NVIDIA/Fuser, ROCm/AMDMIGraphX')).toEqual(['NVIDIA/Fuser', 'ROCm/AMDMIGraphX']);
    expect(basisExcludes(null)).toEqual([]);
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
    expect(likeForLikeNote('NVIDIA/NeMo')).toBe('same repositories in both quarters; excludes NVIDIA/NeMo, whose history stops');
    expect(likeForLikeNote(undefined)).toBeNull();
    expect(basisFootnote('a/x, b/y')).toBe('† Same repositories in both quarters; excludes a/x and b/y, whose histories stop.');
  });

  it('puts the note on a change that has a value, and the reason on one that has none', () => {
    const c = formatChange({ value: 0.05, prev: 100, basisExcludes: 'NVIDIA/NeMo' });
    expect(c).toMatchObject({ text: '+5.0%', note: 'same repositories in both quarters; excludes NVIDIA/NeMo, whose history stops' });
    expect(c.label).toBe('up 5.0% on the previous quarter (same repositories in both quarters; excludes NVIDIA/NeMo, whose history stops)');
    expect(formatChange({ value: 0.05, prev: 100 }).note).toBeUndefined();
    expect(formatChange({ value: null, prev: 100, observed: false, basisExcludes: 'NVIDIA/NeMo' }).label).toBe(
      'not comparable: NVIDIA/NeMo, whose history stops, leaving too little observed in both quarters',
    );
    // Partial quarters are never compared, whatever the basis.
    expect(formatChange({ value: 0.05, partial: true, basisExcludes: 'NVIDIA/NeMo' }).note).toBeUndefined();
  });

  it("footnotes a table by category, and only where a change leaves something out", () => {
    const row = (name: string, excludes: string | null, qoq: number | null) => ({
      name, partial: false, observed: excludes === null, qoq_basis_excludes: excludes,
      commits: 10, commits_prev: 10, commits_qoq: qoq, contributors: 5, contributors_prev: 5, contributors_qoq: qoq, active_repos: 2, active_repos_prev: 2, active_repos_qoq: qoq,
    });
    expect(snapshotBasisNote([row('Kernels', null, 0)])).toBeNull();
    expect(snapshotBasisNote([row('Kernels', null, 0), row('Compilers', 'NVIDIA/Fuser, ROCm/AMDMIGraphX', 0.1)])).toBe(
      '† Same repositories in both quarters: changes exclude NVIDIA/Fuser, ROCm/AMDMIGraphX (Compilers), whose histories stop.',
    );
    expect(snapshotBasisNote([row('Serving', 'ggerganov/llama.cpp', null)])).toBe(
      "† Same repositories in both quarters: changes exclude ggerganov/llama.cpp (Serving), whose history stops. No change is shown where those made more than a fifth of the quarter before's commits.",
    );
    expect(snapshotBasisNote([{ ...row('Serving', 'ggerganov/llama.cpp', null), partial: true }])).toBeNull();
  });
});

describe('long lists of stopped histories', () => {
  it('name five and count the rest', async () => {
    const { stoppedHistories } = await import('../../../src/lib/like-for-like.ts');
    const repos = ['a/1', 'b/2', 'c/3', 'd/4', 'e/5', 'f/6', 'g/7'];
    expect(stoppedHistories(repos)).toBe('a/1, b/2, c/3, d/4, e/5 and 2 more, whose histories stop');
    expect(stoppedHistories(repos.slice(0, 2))).toBe('a/1 and b/2, whose histories stop');
  });
});
