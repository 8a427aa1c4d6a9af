// The MDX of a new article: frontmatter, the quarterly's sections with the standard
// components in place, and the drafted findings under the section they belong to.
import { formatDate } from '../../../src/lib/format.ts';
import { quarterLabel } from '../../../src/lib/quarters.ts';
import type { Finding, SectionId } from './findings.ts';

/**
 * Text the skeleton writes for the editor to replace. A published article must not
 * contain any of it (the content check looks for these, line by line).
 */
export const SKELETON_PLACEHOLDERS: readonly string[] = [
  ': working title',
  'One or two sentences on what moved in',
  'Drafted findings: keep, rewrite or cut.',
];

export function skeletonPrompts(): string[] {
  return SECTIONS.map((s) => `_${s.prompt}_`);
}

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
}

const SECTIONS: { id: SectionId; heading: string; prompt: string; components: string[] }[] = [
  { id: 'signal', heading: 'The Signal', prompt: 'The one finding of the quarter, in two or three sentences, with the figures that prove it.', components: ['<HeadlineStats />'] },
  { id: 'snapshot', heading: 'Quarter-over-quarter snapshot', prompt: 'How the categories moved against the previous quarter.', components: ['<SnapshotTable />'] },
  { id: 'projects', heading: 'Top projects', prompt: 'Which projects drew the most contributors, and how many were new.', components: ['<TopProjects />'] },
  { id: 'moving', heading: 'What is moving', prompt: 'The categories whose people grew, shrank or turned over; one subsection (###) each.', components: ['<CategoryTrend metric="contributors" />'] },
  { id: 'quiet', heading: 'Quiet corners', prompt: 'Where activity is thin or rests on one project, and what that means for the people who depend on it.', components: [] },
  { id: 'talent', heading: 'Where talent is moving', prompt: 'Which categories share people, and where people whose main category changed went.', components: ['<TalentChord />', '<TalentChord mode="migration" />'] },
];

const IMPORTS = ['HeadlineStats', 'SnapshotTable', 'TopProjects', 'TalentChord', 'CategoryTrend', 'Metric', 'Rank', 'Compare', 'Only', 'Threshold', 'Predictions', 'PredictionReview'];

function yamlString(s: string): string {
  return JSON.stringify(s);
}

export function articleMdx(input: SkeletonInput): string {
  const label = quarterLabel(input.quarter);
  const imports = IMPORTS.filter((c) => c !== 'PredictionReview' || input.reviewQuarter).map((c) => `import ${c} from '../../src/components/${c}.astro';`);
  const lines: string[] = [
    '---',
    `title: ${yamlString(`Deep Signal, ${label}: working title`)}`,
    `quarter: ${yamlString(input.quarter)}`,
    `published: ${input.today}`,
    'author:',
    '  name: "Deep Signal editors"',
    '  role: "Editor"',
    `summary: ${yamlString(`One or two sentences on what moved in ${label} and why it matters.`)}`,
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
  for (const s of SECTIONS) {
    lines.push(`## ${s.heading}`, '', `_${s.prompt}_`, '');
    const found = input.findings.filter((f) => f.section === s.id);
    if (found.length > 0) {
      lines.push(`{/* ${SKELETON_PLACEHOLDERS[2]} */}`, '');
      for (const f of found) lines.push(`- ${f.text} {/* ${f.why} */}`);
      lines.push('');
    }
    for (const c of s.components) lines.push(c, '');
  }
  lines.push('## Predictions', '');
  if (input.reviewQuarter) {
    lines.push(`_How the predictions made in ${quarterLabel(input.reviewQuarter)} did, scored from the data._`, '', `<PredictionReview quarter="${input.reviewQuarter}" />`, '');
  }
  lines.push(
    `_Three predictions the data can settle, written in content/predictions/${input.quarter}.yaml: each names a figure, a threshold and the quarter it is due._`,
    '',
    '<Predictions />',
    '',
  );
  return lines.join('\n');
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
predictions: []
`;
}
