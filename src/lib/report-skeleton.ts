// The quarterly's sections and the text a new article's skeleton writes for the editor to
// replace. Shared by the drafting (scripts/new-report/skeleton.ts writes it) and the
// content check (src/node/content-checks/placeholders.ts refuses it in a published article).

export type SectionId = 'signal' | 'snapshot' | 'projects' | 'moving' | 'quiet' | 'talent' | 'hiring' | 'outlook';

export interface SkeletonSection {
  id: SectionId;
  heading: string;
  /** The editor's prompt, written in italics under the heading. */
  prompt: string;
  /** The standard components placed in the section. */
  components: string[];
}

/**
 * Text the skeleton writes for the editor to replace. A published article must not
 * contain any of it (the content check looks for these, line by line).
 */
export const SKELETON_PLACEHOLDERS: readonly string[] = [
  ': working title',
  'One or two sentences on what moved in',
  'Drafted findings: keep, rewrite or cut.',
];

/** How the prompts that name a quarter begin; the content check refuses these too. */
export const REVIEW_PROMPT = 'Open with the scorecard: how the predictions made in';
export const PREDICTIONS_PROMPT = 'Predictions for the next quarters, each tied to a figure';

export const SKELETON_SECTIONS: readonly SkeletonSection[] = [
  { id: 'signal', heading: 'The Signal', prompt: 'The one finding of the quarter, in two or three sentences, with the figures that prove it.', components: ['<HeadlineStats />'] },
  { id: 'snapshot', heading: 'Quarter-over-quarter snapshot', prompt: 'How the categories moved against the previous quarter.', components: ['<SnapshotTable />'] },
  { id: 'projects', heading: 'Top projects', prompt: 'Which projects drew the most contributors, and how many were new.', components: ['<TopProjects />'] },
  { id: 'moving', heading: 'What is moving', prompt: 'The categories whose people grew, shrank or turned over; one subsection (###) each.', components: ['<CategoryTrend metric="contributors" />'] },
  { id: 'quiet', heading: 'Quiet corners', prompt: 'Where activity is thin or rests on one project, and what that means for the people who depend on it.', components: [] },
  { id: 'talent', heading: 'Where talent is moving', prompt: 'Which categories share people, and where people whose main category changed went.', components: ['<TalentChord />', '<TalentChord mode="migration" />'] },
  {
    id: 'hiring',
    heading: "What this means if you're hiring",
    prompt:
      'Built from the figures: which pools are scarce, where churn frees people, which organisations dominate which categories, where newcomers arrive. Aggregates only: no person, and nothing on compensation.',
    components: [],
  },
  // The skeleton writes the Predictions section just before this one: the outlook closes the article.
  { id: 'outlook', heading: 'Outlook', prompt: 'A closing paragraph: what to watch in the quarters ahead, following from the findings and the predictions.', components: [] },
];

/** The sections' prompts as the skeleton writes them (in italics). */
export function skeletonPrompts(): string[] {
  return [...SKELETON_SECTIONS.map((s) => `_${s.prompt}_`), `_${REVIEW_PROMPT}`, `_${PREDICTIONS_PROMPT}`];
}
