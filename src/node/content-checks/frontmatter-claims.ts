// The comparisons of an article's title and summary. Both are plain text (the page's
// <title>, description and dek, the front page's card), so they cannot hold claim
// components: the frontmatter lists each comparison under `claims` with the words it
// backs, and each is decided like a claim in the body. A comparative word of the title
// or summary that no listed claim covers is a problem, so a summary cannot say
// "faster than any other category" unchecked.
import { CLAIM_COMPONENTS } from '../../lib/claim-props.ts';
import { uncoveredComparatives } from '../../lib/comparatives.ts';
import type { ReportFrontmatter } from '../../lib/content-schema.ts';
import { decideClaim, type ClaimLine } from './claims.ts';
import type { Problem } from './problem.ts';
import { yamlLines } from './yaml-lines.ts';

const FIELDS = ['title', 'summary'] as const;

export async function checkFrontmatterClaims(
  file: string,
  rawFrontmatter: string,
  fm: ReportFrontmatter,
  dataReady: boolean,
): Promise<{ problems: Problem[]; claims: ClaimLine[] }> {
  const lineOf = yamlLines(rawFrontmatter);
  const problems: Problem[] = [];
  const claims: ClaimLine[] = [];
  const listed = fm.claims ?? [];
  listed.forEach((entry, i) => {
    if (!FIELDS.some((f) => fm[f].includes(entry.says))) {
      problems.push({
        file,
        line: lineOf(['claims', i, 'says']),
        message: `claims[${i}] backs "${entry.says}", which is in neither the title nor the summary`,
        hint: 'copy the words exactly as the title or summary has them',
      });
    }
  });
  for (const field of FIELDS) {
    for (const c of uncoveredComparatives(fm[field], listed.map((e) => e.says))) {
      const around = fm[field].slice(Math.max(0, c.index - 30), c.index + c.word.length + 30).trim();
      problems.push({
        file,
        line: lineOf([field]),
        message: `the ${field} compares ("${c.word}" in "…${around}…") with no claim behind it`,
        hint: `add it to the frontmatter's claims, e.g. claims: [{ says: "<the words>", Rank: { figure: contributors_qoq, category: gpu-kernels } }], or reword without the comparison`,
      });
    }
  }
  if (!dataReady) return { problems, claims };
  for (const [i, entry] of listed.entries()) {
    const component = CLAIM_COMPONENTS.find((k) => entry[k] !== undefined)!;
    const line = lineOf(['claims', i]) ?? lineOf(['claims']) ?? 1;
    const { claim, problem } = await decideClaim(file, line, component, entry[component]!, fm.quarter, fm.quarter);
    if (problem) problems.push({ file, line, message: `claims[${i}] ("${entry.says}"): ${problem.message}`, ...(problem.hint ? { hint: problem.hint } : {}) });
    if (claim) claims.push(claim);
  }
  return { problems, claims };
}
