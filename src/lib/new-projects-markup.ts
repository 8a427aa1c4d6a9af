// <NewProjects>: the projects new to the tracked set (first counted commit) in the
// quarter, or since an earlier quarter of the folder, with what they did in their first
// quarter and where they stand in the article's. When the quarter has none, the most
// recent ones of the folder are listed instead, saying so. Pure, for the build.
import { categoryPath, projectPath, underBase } from './atlas-paths.ts';
import { formatInteger } from './format.ts';
import { m, type Markup } from './markup.ts';
import { nextQuarter, quarterIndex, quarterLabel, quarterStartDate } from './quarters.ts';
import type { NewProjectRow } from './query-rows.ts';
import { twinTable } from './twin-markup.ts';

export interface NewProjectsModel {
  quarter: string;
  since: string;
  /** Projects listed (first quarter newest first, then rank), at most `limit`. */
  projects: NewProjectRow[];
  /** How many the range holds before the limit, their first-quarter contributors and newcomers. */
  total: number;
  people: number;
  newcomers: number;
  /** True when the range had none and `projects` are the folder's most recent instead. */
  fallback: boolean;
  categoryName?: string;
}

export function newProjectsModel(rows: readonly NewProjectRow[], o: { quarter: string; since?: string; category?: string; categoryName?: string; limit: number }): NewProjectsModel {
  const since = o.since ?? o.quarter;
  const mine = rows.filter((r) => o.category === undefined || r.category_id === o.category);
  const inRange = mine.filter((r) => quarterIndex(r.first_quarter) >= quarterIndex(since));
  const newest = mine[0]?.first_quarter;
  const fallback = inRange.length === 0 && newest !== undefined;
  const listed = fallback ? mine.filter((r) => r.first_quarter === newest) : inRange;
  return {
    quarter: o.quarter,
    since,
    projects: listed.slice(0, o.limit),
    total: listed.length,
    people: listed.reduce((t, p) => t + p.first_contributors, 0),
    newcomers: listed.reduce((t, p) => t + p.first_newcomers, 0),
    fallback,
    ...(o.categoryName !== undefined ? { categoryName: o.categoryName } : {}),
  };
}

function range(model: NewProjectsModel): string {
  return model.since === model.quarter ? `in ${quarterLabel(model.quarter)}` : `from ${quarterLabel(model.since)} to ${quarterLabel(model.quarter)}`;
}

export function newProjectsSummary(model: NewProjectsModel): string {
  const where = model.categoryName ? ` in ${model.categoryName}` : '';
  if (model.projects.length === 0) return `No project joined the tracked set${where} ${range(model)} or in the quarters before it that this data covers.`;
  if (model.fallback) {
    const q = model.projects[0]!.first_quarter;
    return `No project joined the tracked set${where} ${range(model)}. The most recent to join did so in ${quarterLabel(q)}: ${model.total === 1 ? 'one project' : `${formatInteger(model.total)} projects`}.`;
  }
  const shown = model.total > model.projects.length ? ` (${model.projects.length} shown, the newest first)` : '';
  return (
    `${model.total === 1 ? 'One project' : `${formatInteger(model.total)} projects`} joined the tracked set${where} ${range(model)}${shown}` +
    `, with ${formatInteger(model.people)} contributors in their first quarter, ${formatInteger(model.newcomers)} of them new to the tracked set.`
  );
}

/** The project in the article's quarter, or where its history stops being tracked before that quarter ends. */
function stopped(model: NewProjectsModel, p: NewProjectRow): boolean {
  return p.tracked_until !== null && p.tracked_until < quarterStartDate(nextQuarter(model.quarter));
}

function standing(model: NewProjectsModel, p: NewProjectRow): string {
  if (stopped(model, p)) return `its history is not tracked after ${p.tracked_until}`;
  return `${quarterLabel(model.quarter)}: ${formatInteger(p.contributors)} ${p.contributors === 1 ? 'contributor' : 'contributors'}, ${formatInteger(p.commits)} commits`;
}

function item(model: NewProjectsModel, p: NewProjectRow, base: string): Markup {
  const now = p.first_quarter === model.quarter;
  return m(
    'li',
    { class: 'ds-new__item', style: `--cat: ${p.colour}`, 'data-repo': p.repo, 'data-category': p.category_id, 'data-first-quarter': p.first_quarter },
    m('a', { class: 'ds-new__repo', href: underBase(base, projectPath(p.repo)) }, p.repo),
    m('a', { class: 'ds-new__cat', href: underBase(base, categoryPath(p.category_id)) }, m('span', { class: 'ds-swatch', 'aria-hidden': 'true' }), p.category_name),
    m(
      'span',
      { class: 'ds-new__facts' },
      `First commits ${quarterLabel(p.first_quarter)}: ${formatInteger(p.first_contributors)} ${p.first_contributors === 1 ? 'contributor' : 'contributors'} (${formatInteger(p.first_newcomers)} new to the tracked set), ${formatInteger(p.first_commits)} ${p.first_commits === 1 ? 'commit' : 'commits'}`,
      now ? '.' : `; ${standing(model, p)}.`,
    ),
  );
}

/** `base`: the site's base URL, for the links to each project's and category's atlas page. */
export function newProjectsContent(model: NewProjectsModel, t: { caption: string; base: string }): Markup[] {
  const columns = [
    { label: 'Project' },
    { label: 'Category' },
    { label: 'First quarter' },
    { label: 'Contributors then', numeric: true },
    { label: 'New to the tracked set', numeric: true },
    { label: 'Commits then', numeric: true },
    { label: `Contributors ${quarterLabel(model.quarter)}`, numeric: true },
  ];
  const rows = model.projects.map((p) => ({
    head: p.repo,
    attrs: { 'data-repo': p.repo },
    cells: [
      p.category_name,
      quarterLabel(p.first_quarter),
      { text: formatInteger(p.first_contributors), value: p.first_contributors },
      { text: formatInteger(p.first_newcomers), value: p.first_newcomers },
      { text: formatInteger(p.first_commits), value: p.first_commits },
      stopped(model, p) ? { text: 'not tracked', value: null } : { text: formatInteger(p.contributors), value: p.contributors },
    ],
  }));
  return [
    m('p', { class: 'ds-talent__summary' }, newProjectsSummary(model)),
    model.projects.length > 0 ? m('ol', { class: 'ds-new' }, model.projects.map((p) => item(model, p, t.base))) : null,
    ...twinTable(t.caption, columns, rows, 'No project to list.'),
  ].filter((x): x is Markup => x !== null);
}
