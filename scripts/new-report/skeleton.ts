// The MDX of a new article: frontmatter, the quarterly's sections with the standard
// components in place, and the drafted findings under the section they belong to.
import { formatDate } from '../../src/lib/format.ts';
import { quarterLabel } from '../../src/lib/quarters.ts';
import { PREDICTIONS_PROMPT, REVIEW_PROMPT, SKELETON_PLACEHOLDERS, SKELETON_SECTIONS, type SectionId } from '../../src/lib/report-skeleton.ts';
import type { Finding } from './findings.ts';

export interface SkeletonInput {
  quarter: string;
  /** The manifest's `published` date: the article's dataVersion. */
  dataVersion: string;
  /** YYYY-MM-DD */
  today: string;
  partial: boolean;
  snapshot: string;
  findings: Finding[];
  /** The quarter of the latest earlier predictions, reviewed in this article. */
  reviewQuarter?: string;
  /** Components placed besides each section's standard ones, where the data has something to show (findings.ts). */
  components?: Partial<Record<SectionId, string[]>>;
}

// In the order an article imports them; the ones the data decides (TalentPools, WorkMix,
// NewProjects, PredictionReview) only when the draft uses them.
const IMPORTS = [
  'HeadlineStats',
  'SnapshotTable',
  'TopProjects',
  'NewProjects',
  'TalentChord',
  'TalentPools',
  'CategoryTrend',
  'WorkMix',
  'Metric',
  'Rank',
  'Compare',
  'Only',
  'Threshold',
  'Predictions',
  'PredictionReview',
];
const OPTIONAL: readonly string[] = ['NewProjects', 'TalentPools', 'WorkMix', 'PredictionReview'];

function yamlString(s: string): string {
  return JSON.stringify(s);
}

export function articleMdx(input: SkeletonInput): string {
  const label = quarterLabel(input.quarter);
  const extra = (id: SectionId) => input.components?.[id] ?? [];
  const used = new Set(SKELETON_SECTIONS.flatMap((s) => extra(s.id)).map((c) => /^<(\w+)/.exec(c)?.[1]));
  if (input.reviewQuarter) used.add('PredictionReview');
  const imports = IMPORTS.filter((c) => !OPTIONAL.includes(c) || used.has(c)).map((c) => `import ${c} from '../../src/components/${c}.astro';`);
  const lines: string[] = [
    '---',
    `title: ${yamlString(`Deep Signal, ${label}: working title`)}`,
    `quarter: ${yamlString(input.quarter)}`,
    `published: ${input.today}`,
    'author:',
    '  name: "Deep Signal editors"',
    '  role: "Editor"',
    `summary: ${yamlString(`One or two sentences on what moved in ${label} and why it matters.`)}`,
    '# The title and summary are plain text: each comparison they make ("faster", "the most", "fell")',
    '# is listed here with the words it backs and one claim, checked like <Rank> in the body. For example:',
    '# claims:',
    '#   - says: "more contributors than any other category"',
    '#     Rank: { figure: contributors, category: llm-serving }',
    'status: "draft"',
    `dataVersion: ${yamlString(input.dataVersion)}`,
    '---',
    '',
    ...imports,
    '',
    `{/* Drafted by \`npm run new-report -- ${input.quarter}\`. Under each heading, the drafted findings are a list to keep,`,
    '    rewrite into prose or cut; every figure is a <Metric>, so it always matches the published data. Never type a',
    '    figure: `npm run check` and the build check every <Metric>. Never type a comparison either: "fastest", "more than",',
    '    "the only", "above half" are <Rank>, <Compare>, <Only> and <Threshold> (README, step 4), checked the same way.',
    '    Set status: "published" when the article is ready. */}',
    '',
  ];
  if (input.partial) {
    lines.push(
      `{/* ${label} is a partial quarter: the data runs to ${formatDate(input.snapshot)}. Changes on the previous quarter, churn`,
      '    and overlap changes are not drafted, since they would compare a running quarter with a complete one; the charts',
      '    say "partial quarter". Publish the data again once the quarter is complete, then run new-report with --force. */}',
      '',
    );
  }
  for (const s of SKELETON_SECTIONS) {
    // The outlook closes the article, after the predictions it looks ahead with.
    if (s.id === 'outlook') lines.push(...predictionsSection(input.quarter));
    lines.push(`## ${s.heading}`, '');
    // A report opens by scoring the last one's predictions: the reader sees the track record first.
    if (s.id === 'signal' && input.reviewQuarter) {
      lines.push(`_${REVIEW_PROMPT} ${quarterLabel(input.reviewQuarter)} did, scored with the data published up to this article._`, '', `<PredictionReview quarter="${input.reviewQuarter}" />`, '');
    }
    lines.push(`_${s.prompt}_`, '');
    const found = input.findings.filter((f) => f.section === s.id);
    if (found.length > 0) {
      lines.push(`{/* ${SKELETON_PLACEHOLDERS[2]} */}`, '');
      for (const f of found) lines.push(`- ${f.text} {/* ${f.why} */}`);
      lines.push('');
    }
    for (const c of [...s.components, ...extra(s.id)]) lines.push(c, '');
  }
  return lines.join('\n');
}

function predictionsSection(quarter: string): string[] {
  return [
    '## Predictions',
    '',
    `_${PREDICTIONS_PROMPT} and a threshold and due in a later quarter, written in content/predictions/${quarter}.yaml. One added after its due quarter has ended is shown as retrospective and not counted._`,
    '',
    '<Predictions />',
    '',
  ];
}

/** An empty predictions file for the quarter, with the format in a comment. */
export function predictionsYaml(quarter: string): string {
  return `# Predictions made in the ${quarterLabel(quarter)} report. Each is decided by its figure in the due
# quarter, read from the published data; see /predictions/ on the site. For example:
#
#   - id: serving-contributors-400        # lower-case words and dashes, unique in this file
#     due: 2027-q1                        # a later quarter
#     statement: LLM serving engines will have at least 400 contributors in Q1 2027.
#     metric: { figure: contributors, category: llm-serving }   # any numeric <Metric> figure and scope
#     threshold: { op: '>=', value: 400 } # >, >=, < or <=
#
# A prediction without metric and threshold is scored by the editors (outcome: hit | miss).
# One added after the article is published carries the date it was added (added: 2027-02-10);
# one written once its due quarter has ended is shown as retrospective and not counted.
predictions: []
`;
}
