// The artefact guard in the editor check: a change an article quotes (a QoQ figure,
// delta="change", an overlap quoted for this quarter and the one before) whose largest
// single explanation is more than half of it — one repository, a history that started
// or stopped, a switch between release drops and per-change commits — gets a warning,
// unless the paragraph already names that repository. An explanation the article
// states in the guard's words ("63% of this rise is one repository: `o/r`") is read back
// and must still match the data. Warnings only: the figures are right either way.
import { GUARD_SHARE } from '../../lib/explain-change.ts';
import { explainQuoted, quotedChange, type ExplainedChange, type QuotedChange } from '../../lib/explain-inputs.ts';
import { explanationMessage, sharePercent, statedExplanations, statedMatches } from '../../lib/explain-text.ts';
import { isQuarter, prevQuarter } from '../../lib/quarters.ts';
import { readManifest } from '../manifest.ts';
import { publishedQuarters, quarterFolder } from '../paths.ts';
import { loadChangeData } from './change-data.ts';
import { tag, type ArticleContext } from './components.ts';
import type { ComponentUse, ParsedArticle } from './mdx.ts';
import { namesCommitSizes, namesRepo, paragraphAt } from './paragraphs.ts';
import type { Problem } from './problem.ts';

type Attrs = Partial<Record<'figure' | 'category' | 'repo' | 'other' | 'quarter' | 'delta', string>>;

/** The literal attributes of a <Metric>; null when one is an expression only the page can know. */
function attrsOf(c: ComponentUse): Attrs | null {
  const out: Attrs = {};
  for (const k of ['figure', 'category', 'repo', 'other', 'quarter', 'delta'] as const) {
    const a = c.attrs.get(k);
    if (a === undefined) continue;
    if (a.kind !== 'literal') return null;
    out[k] = String(a.value);
  }
  return out;
}

/** The folder a <Metric> reads, when it also holds the quarter before (else there is no change to read). */
function folderFor(quarter: string, article: string): string | null {
  try {
    const own = readManifest(article).quarters.includes(quarter) ? article : publishedQuarters().includes(quarter) ? quarter : null;
    return own !== null && readManifest(own).quarters.includes(prevQuarter(quarter)) ? own : null;
  } catch {
    return null;
  }
}

interface Quote {
  c: ComponentUse;
  quarter: string;
  change: QuotedChange;
}

/** The changes the article quotes: change figures, and an overlap quoted for a quarter and the one before. */
function quotes(metrics: { c: ComponentUse; a: Attrs }[], article: string): Quote[] {
  const out: Quote[] = [];
  const pair = (a: Attrs) => [a.category, a.other].sort().join('\u0000');
  for (const { c, a } of metrics) {
    const quarter = a.quarter ?? article;
    if (!a.figure || !isQuarter(quarter)) continue;
    if (a.figure === 'overlap' && a.category && a.other) {
      const before = prevQuarter(quarter);
      if (metrics.some((m) => m.a.figure === 'overlap' && (m.a.quarter ?? article) === before && pair(m.a) === pair(a))) {
        out.push({ c, quarter, change: { figure: 'overlap', category: a.category, other: a.other } });
      }
      continue;
    }
    const change = quotedChange({ ...a, figure: a.figure });
    if (change) out.push({ c, quarter, change });
  }
  return out;
}

export async function checkArtefacts(ctx: ArticleContext, parsed: ParsedArticle, text: string): Promise<Problem[]> {
  const lines = text.split('\n');
  const metrics = parsed.components.filter((c) => c.name === 'Metric').flatMap((c) => {
    const a = attrsOf(c);
    return a ? [{ c, a }] : [];
  });
  const explained: { q: Quote; x: ExplainedChange }[] = [];
  for (const q of quotes(metrics, ctx.quarter)) {
    const folder = folderFor(q.quarter, ctx.quarter);
    if (folder === null) continue;
    try {
      const x = explainQuoted(await loadChangeData(quarterFolder(folder), q.quarter), q.change);
      if (x) explained.push({ q, x });
    } catch {
      // A figure that cannot be read is the components check's error, not a warning here.
    }
  }
  const warnings: Problem[] = [];
  const warn = (line: number, message: string, hint: string) => warnings.push({ file: ctx.file, line, message, hint, severity: 'warning' });
  for (const { q, x } of explained) {
    const e = x.largest;
    if (!e || e.share <= GUARD_SHARE) continue;
    const para = paragraphAt(lines, q.c.line);
    // A repository's own change is explained by how it commits, which naming it does not say.
    if (e.within ? namesCommitSizes(para.text) : namesRepo(para.text, e.repo)) continue;
    const say = e.within ? 'that its commits changed size' : `name ${e.repo}`;
    warn(q.c.line, `${tag(q.c)}: ${explanationMessage(x)}`, `say so where the figure is quoted (${say}; \`npm run new-report\` drafts the sentence), or quote a figure it does not dominate`);
  }
  // Stated explanations are read back against the changes quoted in their paragraph.
  const seen = new Set<number>();
  for (const { q } of explained) {
    const para = paragraphAt(lines, q.c.line);
    if (seen.has(para.start)) continue;
    seen.add(para.start);
    const here = explained.filter((o) => o.q.c.line >= para.start && o.q.c.line <= para.end).map((o) => o.x);
    for (const s of statedExplanations(para.text)) {
      if (here.some((x) => statedMatches(s, x))) continue;
      const line = para.start + para.text.slice(0, s.index).split('\n').length - 1;
      const data = here.find((x) => x.largest?.repo === s.repo) ?? here[0];
      const says = data?.largest ? `the data says ${sharePercent(data.largest.share)} of it is ${data.largest.repo}` : 'the data has no single repository behind it';
      warn(line, `the article says ${s.percent}% of this ${s.direction} is ${s.repo}, but ${says}`, 'run `npm run new-report` into a scratch folder (--content) for the current sentence, or take the claim out');
    }
  }
  return warnings;
}
