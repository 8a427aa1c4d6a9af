// Kind of work: declared types and tags first, then subject keywords, then paths,
// then the default. Subjects are copied from the tracked histories.
import { describe, expect, it } from 'vitest';
import type { PathClass } from '../../../scripts/classify/path-kind.ts';
import { classifyWork, explainWork, WORK_KINDS, type WorkKind } from '../../../scripts/classify/work-kind.ts';

const SRC: PathClass[] = ['source'];

describe('declared types and tags', () => {
  it.each<[string, WorkKind]>([
    ['perf: speed up megatron sglang weight update by 10x', 'perf'],
    ['feat: add MFU for Qwen3-VL MoE (#4859)', 'feature'],
    ['fix(cuda)!: handle zero-size tensors', 'fix'],
    ['test: add test for on_checkpoint_end PyTorch callback', 'test'],
    ['docs: add missing line to docker run (#2285)', 'docs'],
    ['ci: Swap merge/cherry-pick order (#10389)', 'ci'],
    ['build: dependencies update', 'ci'],
    ['chore(deps): bump @babel/runtime from 7.22.15 to 7.23.1 (#436)', 'ci'],
    ['fix(deps): bump litellm for SSTI fix', 'ci'],
    ['[Perf] Optimize `_update_states` for GPU model runner (#16910)', 'perf'],
    ['[BugFix] Fix crash in the scheduler', 'fix'],
    ['[Bugfix][Kernel] Fix moe align block size', 'fix'],
    ['[Feature] Support LoRA adapters', 'feature'],
    ['[CI/Build] Fix large_gpu_mark reason (#10070)', 'ci'],
    ['[Doc] Update supported_hardware.rst (#7276)', 'docs'],
    ['[Tests] Fix slow tests (#2846)', 'test'],
    ['[pre-commit.ci] pre-commit autoupdate', 'ci'],
    // A scope tag first, then the Conventional Commit type (verl's style).
    ['[rollout] feat: set max_model_len by max_position_embedding (#5052)', 'feature'],
    ['[trainer] fix: move save_ckpt before update_weights', 'fix'],
    ['[perf, doc] feat: add profiling continuous steps', 'perf'],
  ])('%s → %s', (subject, kind) => {
    expect(classifyWork(subject, SRC)).toBe(kind);
  });

  it('skips component prefixes that are not kinds', () => {
    expect(explainWork('cpu: x64: fix crash in brgemm convolution', SRC)).toEqual({ kind: 'fix', rule: 'keyword "fix"' });
    expect(classifyWork('[Kernel] Optimize fused MoE for small batches', SRC)).toBe('perf');
    expect(classifyWork('[Frontend] Add tool calling parser', SRC)).toBe('feature');
  });

  it('names the rule that fired', () => {
    expect(explainWork('[CI/Build] Fix build', SRC)).toEqual({ kind: 'ci', rule: 'tag [ci/build]' });
    expect(explainWork('fix: typo', SRC)).toEqual({ kind: 'fix', rule: 'type fix:' });
  });
});

describe('keywords', () => {
  it.each<[string, WorkKind]>([
    // revert → fix, before anything the reverted subject says.
    ['Revert "Speed up attention with split-k" (#123)', 'fix'],
    // docs before fix: "fix typo in README" is docs work.
    ['Fix typo in README', 'docs'],
    ['Update README.md (#1142)', 'docs'],
    ['Unify `configure_optimizers` docs (#7399)', 'docs'],
    // test before fix and ci.
    ['Fix flaky test in CI', 'test'],
    ['Add unit tests for embeddings.py and RoPE variants', 'test'],
    ['Skip test_fp8_gemm on ROCm', 'test'],
    // ci before fix.
    ['Fix CI', 'ci'],
    ['Fix build with gcc 13', 'ci'],
    ['Bump hivemind from 1.0.1 to 1.1.2 in /requirements (#15839)', 'ci'],
    ['Update XLA dependency to use revision d750d42', 'ci'],
    ['Integrate LLVM at llvm/llvm-project@909041e4802c', 'ci'],
    // a performance regression is perf work, other regressions are fixes.
    ['Fix performance regression in paged attention', 'perf'],
    ['Fix regression in tokenizer loading', 'fix'],
    // fix before perf: perf words also name components.
    ['Fix crash in fusion pass for dynamic shapes', 'fix'],
    ['hotfix to disallow generation with pipe + model parallel', 'fix'],
    ['Make previous_log_index_ atomic to avoid a race condition', 'fix'],
    // perf.
    ['Speed up compilation by splitting into separate .cu files', 'perf'],
    ['opencl: optimize mean and sum_row kernels (llama/19614)', 'perf'],
    ['Faster AVX2 dot product for IQ2_XS (#5187)', 'perf'],
    ['Vectorize copy in Concat and Split ops on GPU (#765)', 'perf'],
    ['Fuse Matmul and cast in the subgraph rewriter', 'perf'],
    ['Reduce memory usage of the KV cache manager', 'perf'],
  ])('%s → %s', (subject, kind) => {
    expect(classifyWork(subject, SRC)).toBe(kind);
  });

  it('does not mistake look-alike words', () => {
    // "fixture", "prefix", "optimizer", "fine-tuning", "test-time", "docker" are not markers.
    expect(classifyWork('Add prefix caching fixture loader', SRC)).toBe('feature');
    expect(classifyWork('Support the Adafactor optimizer', SRC)).toBe('feature');
    expect(classifyWork('Add fine-tuning recipe for Llama 3', SRC)).toBe('feature');
    expect(classifyWork('Support test-time scaling in the sampler', SRC)).toBe('feature');
    expect(classifyWork('Release the GIL while waiting', SRC)).toBe('feature');
  });
});

describe('paths and defaults', () => {
  it('uses the paths when the subject says nothing', () => {
    expect(explainWork('Update golden values', ['test', 'test'])).toEqual({ kind: 'test', rule: 'paths all test' });
    // Golden files and fixtures are not test code, but changing them is test work.
    expect(explainWork('Update golden values', ['test-data', 'test-data'])).toEqual({ kind: 'test', rule: 'paths all test' });
    expect(classifyWork('Cover the new sampler', ['test', 'test-data', 'binary'])).toBe('test');
    expect(classifyWork('Polish the quickstart', ['docs', 'binary'])).toBe('docs');
    expect(classifyWork('Use sccache-dist build cluster', ['config', 'generated'])).toBe('ci');
    expect(classifyWork('Pin numba below 0.66', ['config'])).toBe('ci');
  });

  it('keeps "Add …" a feature even when only config files change', () => {
    expect(classifyWork('Add MMLU-ProX task', ['config', 'config'])).toBe('feature');
  });

  it('lets weak types decide last', () => {
    expect(explainWork('refactor: split the scheduler', SRC)).toEqual({ kind: 'feature', rule: 'type refactor:' });
    expect(explainWork('chore: rename misc.py', SRC)).toEqual({ kind: 'ci', rule: 'type chore:' });
    expect(classifyWork('refactor: fix crash on empty batch', SRC)).toBe('fix');
    expect(classifyWork('chore: update tests', ['test'])).toBe('test');
  });

  it('defaults to feature, mixed paths and empty input included', () => {
    expect(explainWork('Internal change.', ['source', 'test'])).toEqual({ kind: 'feature', rule: 'default' });
    expect(classifyWork('', [])).toBe('feature');
    expect(classifyWork('Automated Code Change', ['binary'])).toBe('feature');
  });

  it('lists every kind once', () => {
    expect([...WORK_KINDS].sort()).toEqual(['ci', 'docs', 'feature', 'fix', 'perf', 'test']);
  });
});
