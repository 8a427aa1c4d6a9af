// The issue's prose rule: no sentence template used more than twice in an article. A
// template is how a sentence opens once its figures are set aside: "<Metric/> people
// committed to both …" three times reads as a table written out, whichever figures
// fill it. Openings are compared on their first words, names as "N" and figures as
// "#", so the check names the lines to vary rather than judging style.
import type { Problem } from './problem.ts';

/** Words of a sentence's opening that make it a template. */
const OPENING_WORDS = 4;
const MAX_USES = 2;

export interface Sentence {
  /** 1-based line the sentence starts on. */
  line: number;
  text: string;
}

/** The prose sentences of an MDX article: no frontmatter, imports, headings, comments or block components. */
export function proseSentences(text: string): Sentence[] {
  const lines = text.split('\n');
  let i = 0;
  if (lines[0]?.trim() === '---') {
    i = lines.findIndex((l, k) => k > 0 && l.trim() === '---') + 1;
  }
  const out: Sentence[] = [];
  let current: { line: number; parts: string[] } | null = null;
  const flush = () => {
    if (current && current.parts.join(' ').trim()) out.push(...split(current.line, current.parts.join(' ')));
    current = null;
  };
  let comment = false;
  for (; i < lines.length; i++) {
    let line = lines[i]!;
    if (comment || line.includes('{/*')) {
      const end = line.indexOf('*/}');
      comment = end < 0;
      line = end < 0 ? '' : line.slice(end + 3);
    }
    const t = line.trim();
    if (t === '' || /^(import|export)\s/.test(t) || t.startsWith('#') || /^<[A-Z][\w.]*\b[^>]*\/>$/.test(t) || t.startsWith('```')) {
      flush();
      continue;
    }
    if (!current) current = { line: i + 1, parts: [] };
    current.parts.push(t);
  }
  flush();
  return out;
}

function split(line: number, paragraph: string): Sentence[] {
  // Figures become "#": a component closed on itself, and numbers.
  const plain = paragraph
    .replace(/<[A-Z][\w.]*\b(?:[^<>"]|"[^"]*")*\/>/g, '#')
    .replace(/<\/?[A-Z][\w.]*\b(?:[^<>"]|"[^"]*")*>/g, '')
    .replace(/\*\*|__|`/g, '');
  return plain
    .split(/(?<=[.!?])\s+(?=[A-Z#(*"])/)
    .map((text) => ({ line, text: text.trim() }))
    .filter((s) => s.text.length > 0);
}

/**
 * "N holds # of": the first words with names as "N" (a run of capitalised words, as a
 * sentence names a project or company), figures and numbers as "#", lower case, so
 * "NVIDIA holds 41% of …" and "Intel holds 62% of …" share a template.
 */
export function opening(sentence: string): string {
  const tokens = sentence
    .replace(/[\u2212+\-]?\d[\d.,\u202f %]*/g, ' # ')
    .replace(/[^\p{L}#'\u2019\s-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w === '#' ? '#' : /^\p{Lu}/u.test(w) ? 'N' : w.toLowerCase()));
  const collapsed = tokens.filter((t, i) => !(t === 'N' && tokens[i - 1] === 'N'));
  return collapsed.slice(0, OPENING_WORDS).join(' ');
}

export function checkSentenceTemplates(file: string, text: string): Problem[] {
  const uses = new Map<string, Sentence[]>();
  for (const s of proseSentences(text)) {
    const key = opening(s.text);
    if (key.split(' ').length < OPENING_WORDS) continue;
    uses.set(key, [...(uses.get(key) ?? []), s]);
  }
  const out: Problem[] = [];
  for (const [key, list] of uses) {
    if (list.length <= MAX_USES) continue;
    out.push({
      file,
      line: list[MAX_USES]!.line,
      message: `the sentence template "${key} …" is used ${list.length} times (paragraphs at lines ${list.map((s) => s.line).join(', ')}): no template more than ${MAX_USES === 2 ? 'twice' : `${MAX_USES} times`} per article`,
      hint: 'open the sentence another way, or join two of them into one',
    });
  }
  return out;
}
