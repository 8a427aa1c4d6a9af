// <TalentChord>'s content after its controls, written once: the build serializes it
// (TalentChord.astro) and <talent-chord> builds the same tree after a re-query
// (src/client/chord-render.ts). Wide, the chart names each arc beside it; narrow (a
// phone), the figure crops to the circle, numbers the arcs, keys the numbers to names
// and ranks the largest links by name, so nothing depends on telling twelve colours
// apart. The table twin lists every link for screen readers and readers without the chart.
// Category names in the table link to their atlas pages; the arcs' labels do not (a
// click on an arc pins its highlight), nor the phone's ranked list, which the table
// twin repeats.
import { categoryPath, underBase } from './atlas-paths.ts';
import type { ChordArc, ChordRibbon } from './chord-layout.ts';
import type { ChordModel } from './chord-model.ts';
import { drawnNote, topLinksTitle, type NamedLink } from './chord-text.ts';
import { chordArcTitle, chordRibbonTitle, chordTableCaption, type ChordOptions } from './figure-text.ts';
import { formatInteger } from './format.ts';
import { m, toHtml, type Markup, type MarkupChild } from './markup.ts';
import { prevQuarter, quarterLabel } from './quarters.ts';

/** How many links the narrow view's ranked list names. */
export const TOP_LINKS = 8;

export interface ChordIds {
  /** Figure id: the prefix of the summary's and the SVG title's ids. */
  id: string;
  title: string;
  /** The site's base URL, for the atlas links. */
  base: string;
}

const atlasLink = (base: string, id: string, name: MarkupChild): Markup => m('a', { class: 'ds-chord__link', href: underBase(base, categoryPath(id)) }, name);

export function chordContent(model: ChordModel, o: ChordOptions, t: ChordIds): Markup[] {
  const { layout } = model;
  const drawn = layout.arcs.length > 0;
  const note = drawnNote(o.mode, model.drawn.length, model.links.length, model.drawMin);
  return [
    m('p', { class: 'ds-chord__summary', id: `${t.id}-summary` }, model.summary),
    drawn ? chordSvg(model, o, t) : null,
    note ? m('p', { class: 'ds-chord__note' }, note) : null,
    drawn ? legend(layout.arcs) : null,
    model.named.length > 0 ? topLinks(model, o) : null,
    m('details', { class: 'ds-twin__toggle' }, m('summary', {}, 'Table of these figures')),
    m('div', { class: 'ds-twin' }, twinTable(model, o, t.base)),
  ].filter((x): x is Markup => x !== null);
}

/** The same content as one string: the build's set:html and the browser's redraw. */
export function chordContentHtml(model: ChordModel, o: ChordOptions, t: ChordIds): string {
  return toHtml(chordContent(model, o, t));
}

function chordSvg(model: ChordModel, o: ChordOptions, t: ChordIds): Markup {
  const { layout } = model;
  return m(
    'svg',
    {
      class: 'ds-chord',
      viewBox: layout.viewBox,
      width: layout.width,
      height: layout.height,
      // Narrow, CSS gives the element the crop's proportions; slicing then fills it
      // with the circle and its numbers, leaving the names' margins out.
      preserveAspectRatio: 'xMidYMid slice',
      style: `--chord-crop: ${layout.crop.width} / ${layout.crop.height}`,
      role: 'img',
      'aria-labelledby': `${t.id}-svg-title ${t.id}-summary`,
    },
    m('title', { id: `${t.id}-svg-title` }, t.title),
    m('desc', {}, model.summary),
    m('g', { class: 'chord-ribbons' }, layout.ribbons.map((r) => ribbon(model, o, r))),
    m('g', { class: 'chord-arcs' }, layout.arcs.map((a) => arc(o, a))),
  );
}

function ribbon(model: ChordModel, o: ChordOptions, r: ChordRibbon): Markup {
  return m(
    'path',
    { class: 'chord-ribbon', d: r.path, fill: r.colour, 'data-source': r.source, 'data-target': r.target, 'data-value': r.value },
    m('title', {}, chordRibbonTitle(o.mode, model.short(r.source), model.short(r.target), r.value)),
  );
}

