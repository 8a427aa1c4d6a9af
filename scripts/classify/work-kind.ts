// Kind of work of a commit, from its subject and the classes of its paths.
// A transparent, ordered rule set; explainWork names the rule that fired.
//
// Order, first match wins, and why:
//   1. declared  The author said what it is: a Conventional Commit type
//                (`fix(cuda)!: …`, also after a `[scope]` as in verl's
//                `[trainer] feat: …`) or a bracket tag (`[Bugfix]`, `[CI/Build]`).
//                Strongest signal, so first. Leading component prefixes that
//                are not kinds (`cpu: x64: …`, `[Kernel]`) are skipped.
//                `refactor`, `chore`, `style`-like types are weak: they fall
//                through to the keywords and decide only at step 4.
//   2. keywords  Phrases in the subject, in this order:
//                revert (→ fix: a revert undoes a breaking change) → docs →
//                test → ci → "performance regression" (→ perf) → fix → perf.
//                Docs and test phrases are specific ("fix typo in README",
//                "fix flaky test") and would otherwise be eaten by the generic
//                "fix"; ci before fix so "fix CI" / "fix build" is CI work;
//                fix before perf because perf words also name components
//                ("fix crash in fusion pass" is a fix).
//   3. paths     Nothing in the subject: every text path is a test → test;
//                every one docs → docs.
//   4. verbs     A subject starting "Add/Support/Implement/Introduce/Enable…"
//                → feature, before the next rule: "Add MMLU task" may touch
//                only YAML files and is still a feature.
//   5. paths     Every text path config/generated/vendored (.github, build
//                files, lock files) → ci.
//   6. weak type `refactor:`/`[Refactor]`/`[Misc]` → feature, `chore:`/`style:` → ci.
//   7. default   feature: new functionality and other implementation work.

import type { PathClass } from './path-kind.ts';

export type WorkKind = 'perf' | 'feature' | 'fix' | 'test' | 'docs' | 'ci';

/** Display order: the kinds of work as the methodology lists them. */
export const WORK_KINDS: readonly WorkKind[] = ['feature', 'fix', 'perf', 'test', 'docs', 'ci'];

export interface WorkExplanation {
  kind: WorkKind;
  /** Which rule fired, e.g. `type fix:`, `tag [CI/Build]`, `keyword "flaky"`, `paths all test`, `default`. */
  rule: string;
}

// Declared types and bracket tags, lowercased. Strong ones decide at once.
const STRONG_TYPES = new Map<string, WorkKind>([
  ['perf', 'perf'], ['performance', 'perf'], ['optimization', 'perf'], ['speedup', 'perf'],
  ['feat', 'feature'], ['feature', 'feature'], ['features', 'feature'], ['enh', 'feature'],
  ['enhancement', 'feature'], ['new feature', 'feature'], ['new model', 'feature'], ['model', 'feature'],
  ['fix', 'fix'], ['fixes', 'fix'], ['bugfix', 'fix'], ['bug fix', 'fix'], ['bug', 'fix'], ['hotfix', 'fix'],
  ['fixup', 'fix'], ['revert', 'fix'], ['security', 'fix'], ['autobackout', 'fix'],
  ['test', 'test'], ['tests', 'test'], ['testing', 'test'], ['gtests', 'test'], ['unittest', 'test'],
  ['docs', 'docs'], ['doc', 'docs'], ['documentation', 'docs'], ['readme', 'docs'], ['typo', 'docs'],
  ['ci', 'ci'], ['build', 'ci'], ['ci/build', 'ci'], ['ci/cd', 'ci'], ['release', 'ci'], ['deps', 'ci'],
  ['dependencies', 'ci'], ['dependency', 'ci'], ['version', 'ci'], ['bump', 'ci'], ['infra', 'ci'],
  ['pre-commit', 'ci'], ['pre-commit.ci', 'ci'], ['lint', 'ci'], ['cmake', 'ci'], ['docker', 'ci'],
]);
const WEAK_TYPES = new Map<string, WorkKind>([
  ['refactor', 'feature'], ['refactoring', 'feature'], ['nfc', 'feature'], ['cleanup', 'feature'],
  ['misc', 'feature'], ['minor', 'feature'], ['chore', 'ci'], ['style', 'ci'], ['format', 'ci'],
]);
// `chore(deps):`, `build(deps-dev):`: dependency upkeep whatever the type.
const DEPENDENCY_SCOPES = new Set(['deps', 'deps-dev', 'dependencies', 'dependency']);

