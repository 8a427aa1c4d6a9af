// Words for the chord diagram: the one-line summary of its largest links. Kept apart
// from the component so tests can read the sentences directly.
import { SMALL_CELL_MIN_PEOPLE } from './chord-thresholds.ts';
import { formatInteger } from './format.ts';

export interface NamedLink {
  source: string;
  target: string;
  sourceName: string;
  targetName: string;
  value: number;
}

const people = (n: number) => `${formatInteger(n)} ${n === 1 ? 'person' : 'people'}`;

function rest(links: readonly NamedLink[], joiner: string): string {
  const more = links.slice(1, 3).map((l) => `${l.sourceName}${joiner}${l.targetName} (${formatInteger(l.value)})`);
  return more.length === 0 ? '' : `, followed by ${more.join(' and ')}`;
}

/** Links sorted largest first. Above one commit, pairs of fewer than SMALL_CELL_MIN_PEOPLE are not published, so "none" is not "nobody". */
export function overlapSummary(links: readonly NamedLink[], quarterLabel: string, minCommits = 1): string {
  const top = links[0];
  if (!top && minCommits > 1) return `No two categories shared ${SMALL_CELL_MIN_PEOPLE} or more people with at least ${minCommits} commits in each in ${quarterLabel}; smaller pairs are not published.`;
  if (!top) return `No contributor was active in two categories in ${quarterLabel}.`;
  const verb = top.value === 1 ? 'was' : 'were';
  return `The largest overlap: ${people(top.value)} ${verb} active in both ${top.sourceName} and ${top.targetName}${rest(links, ' and ')}.`;
}

export function migrationSummary(links: readonly NamedLink[], fromLabel: string, toLabel: string, minCommits = 1): string {
  const top = links[0];
  if (!top && minCommits > 1) return `No move from one category to another had ${SMALL_CELL_MIN_PEOPLE} or more people with at least ${minCommits} commits in each quarter, ${fromLabel} to ${toLabel}; smaller flows are not published.`;
  if (!top) return `Nobody changed their main category between ${fromLabel} and ${toLabel}.`;
  return `The largest move: ${people(top.value)} shifted their main work from ${top.sourceName} to ${top.targetName}${rest(links, ' to ')}.`;
}

/** Under a chart that leaves small links to the table: what it draws and where the rest are. */
export function drawnNote(mode: 'overlap' | 'migration', drawn: number, total: number, drawMin: number): string | null {
  if (drawn >= total) return null;
  const [one, many] = mode === 'overlap' ? ['pair', 'pairs'] : ['flow', 'flows'];
  const rest = total - drawn;
  if (drawn === 0) return `No ${one} had ${formatInteger(drawMin)} or more people, so the chart draws none; the table lists all ${formatInteger(total)}.`;
  return `The chart draws the ${formatInteger(drawn)} ${drawn === 1 ? one : many} of ${formatInteger(drawMin)} or more people; the table lists all ${formatInteger(total)}, the ${formatInteger(rest)} smaller ${rest === 1 ? one : many} too.`;
}

/** The heading of the ranked list that names the largest links on a narrow screen. */
export function topLinksTitle(mode: 'overlap' | 'migration', shown: number, total: number): string {
  const what = mode === 'overlap' ? 'overlaps' : 'moves';
  return shown < total ? `The ${formatInteger(shown)} largest ${what} of ${formatInteger(total)}` : `All ${formatInteger(total)} ${what}, largest first`;
}
