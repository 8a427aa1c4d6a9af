// Redraws <TalentChord>'s content from a chord model: the summary, the SVG, the legend
// and the table twin, element for element what TalentChord.astro writes. Loaded only
// when a re-query has returned (with d3-chord via chord-model), never on a passive read.
import type { ChordModel } from '../lib/chord-model.ts';
import { chordArcTitle, chordRibbonTitle, chordTableCaption, type ChordOptions } from '../lib/figure-text.ts';
import { formatInteger } from '../lib/format.ts';
import { prevQuarter, quarterLabel } from '../lib/quarters.ts';
import { h, svg } from './dom.ts';

export interface ChordTexts {
  /** Figure id: the prefix of the summary's and the SVG title's ids. */
  id: string;
  title: string;
}

export function renderChord(host: HTMLElement, model: ChordModel, o: ChordOptions, t: ChordTexts): void {
  const summary = host.querySelector<HTMLElement>('.ds-chord__summary') ?? h('p', { class: 'ds-chord__summary', id: `${t.id}-summary` });
  summary.textContent = model.summary;
  if (!summary.isConnected) host.querySelector('.ds-controls')?.after(summary);

  const { layout } = model;
  const old = host.querySelector('svg.ds-chord');
  const oldLegend = host.querySelector('.ds-chord__legend');
  if (layout.arcs.length === 0) {
    old?.remove();
    oldLegend?.remove();
  } else {
    const chart = chordSvg(model, o, t);
    if (old) old.replaceWith(chart);
    else summary.after(chart);
    const legend = h('ul', { class: 'ds-chord__legend', 'aria-hidden': 'true' }, ...layout.arcs.map((a) => h('li', { style: `--cat: ${a.colour}` }, h('span', { class: 'ds-swatch' }), ` ${a.name}`)));
    if (oldLegend) oldLegend.replaceWith(legend);
    else chart.after(legend);
  }
  renderTwin(host.querySelector<HTMLTableElement>('table.ds-twin__table'), model, o);
}

function chordSvg(model: ChordModel, o: ChordOptions, t: ChordTexts): SVGSVGElement {
  const { layout } = model;
  return svg(
    'svg',
    {
      class: 'ds-chord',
      viewBox: layout.viewBox,
      width: layout.width,
      height: layout.height,
      role: 'img',
      'aria-labelledby': `${t.id}-svg-title ${t.id}-summary`,
    },
    svg('title', { id: `${t.id}-svg-title` }, t.title),
    svg('desc', {}, model.summary),
    svg(
      'g',
      { class: 'chord-ribbons' },
      ...layout.ribbons.map((r) =>
        svg(
          'path',
          { class: 'chord-ribbon', d: r.path, fill: r.colour, 'data-source': r.source, 'data-target': r.target, 'data-value': r.value },
          svg('title', {}, chordRibbonTitle(o.mode, model.short(r.source), model.short(r.target), r.value)),
        ),
      ),
    ),
    svg(
      'g',
      { class: 'chord-arcs' },
      ...layout.arcs.map((a) =>
        svg(
          'g',
          { class: 'chord-group', 'data-category': a.id, style: `--cat: ${a.colour}` },
          svg('path', { class: 'chord-arc', d: a.path, fill: a.colour, 'data-value': a.value }, svg('title', {}, chordArcTitle(o.mode, a.name, a.value))),
          a.label.show
            ? svg('text', { class: 'chord-label', x: a.label.x, y: a.label.y, 'text-anchor': a.label.anchor, 'dominant-baseline': 'middle' }, a.name)
            : null,
        ),
      ),
    ),
  );
}

function renderTwin(table: HTMLTableElement | null, model: ChordModel, o: ChordOptions): void {
  if (!table) return;
  const migration = o.mode === 'migration';
  const label = quarterLabel(o.quarter);
  const prevLabel = quarterLabel(prevQuarter(o.quarter));
  const caption = table.caption ?? table.createCaption();
  caption.textContent = chordTableCaption(o);
  const head = table.tHead ?? table.createTHead();
  head.replaceChildren(
    migration
      ? h('tr', {}, h('th', { scope: 'col' }, `From (${prevLabel})`), h('th', { scope: 'col' }, `To (${label})`), h('th', { scope: 'col', class: 'ds-num' }, 'People'), h('th', { scope: 'col', class: 'ds-num' }, 'Net'))
      : h('tr', {}, h('th', { scope: 'col' }, 'Category'), h('th', { scope: 'col' }, 'Category'), h('th', { scope: 'col', class: 'ds-num' }, 'People')),
  );
  const body = table.tBodies[0] ?? table.createTBody();
  const swatch = () => h('span', { class: 'ds-swatch', 'aria-hidden': 'true' });
  body.replaceChildren(
    ...model.named.map((l) =>
      h(
        'tr',
        { 'data-source': l.source, 'data-target': l.target },
        h('th', { scope: 'row', style: `--cat: ${model.colour(l.source)}` }, swatch(), ` ${model.name(l.source)}`),
        h('td', { style: `--cat: ${model.colour(l.target)}` }, swatch(), ` ${model.name(l.target)}`),
        h('td', { class: 'ds-num', 'data-value': l.value }, formatInteger(l.value)),
        migration ? h('td', { class: 'ds-num' }, formatInteger(model.net(l), { signed: true })) : null,
      ),
    ),
    ...(model.named.length === 0 ? [h('tr', {}, h('td', { colspan: migration ? 4 : 3 }, model.summary))] : []),
  );
  table.tFoot?.remove();
  if (migration) {
    const foot = table.createTFoot();
    foot.append(
      h('tr', {}, h('th', { scope: 'row', colspan: '2' }, 'Stayed in the same main category'), h('td', { class: 'ds-num', 'data-value': model.stayers }, formatInteger(model.stayers)), h('td')),
    );
  }
}