function arc(o: ChordOptions, a: ChordArc): Markup {
  const { label, key } = a;
  const n = label.lines.length;
  return m(
    'g',
    { class: 'chord-group', 'data-category': a.id, 'data-name': a.name, style: `--cat: ${a.colour}` },
    m('path', { class: 'chord-arc', d: a.path, fill: a.colour, 'data-value': a.value }, m('title', {}, chordArcTitle(o.mode, a.name, a.value))),
    label.show
      ? m(
          'text',
          { class: 'chord-label', x: label.x, y: label.y, 'text-anchor': label.anchor, 'dominant-baseline': 'middle' },
          n === 1 ? label.lines[0]! : label.lines.map((line, i) => m('tspan', { x: label.x, dy: i === 0 ? `${(-(n - 1) * 0.6).toFixed(1)}em` : '1.2em' }, line)),
        )
      : null,
    m('text', { class: 'chord-key', x: key.x, y: key.y, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'aria-hidden': 'true' }, key.n),
  );
}

/** The narrow view's key: each arc's number and name, in the chart's clockwise order. */
function legend(arcs: readonly ChordArc[]): Markup {
  return m(
    'ol',
    { class: 'ds-chord__legend', 'aria-hidden': 'true', style: `--rows: ${Math.ceil(arcs.length / 2)}` },
    arcs.map((a) => m('li', { style: `--cat: ${a.colour}`, 'data-category': a.id }, m('span', { class: 'ds-chord__n' }, a.key.n), m('span', { class: 'ds-swatch' }), a.name)),
  );
}

/** The narrow view's ranked list of the largest links, each named, with a bar. */
function topLinks(model: ChordModel, o: ChordOptions): Markup {
  const shown = model.named.slice(0, TOP_LINKS);
  const max = shown[0]?.value ?? 1;
  const joiner = o.mode === 'overlap' ? ' & ' : ' → ';
  // A name keeps its swatch: a line may break between the two names, not inside one.
  const cat = (id: string, name: string) => m('span', { class: 'ds-chord__cat' }, m('span', { class: 'ds-swatch', style: `--cat: ${model.colour(id)}` }), name);
  const item = (l: NamedLink) =>
    m(
      'li',
      { 'data-source': l.source, 'data-target': l.target, style: `--share: ${((100 * l.value) / max).toFixed(1)}%` },
      m(
        'span',
        { class: 'ds-chord__pair' },
        cat(l.source, l.sourceName),
        m('span', { class: 'ds-chord__joiner' }, joiner),
        cat(l.target, l.targetName),
      ),
      // Read as one line ("GPU Kernels & LLM Serving 64"); grid layout ignores the space.
      ' ',
      m('span', { class: 'ds-chord__count' }, formatInteger(l.value)),
      m('span', { class: 'ds-chord__bar', 'aria-hidden': 'true' }),
    );
  return m('div', { class: 'ds-chord__top' }, m('p', { class: 'ds-chord__top-title' }, topLinksTitle(o.mode, shown.length, model.named.length)), m('ol', {}, shown.map(item)));
}

function twinTable(model: ChordModel, o: ChordOptions, base: string): Markup {
  const migration = o.mode === 'migration';
  const label = quarterLabel(o.quarter);
  const prevLabel = quarterLabel(prevQuarter(o.quarter));
  const swatch = () => m('span', { class: 'ds-swatch', 'aria-hidden': 'true' });
  const col = (text: string, num = false) => m('th', { scope: 'col', class: num ? 'ds-num' : null }, text);
  return m(
    'table',
    { class: 'ds-twin__table' },
    m('caption', {}, chordTableCaption(o)),
    m('thead', {}, migration ? m('tr', {}, col(`From (${prevLabel})`), col(`To (${label})`), col('People', true), col('Net', true)) : m('tr', {}, col('Category'), col('Category'), col('People', true))),
    m(
      'tbody',
      {},
      model.named.map((l) =>
        m(
          'tr',
          { 'data-source': l.source, 'data-target': l.target },
          m('th', { scope: 'row', style: `--cat: ${model.colour(l.source)}` }, swatch(), atlasLink(base, l.source, model.name(l.source))),
          m('td', { style: `--cat: ${model.colour(l.target)}` }, swatch(), atlasLink(base, l.target, model.name(l.target))),
          m('td', { class: 'ds-num', 'data-value': l.value }, formatInteger(l.value)),
          migration ? m('td', { class: 'ds-num' }, formatInteger(model.net(l), { signed: true })) : null,
        ),
      ),
      model.named.length === 0 ? m('tr', {}, m('td', { colspan: migration ? 4 : 3 }, model.summary)) : null,
    ),
    migration
      ? m('tfoot', {}, m('tr', {}, m('th', { scope: 'row', colspan: 2 }, 'Stayed in the same main category'), m('td', { class: 'ds-num', 'data-value': model.stayers }, formatInteger(model.stayers)), m('td', {})))
      : null,
  );
}
