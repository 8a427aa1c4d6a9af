// One change, one home (DESIGN §2 "Provenance"), on real temporary git repositories:
// the audit's cases of copies under new SHAs, each of which the SHA-only engine
// counted twice or credited to the wrong repository.
//
//   llama.cpp → ggml, whisper.cpp   a sync script copies each change with "(llama/N)";
//                                   llama.cpp's history stops (tracked_until) and later
//                                   copies have no observed origin
//   acme/lib → acme/lib-next        cherry-picks and a history moved under new SHAs, no tag
//   vendor/tri-fork                 the single tracked fork of an unavailable upstream,
//                                   which it merges in as `upstream/main`
//   acme/lib                        a duplicate line of history merged back in
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitRepo, makeTmp, removeTmp, type Who } from '../../helpers/git-repo.ts';
import { loadRegistryFixture, query, quiet, writeRegistryFixture, NOW, type Row } from '../../helpers/registry-fixture.ts';
import { runIngest } from '../../../scripts/ingest/ingest-run.ts';
import { loadRegistry } from '../../../scripts/registry/registry.ts';
import { checkRulesAgainstRegistry, loadProvenanceRules, parseProvenanceRules, upstreamMergePatterns } from '../../../scripts/warehouse/provenance-rules.ts';
import { upstreamShas } from '../../../scripts/warehouse/fork-ancestry.ts';

const ann: Who = { name: 'Ann Kernel', email: 'ann@acme.io' };
const bob: Who = { name: 'Bob Sync', email: 'bob@beta.io' };
const uma: Who = { name: 'Uma Upstream', email: 'uma@upstream.org' };
const vic: Who = { name: 'Vic Vendor', email: 'vic@vendor.io' };

