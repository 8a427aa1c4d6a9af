// The artefact guard in a draft: each finding that quotes a change gets, when one
// repository or a tracking artefact is more than half of it, a sentence saying so
// (src/lib/explain-text.ts), in the words `npm run check` reads back. Smaller
// explanations go in the editor's comment, so the draft says what it weighed.
import { explainQuoted, type ChangeData, type ExplainedChange } from '../../src/lib/explain-inputs.ts';
import { GUARD_SHARE } from '../../src/lib/explain-change.ts';
import { changeLabel, explanationSentence, sharePercent, type MetricTag } from '../../src/lib/explain-text.ts';
import type { Finding } from './findings.ts';

function note(x: ExplainedChange): string {
  const e = x.largest!;
  return `largest single repository behind the ${x.change > 0 ? 'rise' : 'fall'} in ${changeLabel(x)}: ${e.repo}, ${sharePercent(e.share)}`;
}

export function explainFindings(findings: readonly Finding[], data: ChangeData, metric: MetricTag): Finding[] {
  return findings.map((f) => {
    const explained = (f.changes ?? []).flatMap((q) => {
      const x = explainQuoted(data, q);
      return x?.largest ? [x] : [];
    });
    if (explained.length === 0) return f;
    const named = (f.changes?.length ?? 0) > 1;
    const sentences = explained.map((x) => explanationSentence(x, metric, named)).filter(Boolean);
    const notes = explained.filter((x) => x.largest!.share <= GUARD_SHARE).map(note);
    return {
      ...f,
      text: [f.text, ...sentences].join(' '),
      why: [f.why, ...notes].join('; '),
    };
  });
}
