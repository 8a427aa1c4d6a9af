// A problem the editor check found: where (file and line, as the build's errors say it),
// what is wrong, and what to do about it.

export interface Problem {
  /** Repo-relative path with forward slashes. */
  file: string;
  line?: number;
  message: string;
  hint?: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where}  ${p.message}${p.hint ? `\n    hint: ${p.hint}` : ''}`;
}

/** Every problem, in file and line order, then a count: the editor fixes them in one pass. */
export function formatProblems(problems: readonly Problem[]): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const files = new Set(sorted.map((p) => p.file)).size;
  const count = `${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  return `${sorted.map(formatProblem).join('\n')}\n\n${count}`;
}