describe('provenance on real git histories', () => {
  let root: string;
  let wh: string;
  const sha: Record<string, string> = {};
  let rows: Row[];
  const role = (key: string, repo: string) => rows.find((r) => r.sha === sha[key] && r.repo === repo);

  beforeAll(async () => {
    root = makeTmp('ds-provenance-');
    const clones = join(root, 'clones');

    // llama.cpp: the origin, whose stored history stops at the end of June.
    const llama = GitRepo.init(join(clones, 'ggerganov__llama.cpp'));
    sha.l1 = llama.commit({ author: ann, date: '2024-05-01T10:00:00+02:00', message: '[SYCL] Fix the softmax (#100)', files: { 'ggml/src/softmax.c': 'a\nb\n' } });
    sha.l2 = llama.commit({ author: bob, date: '2024-06-10T10:00:00+00:00', message: 'server : add a flag (#101)', files: { 'tools/server.cpp': 's\n' } });
    const ggml = GitRepo.init(join(clones, 'ggml-org__ggml'));
    sha.g0 = ggml.commit({ author: bob, date: '2024-04-01T10:00:00+00:00', message: 'ggml : own work', files: { 'src/ggml.c': 'g\n' } });
    // The sync script: same author, same author date, new SHA, committed later, tagged.
    sha.g1 = ggml.commit({ author: ann, committer: bob, date: '2024-05-01T10:00:00+02:00', committerDate: '2024-05-03T09:00:00+00:00', message: 'Fix the softmax (llama/100)', files: { 'src/softmax.c': 'a\nb\n' } });
    // A copy made after llama.cpp's history stops: its origin is not observed.
    sha.g2 = ggml.commit({ author: ann, committer: bob, date: '2024-08-01T10:00:00+00:00', committerDate: '2024-08-02T10:00:00+00:00', message: 'Speed up rope (llama/140)', files: { 'src/rope.c': 'r\n' } });
    const whisper = GitRepo.init(join(clones, 'ggml-org__whisper.cpp'));
    sha.w1 = whisper.commit({ author: ann, committer: bob, date: '2024-05-01T10:00:00+02:00', committerDate: '2024-05-04T09:00:00+00:00', message: 'Fix the softmax (llama/100)', files: { 'ggml/src/softmax.c': 'a\nb\n' } });
    sha.w2 = whisper.commit({ author: bob, date: '2024-05-05T09:00:00+00:00', message: 'whisper : own work', files: { 'src/whisper.cpp': 'w\n' } });

    // A library whose history was moved to a new repository under new SHAs, plus a
    // cherry-pick with no marker at all. The original committed first.
    const lib = GitRepo.init(join(clones, 'acme__lib'));
    sha.a1 = lib.commit({ author: ann, date: '2024-02-01T10:00:00+00:00', message: 'Add the allocator', files: { 'alloc.c': 'x\ny\n' } });
    sha.a2 = lib.commit({ author: bob, date: '2024-02-05T10:00:00+00:00', message: 'Fix a leak', files: { 'alloc.c': 'x\nz\n' } });
    const next = GitRepo.init(join(clones, 'acme__lib-next'));
    sha.n1 = next.commit({ author: ann, committer: vic, date: '2024-02-01T10:00:00+00:00', committerDate: '2024-03-01T00:00:00+00:00', message: 'Add the allocator', files: { 'lib/alloc.c': 'x\ny\n' } });
    sha.n2 = next.commit({ author: bob, committer: vic, date: '2024-02-05T10:00:00+00:00', committerDate: '2024-03-01T00:00:01+00:00', message: 'Fix a leak (#7)', files: { 'lib/alloc.c': 'x\nz\n' } });
    sha.n3 = next.commit({ author: vic, date: '2024-03-10T10:00:00+00:00', message: 'Fix a leak', files: { 'lib/other.c': 'o\n' } });
    // Same person, same second, different change: not a copy.
    sha.a3 = lib.commit({ author: bob, date: '2024-03-10T10:00:00+00:00', message: 'Tune the pool', files: { 'pool.c': 'p\n' } });
    sha.a4 = lib.commit({ author: bob, date: '2024-03-10T10:00:00+00:00', message: 'Document the pool', files: { 'pool.md': 'd\n' } });
    // A duplicate line of history: a branch holding the same change under another SHA, merged back.
    lib.checkout('mirror', true);
    lib.git(['reset', '-q', '--hard', sha.a2!]);
    sha.a5 = lib.commit({ author: ann, committer: vic, date: '2024-03-12T10:00:00+00:00', committerDate: '2024-03-20T10:00:00+00:00', message: 'Add a pool test', files: { 'test_pool.py': 't\n' } });
    lib.checkout('main');
    sha.a6 = lib.commit({ author: ann, date: '2024-03-12T10:00:00+00:00', message: 'Add a pool test', files: { 'test_pool.py': 't\n' } });
    lib.merge('mirror', { author: ann, date: '2024-03-21T10:00:00+00:00', message: 'Merge branch mirror' });
    // Ann's second address (one identity link, so the merge log is not empty).
    lib.commit({ author: { name: ann.name, email: 'ann.k@acme.io' }, date: '2024-03-22T10:00:00+00:00', message: 'Tidy', files: { 'tidy.c': 't\n' } });

    // An upstream the dataset lacks, and its one tracked fork.
    const upstream = GitRepo.init(join(root, 'upstream-not-exported'));
    sha.u1 = upstream.commit({ author: uma, date: '2024-01-05T10:00:00+00:00', message: 'Initial compiler', files: { 'compiler.py': 'c\n' } });
    GitRepo.open(root).git(['clone', '-q', upstream.dir, join(clones, 'vendor__tri-fork')]);
    const fork = GitRepo.open(join(clones, 'vendor__tri-fork'));
    sha.f1 = fork.commit({ author: vic, date: '2024-02-10T10:00:00+00:00', message: 'Add the XPU backend', files: { 'xpu.py': 'x\n' } });
    sha.u2 = upstream.commit({ author: uma, date: '2024-02-20T10:00:00+00:00', message: 'Add a pass', files: { 'pass.py': 'p\n' } });
    sha.u3 = upstream.commit({ author: uma, date: '2024-02-21T10:00:00+00:00', message: 'Fix the pass', files: { 'pass.py': 'q\n' } });
    fork.git(['remote', 'add', 'upstream', upstream.dir]);
    fork.git(['fetch', '-q', 'upstream']);
    sha.fm = fork.merge('upstream/main', { author: vic, date: '2024-02-25T10:00:00+00:00', message: "Merge remote-tracking branch 'upstream/main'" });
    sha.f2 = fork.commit({ author: vic, date: '2024-03-01T10:00:00+00:00', message: 'Tune the XPU backend', files: { 'xpu.py': 'y\n' } });

    const registryFiles = writeRegistryFixture(join(root, 'registry'), [
      { repo: 'ggerganov/llama.cpp', category: 'llm-serving', trackedUntil: '2024-06-30', note: 'old-name snapshot' },
      { repo: 'ggml-org/llama.cpp', category: 'llm-serving', status: 'unavailable' },
      { repo: 'ggml-org/ggml', category: 'ml-compilers' },
      { repo: 'ggml-org/whisper.cpp', category: 'llm-serving' },
      { repo: 'acme/lib', category: 'ml-compilers' },
      { repo: 'acme/lib-next', category: 'ml-compilers' },
      { repo: 'tri/upstream', category: 'ml-compilers', status: 'unavailable' },
      { repo: 'vendor/tri-fork', category: 'ml-compilers', upstream: 'tri/upstream' },
    ]);
    wh = join(root, 'warehouse');
    const summary = await runIngest({ registry: await loadRegistryFixture(registryFiles), warehouseDir: wh, clonesDir: clones, nowMs: NOW, concurrency: 2, progress: quiet() });
    expect(summary.failed).toEqual([]);
    rows = await query(wh, 'SELECT sha, repo, is_home, home_repo, reason FROM commit_provenance');
  }, 120_000);

  afterAll(() => removeTmp(root));

  it('counts a synced copy at its origin, never where the sync script put it', () => {
    expect(role('l1', 'ggerganov/llama.cpp')).toMatchObject({ is_home: true, reason: 'home' });
    expect(role('g1', 'ggml-org/ggml')).toMatchObject({ is_home: false, home_repo: 'ggerganov/llama.cpp' });
    expect(role('w1', 'ggml-org/whisper.cpp')).toMatchObject({ is_home: false, home_repo: 'ggerganov/llama.cpp' });
    expect(role('g0', 'ggml-org/ggml')).toMatchObject({ is_home: true });
    expect(role('w2', 'ggml-org/whisper.cpp')).toMatchObject({ is_home: true });
  });

  it('credits nobody for a copy whose origin is not observed', () => {
    expect(role('g2', 'ggml-org/ggml')).toMatchObject({ is_home: false, home_repo: null, reason: 'uncredited_sync_copy' });
  });

  it('finds cherry-picks and moved histories without a marker, and keeps them where they were committed first', () => {
    expect(role('a1', 'acme/lib')).toMatchObject({ is_home: true });
    expect(role('n1', 'acme/lib-next')).toMatchObject({ is_home: false, home_repo: 'acme/lib' });
    // The copy added a PR reference to the subject: still the same change.
    expect(role('n2', 'acme/lib-next')).toMatchObject({ is_home: false, home_repo: 'acme/lib' });
    expect(role('n3', 'acme/lib-next')).toMatchObject({ is_home: true });
  });

  it('does not merge different changes by one person in the same second', () => {
    expect(role('a3', 'acme/lib')).toMatchObject({ is_home: true });
    expect(role('a4', 'acme/lib')).toMatchObject({ is_home: true });
  });

  it('counts a change that one history holds twice once', () => {
    expect(role('a6', 'acme/lib')).toMatchObject({ is_home: true });
    expect(role('a5', 'acme/lib')).toMatchObject({ is_home: false, reason: 'counted_in_same_repo' });
  });

  it("leaves a single fork of an unavailable upstream only its own work", () => {
    for (const k of ['u1', 'u2', 'u3']) expect(role(k, 'vendor/tri-fork'), k).toMatchObject({ is_home: false, reason: 'uncredited_upstream_history' });
    expect(role('f1', 'vendor/tri-fork')).toMatchObject({ is_home: true });
    expect(role('f2', 'vendor/tri-fork')).toMatchObject({ is_home: true });
  });

  it('counts each change once in the figures', async () => {
    const figures = await query(wh, `SELECT scope_id, sum(commits)::INTEGER AS commits FROM scope_quarters WHERE scope_type = 'repo' GROUP BY 1 ORDER BY 1`);
    expect(Object.fromEntries(figures.map((f) => [f.scope_id, f.commits]))).toMatchObject({
      'ggerganov/llama.cpp': 2, 'ggml-org/ggml': 1, 'ggml-org/whisper.cpp': 1, 'acme/lib': 6, 'acme/lib-next': 1, 'vendor/tri-fork': 2,
    });
    const [dup] = await query(wh, 'SELECT count(*)::INTEGER AS n FROM (SELECT change_id FROM commit_provenance WHERE is_home GROUP BY 1 HAVING count(*) > 1)');
    expect(dup!.n).toBe(0);
  });
});

