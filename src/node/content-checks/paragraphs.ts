// The paragraph around a line of an article, as a reader meets it: a sentence that
// quotes a figure and the sentence that explains it belong together when they share a
// paragraph or a list item. MDX comments are notes to the editor, not to the reader.

const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#)/;

export interface Paragraph {
  /** 1-based, inclusive. */
  start: number;
  end: number;
  /** The paragraph's text, MDX comments blanked (lines keep their place). */
  text: string;
}

export function paragraphAt(lines: readonly string[], line: number): Paragraph {
  const blank = (i: number) => (lines[i] ?? '').trim() === '';
  let start = line - 1;
  while (start > 0 && !blank(start - 1) && !BLOCK_START.test(lines[start] ?? '')) start--;
  let end = line - 1;
  while (end + 1 < lines.length && !blank(end + 1) && !BLOCK_START.test(lines[end + 1] ?? '')) end++;
  const text = lines
    .slice(start, end + 1)
    .join('\n')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, (m) => m.replace(/[^\n]/g, ' '));
  return { start: start + 1, end: end + 1, text };
}

/** The paragraph names the repository: its owner/name, or its name alone when that is distinctive. */
export function namesRepo(text: string, repo: string): boolean {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const name = repo.split('/').pop() ?? repo;
  const needles = name.length >= 4 ? [repo, name] : [repo];
  return needles.some((n) => new RegExp(`(?<![\\w/.-])${esc(n)}(?![\\w-])`, 'i').test(text));
}

/** The paragraph already says how the work was committed (for a repository's own change). */
export function namesCommitSizes(text: string): boolean {
  return /release drops?|per-change|(?:smaller|bigger|larger) commits|lines per commit/i.test(text);
}