// `type(scope)!:` at the start (one word, or a known two-word type); `[tag]`
// groups before it.
const TYPE_RE = /^(bug fix|new feature|new model|[a-z][a-z0-9._\/-]{0,24})(?:\(([^)]*)\))?!?:\s*/;
const TAG_RE = /^\[([^\]]{1,30})\]\s*/;
const TAG_PARTS_RE = /[\/,|+ ]+/;
const TYPE_PARTS_RE = /\//;
const MAX_PREFIXES = 4;

/** Whole-word alternatives, compiled once. */
function words(...alternatives: string[]): RegExp {
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b`);
}

const TEST_VERBS =
  'add|adds|added|adding|improve|improves|extend|more|new|update|updates|fix|fixes|fixed|' +
  'skip|skips|disable|disables|enable|re-?enable|xfail|mark';

// Keyword rules, tried in order on the lowercased subject (see the top comment).
const KEYWORD_RULES: [WorkKind, RegExp][] = [
  ['fix', /^(?:revert|reland of revert|back out|backout)\b/],
  ['docs', words('docs?', 'documentation', 'readme', 'docstrings?', 'tutorials?', 'typos?', 'spelling', 'changelog',
    'release notes', 'javadoc', 'doxygen')],
  // "fix flaky test", "add tests for …", "skip test_foo on ROCm"; not "test-time scaling".
  ['test', new RegExp(`\\b(?:flaky|deflake|unit ?tests?\\b|test ?coverage|test ?cases?\\b|` +
    `(?:${TEST_VERBS})\\s+(?:\\S+\\s+){0,2}?(?:tests?\\b(?!-)|test_\\w+))`)],
  ['ci', words('ci', 'cicd', 'workflows?', 'github actions?', 'pre-commit', 'lint(?:er|ing)?', 'clang-format', 'mypy',
    'ruff', 'yapf', 'isort', 'flake8', 'pylint', 'dependabot', 'bump(?:s|ed|ing)?', 'version bump', 'release v?\\d',
    'prepare (?:for )?release',
    '(?:update|upgrade|pin)\\s+(?:\\S+\\s+)?(?:dependency|dependencies|deps|requirements|lockfile|submodules?)',
    'integrate llvm', 'llvm integrate', 'update (?:xla|llvm|triton|submodule)', 'dockerfile', 'docker image',
    '(?:fix|fixes|fixed|update|improve)\\s+(?:the\\s+)?build', 'build (?:fix|system|script|break|failure|error)s?',
    'nightly', 'codeowners', 'gitignore')],
  ['perf', words('perf(?:ormance)? regression', 'regression in (?:perf|performance|speed|latency|throughput)')],
  ['fix', words('fix(?:es|ed|ing)?', 'bugs?', 'bugfix', 'hotfix', 'crash(?:es|ed|ing)?', 'segfaults?', 'regressions?',
    'deadlocks?', 'race conditions?', 'memory leaks?', 'leaks?', 'overflow', 'off-by-one', 'workaround', 'broken',
    'incorrect', 'wrong', 'nan', 'hang(?:s|ing)?')],
  ['perf', words('perf', 'performance', 'speed(?:s|ing)? ?up', 'speedups?', 'faster', 'fast path',
    'optimi[sz](?:e|es|ed|ing|ation|ations)', 'throughput', 'latency', 'autotun(?:e|es|ed|ing|er)',
    '(?:kernel|perf|performance) tuning', 'vectori[sz](?:e|es|ed|ing|ation)', 'fuse', 'fuses', 'fusing', 'fusion',
    '(?:reduce|reduces|lower|save|saves|cut|avoid|avoids|eliminate|eliminates)\\s+(?:unnecessary\\s+|redundant\\s+|extra\\s+|the\\s+)?' +
      '(?:memory|overhead|latency|allocations?|copies|copy|syncs?|synchronization|recompil\\w*)',
    'memory (?:usage|footprint)', 'more efficient', 'efficiency', 'bandwidth', 'zero-copy', 'cache-friendly')],
];

const FEATURE_VERB_RE = /^(?:add|adds|added|adding|support|supports|implement|implements|introduce|introduces|enable|enables|new)\b/;

// "Bump numpy from 1.2 to 1.3" (dependabot and friends) is dependency upkeep.
const BUMP_RE = /^bump\s+\S+.*\bfrom\s+\S+\s+to\s+\S+/;

function declared(subject: string): { strong?: [WorkKind, string]; weak?: [WorkKind, string]; rest: string } {
  let s = subject;
  let weak: [WorkKind, string] | undefined;
  for (let i = 0; i < MAX_PREFIXES; i++) {
    const tag = TAG_RE.exec(s);
    const type = tag ? null : TYPE_RE.exec(s);
    const m = tag ?? type;
    if (!m) break;
    const word = m[1]!.trim();
    const label = tag ? `tag [${word}]` : `type ${word}:`;
    if (type && DEPENDENCY_SCOPES.has((type[2] ?? '').trim())) return { strong: ['ci', `type ${word}(${type[2]}):`], rest: s };
    // A tag may list several kinds: [CI/Build], [Bugfix][Kernel], [Misc, Doc].
    for (const part of [word, ...word.split(tag ? TAG_PARTS_RE : TYPE_PARTS_RE)]) {
      const strong = STRONG_TYPES.get(part);
      if (strong) return { strong: [strong, label], rest: s };
      weak ??= WEAK_TYPES.has(part) ? [WEAK_TYPES.get(part)!, label] : undefined;
    }
    s = s.slice(m[0].length);
  }
  return { weak, rest: s };
}

function byPaths(pathClasses: PathClass[]): [WorkKind, string] | undefined {
  let n = 0;
  let tests = 0;
  let docs = 0;
  let upkeep = 0;
  for (const c of pathClasses) {
    if (c === 'binary') continue;
    n++;
    // Golden files and fixtures are not test code, but changing them is test work.
    if (c === 'test' || c === 'test-data') tests++;
    else if (c === 'docs') docs++;
    else if (c === 'config' || c === 'generated' || c === 'vendored') upkeep++;
  }
  if (n === 0) return undefined;
  if (tests === n) return ['test', 'paths all test'];
  if (docs === n) return ['docs', 'paths all docs'];
  if (upkeep === n) return ['ci', 'paths all config/generated/vendored'];
  return undefined;
}

/** The kind of work and the rule that decided it. */
export function explainWork(subject: string, pathClasses: PathClass[]): WorkExplanation {
  const lower = subject.trim().toLowerCase();
  const d = declared(lower);
  if (d.strong) return { kind: d.strong[0], rule: d.strong[1] };
  if (BUMP_RE.test(d.rest)) return { kind: 'ci', rule: 'keyword "bump … from … to …"' };
  for (const [kind, re] of KEYWORD_RULES) {
    const m = re.exec(d.rest);
    if (m) return { kind, rule: `keyword "${m[0]}"` };
  }
  const p = byPaths(pathClasses);
  if (p && p[0] !== 'ci') return { kind: p[0], rule: p[1] };
  // "Add MMLU-ProX task" may touch only YAML: a feature, not CI upkeep.
  const verb = FEATURE_VERB_RE.exec(d.rest);
  if (verb) return { kind: 'feature', rule: `keyword "${verb[0]}"` };
  if (p) return { kind: p[0], rule: p[1] };
  if (d.weak) return { kind: d.weak[0], rule: d.weak[1] };
  return { kind: 'feature', rule: 'default' };
}

export function classifyWork(subject: string, pathClasses: PathClass[]): WorkKind {
  return explainWork(subject, pathClasses).kind;
}
