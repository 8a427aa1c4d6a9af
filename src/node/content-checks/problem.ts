// A problem the editor check found: where (file and line, as the build's errors say it),
// what is wrong, and what to do about it. A warning is worth reading but never stops a
// build: the figure is right, the sentence around it may mislead.

export interface Problem {
  /** Repo-relative path with forward slashes. */
  file: string;
  line?: number;
  message: string;
  hint?: string;
  /** 'error' when absent. */
  severity?: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const mark = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${mark}${p.message}${p.hint ? `\n    hint: ${p.hint}` : ''}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every problem, in file and line order, then a count: the editor fixes them in one pass. */
export function formatProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const files = new Set(sorted.map((p) => p.file)).size;
  const warnings = sorted.filter((p) => p.severity === 'warning').length;
  const errors = sorted.length - warnings;
  const counts = [errors > 0 || warnings === 0 ? plural(errors, 'problem') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ');
  return `${sorted.map(formatProblem).join('\n')}\n\n${counts} in ${plural(files, 'file')}`;
}
