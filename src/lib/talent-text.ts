// Titles and captions of <TalentPools>, <OverlapTrend>, <WorkMix> and <NewProjects>:
// what each figure counts and what its marks mean, in one place so the components and
// their tests read the same words.
import { SMALL_CELL_MIN_PEOPLE } from './chord-thresholds.ts';
import { quarterLabel } from './quarters.ts';

const partialText = (quarter: string | undefined) => (quarter ? ` ${quarterLabel(quarter)} is a partial quarter (dashed).` : '');

export function talentPoolsTitle(quarter: string, show: 'pairs' | 'named' | 'chosen'): string {
  const what = show === 'named' ? 'Named talent pools' : show === 'pairs' ? 'Talent pools: people in two categories' : 'Talent pools';
  return `${what}, year to ${quarterLabel(quarter)}`;
}

export function talentPoolsCaption(o: { partialQuarter?: string; flagged: boolean }): string {
  return (
    'People with commits in every category of the pool within the year to each quarter (that quarter and the three before), each line on its own scale. ' +
    `A pool of fewer than ${SMALL_CELL_MIN_PEOPLE} people is not published (a gap; <${SMALL_CELL_MIN_PEOPLE} in the table).` +
    (o.flagged ? ' Ringed (\u2020 in the table): a fifth or more of the pool worked in a history that stops being tracked within the year, so its change there is not comparable.' : '') +
    partialText(o.partialQuarter)
  );
}

export function talentPoolsTableCaption(quarter: string): string {
  return `People in each pool within the year to each quarter, to ${quarterLabel(quarter)}`;
}

export function overlapTrendTitle(quarter: string, pair?: [string, string]): string {
  return pair ? `People in both ${pair[0]} and ${pair[1]}, by quarter to ${quarterLabel(quarter)}` : `Overlap between categories, by quarter to ${quarterLabel(quarter)}`;
}

export function overlapTrendCaption(o: { partialQuarter?: string; single: boolean }): string {
  return (
    `People active (at least one commit) in both categories in the same quarter${o.single ? '' : ', one line per pair, each on its own scale (compare shapes, not heights); the largest pairs in the article\u2019s quarter'}. ` +
    'These are the talent chord\u2019s counts at any activity, small counts included.' +
    partialText(o.partialQuarter)
  );
}

export function workMixTitle(scopeName: string, quarter: string): string {
  return `What the work was: ${scopeName}, by quarter to ${quarterLabel(quarter)}`;
}

export function workMixCaption(partialQuarter?: string): string {
  return (
    'Each bar splits a quarter\u2019s human commits (no merges, no bots) by kind of work, classified from the commit subject and the files it touched (features, fixes, performance, tests, docs, CI and build).' +
    (partialQuarter ? ` ${quarterLabel(partialQuarter)} is a partial quarter.` : '')
  );
}

export function newProjectsTitle(quarter: string, since: string, categoryName?: string): string {
  const when = since === quarter ? quarterLabel(quarter) : `${quarterLabel(since)} to ${quarterLabel(quarter)}`;
  return `Projects new to the tracked set${categoryName ? `: ${categoryName}` : ''}, ${when}`;
}

export function newProjectsCaption(): string {
  return 'A project is new in the quarter of its first counted commit (a history moved under new names stays with its original). New to the tracked set: contributors whose first commit anywhere in the tracked repositories was in that quarter.';
}
