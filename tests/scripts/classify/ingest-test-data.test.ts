// Test vs implementation compares code with code (DESIGN §2): data files in test
// folders (golden values, fixtures, snapshots) count as neither test nor source,
// end to end from a real git repository to the warehouse; and a warehouse staged
// by an older classifier is staged again, so its figures follow the new rule.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifierVersion } from '../../../scripts/identity/curated-lists.ts';
import { PARSER_VERSION } from '../../../scripts/ingest/gitlog-parser.ts';
import { runIngest, type IngestSummary } from '../../../scripts/ingest/ingest-run.ts';
import { GitRepo, makeTmp, removeTmp } from '../../helpers/git-repo.ts';
import { loadRegistryFixture, NOW, P, query, quiet, writeRegistryFixture } from '../../helpers/registry-fixture.ts';
import type { Registry } from '../../../scripts/registry/registry.ts';

const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag}${i}\n`).join('');

describe('test lines count test code only', () => {
  let root: string;
  let clonesDir: string;
  let registry: Registry;
  let wh: string;
  const sha: Record<string, string> = {};

  const ingest = async (): Promise<IngestSummary> => {
    const s = await runIngest({ registry, warehouseDir: wh, clonesDir, nowMs: NOW, concurrency: 1, progress: quiet() });
    expect(s.failed).toEqual([]);
    return s;
  };
  const figures = async (): Promise<Record<string, unknown>[]> =>
    query(wh, `SELECT sha, test_lines::INTEGER AS test_lines, src_lines::INTEGER AS src_lines, test_files::INTEGER AS test_files,
               src_files::INTEGER AS src_files, work_kind FROM commits ORDER BY ts`);

  beforeAll(async () => {
    root = makeTmp('ds-test-data-');
    clonesDir = join(root, 'clones');
    wh = join(root, 'wh');
    const repo = GitRepo.init(join(clonesDir, 'acme__golden'));
    sha.add = repo.commit({
      author: P.ann, date: '2024-07-02T10:00:00+00:00', message: 'Add the attention kernel',
      files: {
        'src/attention.py': lines(10, 'a'),
        'tests/test_attention.py': lines(4, 't'),
        'tests/golden/attention.json': lines(100, 'g'),
        'tests/golden/logits.json': lines(50, 'l'),
        'tests/data/inputs.csv': lines(20, 'c'),
      },
    });
    sha.regen = repo.commit({
      // Ann under a second name: the build needs at least one identity link.
      author: { name: 'Ann A.', email: P.ann.email }, date: '2024-07-09T10:00:00+00:00', message: 'Regenerate golden values',
      files: { 'tests/golden/attention.json': lines(100, 'G') },
    });
    registry = await loadRegistryFixture(writeRegistryFixture(join(root, 'registry'), [{ repo: 'acme/golden', category: 'llm-serving' }]));
  });
  afterAll(() => removeTmp(root));

  it('leaves golden JSON and fixtures out of test lines and test files, but keeps their commits test work', async () => {
    await ingest();
    expect(await figures()).toEqual([
      { sha: sha.add, test_lines: 4, src_lines: 10, test_files: 1, src_files: 1, work_kind: 'feature' },
      // 200 changed lines of golden values: no test code, still test work.
      { sha: sha.regen, test_lines: 0, src_lines: 0, test_files: 0, src_files: 0, work_kind: 'test' },
    ]);
    const [repo] = await query(wh, `SELECT test_line_share FROM scope_quarters WHERE scope_type = 'repo' AND quarter = '2024-q3'`);
    expect(repo!.test_line_share).toBeCloseTo(4 / 14, 9);
  });

  it('stages a repository again when its staging was made by another classifier', async () => {
    const stateFile = join(wh, 'staging', 'acme__golden', 'state.json');
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { engineVersion: string };
    // The classifier version hashes paths.ts itself: changing a path rule is enough.
    expect(state.engineVersion).toBe(`${PARSER_VERSION}+${classifierVersion()}`);
    expect((await ingest()).ingested).toEqual([]);
    writeFileSync(stateFile, JSON.stringify({ ...state, engineVersion: `${PARSER_VERSION}+000000000000` }));
    const again = await ingest();
    expect(again.ingested).toEqual(['acme/golden']);
    expect(again.commits).toBe(2);
    expect((await figures()).map((r) => r.test_lines)).toEqual([4, 0]);
  });
});