describe('fork ancestry', () => {
  const c = (sha: string, parents: string[], subject = sha) => ({ sha, parents, subject });
  const isUp = (s: string) => s.startsWith('Merge upstream');

  it('takes everything behind an upstream merge’s second parent', () => {
    const shas = upstreamShas([c('u0', []), c('u1', ['u0']), c('f1', ['u0']), c('m', ['f1', 'u1'], 'Merge upstream'), c('f2', ['m'])], isUp);
    expect([...shas].sort()).toEqual(['u0', 'u1']);
  });

  it('ignores a merge named like an upstream merge whose second side is the fork’s own branch', () => {
    // f2 branches off f1 and merges back: its second side reaches the first parent.
    const shas = upstreamShas([c('u0', []), c('f1', ['u0']), c('f2', ['f1']), c('m', ['f1', 'f2'], 'Merge upstream (PR)')], isUp);
    expect([...shas]).toEqual([]);
  });
});

describe('the curated provenance rules', () => {
  it('name only repositories of the registry, spelled as there', async () => {
    const registry = await loadRegistry();
    expect(() => checkRulesAgainstRegistry(loadProvenanceRules(), registry)).not.toThrow();
  });

  it('fill in the upstream for a fork', () => {
    const rules = loadProvenanceRules();
    const patterns = upstreamMergePatterns(rules, 'ROCm/rccl', 'NVIDIA/nccl');
    const matches = (s: string) => patterns.some((p) => p.test(s));
    expect(matches("Merge remote-tracking branch 'nccl/master' into develop")).toBe(true);
    expect(matches("Merge remote-tracking branch 'upstream/main'")).toBe(true);
    expect(matches("Merge remote-tracking branch 'origin/develop' into 2.18")).toBe(false);
    expect(matches("Merge branch 'main' into upstream_merge_24_10_21")).toBe(false);
  });

  it('report a bad rule with its line', () => {
    const text = 'version: 1\nsync_markers:\n  - marker: "(?=x)"\n    origin: [a/b]\n    repos: [c/d]\n';
    expect(() => parseProvenanceRules(text, 'rules.yaml')).toThrow(/rules\.yaml:3: `marker` .* look-around/);
    expect(() => parseProvenanceRules('version: 1\nupstream_merges:\n  - subject: "^Merge"\n    repos: nope\n', 'r.yaml')).toThrow(/r\.yaml:3: `repos` must be a list/);
  });
});
