// The other categories a project's people work in: per quarter, people whose one
// repository in the project's category is this project and who also commit in another
// category (the published repository-level overlap; cells under 3 people are empty and
// read "fewer than 3"). Categories ordered by their latest count, largest first.
import type { AtlasRepoOverlapRow } from './atlas-rows.ts';
import { categoryLink } from './atlas-links.ts';
import { formatInteger } from './format.ts';
import { m, type Markup } from './markup.ts';
import { quarterShortLabel } from './quarters.ts';

export interface OverlapLine {
  category_id: string;
  /** One per quarter shown: a count, or null for 0 to 2 people. */
  people: (number | null)[];
}

export function overlapLines(rows: readonly AtlasRepoOverlapRow[], quarters: readonly string[]): OverlapLine[] {
  const ids = [...new Set(rows.filter((r) => quarters.includes(r.quarter)).map((r) => r.other_category))];
  const lines = ids.map((id) => ({
    category_id: id,
    people: quarters.map((q) => rows.find((r) => r.quarter === q && r.other_category === id)?.people ?? null),
  }));
  // Shown only when some quarter has 3 or more: a line of "fewer than 3" says nothing.
  const score = (l: OverlapLine) => [...l.people].reverse().map((p) => p ?? 0);
  return lines
    .filter((l) => l.people.some((p) => p !== null))
    .sort((a, b) => {
      const [x, y] = [score(a), score(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
      return a.category_id.localeCompare(b.category_id);
    });
}

export function overlapTable(lines: readonly OverlapLine[], o: { base: string; quarters: readonly string[]; names: ReadonlyMap<string, string>; caption: string }): Markup {
  return m(
    'div',
    { class: 'ds-atlas-scroll' },
    m(
      'table',
      { class: 'ds-atlas-table' },
      m('caption', {}, o.caption),
      m('thead', {}, m('tr', {}, m('th', { scope: 'col' }, 'Also active in'), o.quarters.map((q) => m('th', { scope: 'col', class: 'ds-num' }, quarterShortLabel(q))))),
      m(
        'tbody',
        {},
        lines.map((l) =>
          m('tr', {}, m('th', { scope: 'row' }, categoryLink(o.base, l.category_id, o.names.get(l.category_id) ?? l.category_id)), l.people.map((p) => m('td', { class: 'ds-num' }, p === null ? '<\u20093' : formatInteger(p)))),
        ),
        lines.length === 0 ? m('tr', {}, m('td', { colspan: o.quarters.length + 1 }, 'Fewer than 3 people in every quarter shown.')) : null,
      ),
    ),
  );
}
