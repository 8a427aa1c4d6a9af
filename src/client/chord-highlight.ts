// Highlighting one category of a chord diagram, by pointer or keyboard, with its
// figures in a small box over the chart's corner. It reads the ribbons' data-source /
// data-target / data-value, so it works on the built SVG without any query.
import { formatInteger } from '../lib/format.ts';
import type { ChordMode } from '../lib/figure-text.ts';
import { h } from './dom.ts';

const SHOWN = 4;

interface Flow {
  id: string;
  value: number;
}

export class ChordHighlight {
  readonly #host: HTMLElement;
  readonly #mode: () => ChordMode;
  readonly #info: HTMLParagraphElement;
  #pinned: string | null = null;

  constructor(host: HTMLElement, mode: () => ChordMode, infoId: string) {
    this.#host = host;
    this.#mode = mode;
    this.#info = h('p', { class: 'ds-chord__info', id: infoId, hidden: true });
    host.addEventListener('pointerover', (e) => {
      const id = groupOf(e.target)?.dataset.category;
      if (id) this.#show(id);
    });
    host.addEventListener('pointerleave', () => this.#show(this.#pinned));
    host.addEventListener('focusin', (e) => {
      const id = groupOf(e.target)?.dataset.category;
      if (id) this.#show(id);
    });
    host.addEventListener('focusout', () => this.#show(this.#pinned));
    host.addEventListener('click', (e) => {
      const g = groupOf(e.target);
      if (g) this.#toggle(g.dataset.category!);
    });
    host.addEventListener('keydown', (e) => {
      const g = groupOf(e.target);
      if (g && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.#toggle(g.dataset.category!);
      }
    });
  }

  /** Makes the current SVG's categories focusable; call after every redraw. */
  attach(): void {
    const chart = this.#svg();
    if (!chart) {
      this.#info.hidden = true;
      return;
    }
    // A chart one can explore is a group of controls, not a single image.
    chart.setAttribute('role', 'group');
    const names = this.#names();
    // The arc is the control: its <title> ("GPU Kernels: 97 shared-contributor links")
    // is both its tooltip and its accessible name, so name and visible text agree.
    for (const arc of chart.querySelectorAll<SVGPathElement>('.chord-group .chord-arc')) {
      const id = arc.closest<SVGGElement>('.chord-group')!.dataset.category!;
      arc.setAttribute('tabindex', '0');
      arc.setAttribute('role', 'button');
      arc.setAttribute('aria-pressed', String(this.#pinned === id));
      arc.setAttribute('aria-describedby', this.#info.id);
    }
    chart.before(this.#info);
    if (this.#pinned && !names.has(this.#pinned)) this.#pinned = null;
    this.#show(this.#pinned);
  }

  #svg(): SVGSVGElement | null {
    return this.#host.querySelector('svg.ds-chord');
  }

  /** Short names as the chart labels them: the legend lists the arcs in order. */
  #names(): Map<string, string> {
    const groups = [...this.#host.querySelectorAll<SVGGElement>('svg.ds-chord .chord-group')];
    const items = [...this.#host.querySelectorAll('.ds-chord__legend li')];
    return new Map(groups.map((g, i) => [g.dataset.category!, items[i]?.textContent?.trim() || g.dataset.category!]));
  }

  #toggle(id: string): void {
    this.#pinned = this.#pinned === id ? null : id;
    for (const arc of this.#host.querySelectorAll<SVGPathElement>('.chord-group .chord-arc')) {
      arc.setAttribute('aria-pressed', String(arc.closest<SVGGElement>('.chord-group')?.dataset.category === this.#pinned));
    }
    this.#show(this.#pinned ?? id);
  }

  #show(id: string | null): void {
    const chart = this.#svg();
    if (!chart) return;
    if (id === null) chart.removeAttribute('data-active');
    else chart.setAttribute('data-active', id);
    const lit = new Set<string>();
    for (const r of chart.querySelectorAll<SVGPathElement>('.chord-ribbon')) {
      const on = id !== null && (r.dataset.source === id || r.dataset.target === id);
      r.classList.toggle('is-lit', on);
      if (on) lit.add(r.dataset.source === id ? r.dataset.target! : r.dataset.source!);
    }
    for (const g of chart.querySelectorAll<SVGGElement>('.chord-group')) g.classList.toggle('is-lit', g.dataset.category === id || lit.has(g.dataset.category!));
    this.#describe(chart, id);
  }

  #describe(chart: SVGSVGElement, id: string | null): void {
    if (id === null) {
      this.#info.hidden = true;
      return;
    }
    const names = this.#names();
    const name = (x: string) => names.get(x) ?? x;
    const out: Flow[] = [];
    const into: Flow[] = [];
    for (const r of chart.querySelectorAll<SVGPathElement>('.chord-ribbon')) {
      const value = Number(r.dataset.value);
      if (r.dataset.source === id) out.push({ id: r.dataset.target!, value });
      else if (r.dataset.target === id) into.push({ id: r.dataset.source!, value });
    }
    const list = (flows: Flow[]) => {
      const sorted = flows.sort((a, b) => b.value - a.value);
      const parts = sorted.slice(0, SHOWN).map((f) => `${name(f.id)} ${formatInteger(f.value)}`);
      if (sorted.length > SHOWN) parts.push(`${sorted.length - SHOWN} more`);
      return parts.join(', ');
    };
    const sum = (flows: Flow[]) => flows.reduce((s, f) => s + f.value, 0);
    const lines: string[] = [];
    if (this.#mode() === 'overlap') {
      const all = [...out, ...into];
      lines.push(all.length === 0 ? 'No one shared with another category.' : `Also active in: ${list(all)}.`);
    } else {
      const left = sum(out);
      const joined = sum(into);
      lines.push(left > 0 ? `${formatInteger(left)} left: to ${list(out)}.` : 'Nobody left.');
      lines.push(joined > 0 ? `${formatInteger(joined)} joined: from ${list(into)}.` : 'Nobody joined.');
      lines.push(`Net ${formatInteger(joined - left, { signed: true })}.`);
    }
    this.#info.replaceChildren(h('strong', {}, name(id)), lines.join(' '));
    this.#info.hidden = false;
  }
}

function groupOf(target: EventTarget | null): SVGGElement | null {
  return target instanceof Element ? target.closest<SVGGElement>('svg.ds-chord .chord-group') : null;
}
