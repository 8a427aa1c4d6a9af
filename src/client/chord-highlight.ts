// Highlighting one category of a chord diagram, by pointer, touch or keyboard, with its
// figures in a small box beside the pointer (or beside the arc, from the keyboard). It
// reads the built markup: the arcs' data-category / data-name, the ribbons to light, and
// the table twin's rows for the figures, since the twin lists every link while the
// chart may leave small ones out. Enter or a click pins a category; Escape, a click
// elsewhere or a second click on it lets go.
import { formatInteger } from '../lib/format.ts';
import type { ChordMode } from '../lib/figure-text.ts';
import { h } from './dom.ts';

const SHOWN = 4;
/** Space between the pointer (or the arc) and the box, in CSS pixels. */
const OFFSET = 14;

interface Flow {
  id: string;
  value: number;
}

/** Where the box goes, in the host's coordinates, and which side of the point it prefers. */
interface Point {
  x: number;
  y: number;
  /** pointer: below and right of a mouse pointer; above: over a finger; left, right: beside an arc, on the circle's outside. */
  side: 'pointer' | 'above' | 'left' | 'right';
}

export class ChordHighlight {
  readonly #host: HTMLElement;
  readonly #mode: () => ChordMode;
  readonly #info: HTMLParagraphElement;
  #pinned: string | null = null;
  /** Where the pinned box stands, so leaving the chart puts it back there. */
  #pinnedAt: Point | null = null;
  /** The last press was a finger or a pen: the box goes above it, where the hand does not cover it. */
  #touch = false;
  /** The category shown now, so a pointer moving along one arc only moves the box. */
  #current: string | null = null;

  constructor(host: HTMLElement, mode: () => ChordMode, infoId: string) {
    this.#host = host;
    this.#mode = mode;
    this.#info = h('p', { class: 'ds-chord__info', id: infoId, hidden: true });
    host.addEventListener('pointermove', (e) => {
      // Touch has no hover: a tap is a click, and pins.
      if (e.pointerType === 'touch') return;
      const id = groupOf(e.target)?.dataset.category;
      if (id) this.#show(id, this.#local(e.clientX, e.clientY, 'pointer'));
      else if (this.#svg()?.hasAttribute('data-active')) this.#showPinned();
    });
    host.addEventListener('pointerleave', () => this.#showPinned());
    host.addEventListener('focusin', (e) => {
      const g = groupOf(e.target);
      if (g) this.#show(g.dataset.category!, this.#beside(g));
    });
    host.addEventListener('focusout', () => this.#showPinned());
    host.addEventListener('pointerdown', (e) => (this.#touch = e.pointerType !== 'mouse'));
    host.addEventListener('click', (e) => {
      const g = groupOf(e.target);
      if (!g) return;
      // A keyboard "click" (Enter/Space on a button role) has no pointer position.
      const at = e.detail === 0 ? this.#beside(g) : this.#local(e.clientX, e.clientY, this.#touch ? 'above' : 'pointer');
      this.#toggle(g.dataset.category!, at);
    });
    host.addEventListener('keydown', (e) => {
      const g = groupOf(e.target);
      if (g && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.#toggle(g.dataset.category!, this.#beside(g));
      }
    });
    // Letting go works from anywhere on the page, as a pop-over does.
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && (this.#pinned !== null || !this.#info.hidden)) this.#release();
    });
    document.addEventListener('pointerdown', (e) => {
      const onArc = groupOf(e.target) !== null && this.#host.contains(e.target as Node);
      if (this.#pinned !== null && !onArc) this.#release();
    });
  }

  /** Makes the current SVG's categories focusable; call after every redraw. */
  attach(): void {
    const chart = this.#svg();
    if (!this.#info.isConnected) this.#host.append(this.#info);
    if (!chart) {
      this.#pinned = null;
      this.#info.hidden = true;
      return;
    }
    // A chart one can explore is a group of controls, not a single image.
    chart.setAttribute('role', 'group');
    // The arc is the control: its <title> ("GPU Kernels: 97 shared-contributor links")
    // is both its tooltip and its accessible name, so name and visible text agree.
    for (const arc of chart.querySelectorAll<SVGPathElement>('.chord-group .chord-arc')) {
      const id = arc.closest<SVGGElement>('.chord-group')!.dataset.category!;
      arc.setAttribute('tabindex', '0');
      arc.setAttribute('role', 'button');
      arc.setAttribute('aria-pressed', String(this.#pinned === id));
      arc.setAttribute('aria-describedby', this.#info.id);
    }
    if (this.#pinned && !this.#group(this.#pinned)) this.#pinned = null;
    if (this.#pinned) this.#pinnedAt = this.#beside(this.#group(this.#pinned)!);
    // A redraw replaced what the box described.
    this.#current = null;
    this.#showPinned();
  }

  #svg(): SVGSVGElement | null {
    return this.#host.querySelector('svg.ds-chord');
  }

  #group(id: string): SVGGElement | null {
    return this.#host.querySelector<SVGGElement>(`svg.ds-chord .chord-group[data-category="${CSS.escape(id)}"]`);
  }

  /** Short names as the chart labels them; the table's full name for a category not drawn. */
  #name(id: string): string {
    const g = this.#group(id);
    if (g?.dataset.name) return g.dataset.name;
    const cell = this.#host.querySelector(`table.ds-twin__table tr[data-source="${CSS.escape(id)}"] th`);
    return cell?.textContent?.trim() || id;
  }

  #toggle(id: string, at: Point): void {
    const unpin = this.#pinned === id;
    this.#pinned = unpin ? null : id;
    this.#pinnedAt = unpin ? null : at;
    this.#pressed();
    this.#current = null;
    this.#show(id, at);
  }

  #release(): void {
    this.#pinned = null;
    this.#pinnedAt = null;
    this.#pressed();
    this.#show(null, null);
  }

  #pressed(): void {
    for (const arc of this.#host.querySelectorAll<SVGPathElement>('.chord-group .chord-arc')) {
      arc.setAttribute('aria-pressed', String(arc.closest<SVGGElement>('.chord-group')?.dataset.category === this.#pinned));
    }
  }

  #showPinned(): void {
    this.#show(this.#pinned, this.#pinnedAt);
  }

  #show(id: string | null, at: Point | null): void {
    const chart = this.#svg();
    if (!chart) return;
    if (id !== null && id === this.#current && !this.#info.hidden) {
      if (at) this.#place(at);
      return;
    }
    this.#current = id;
    if (id === null) chart.removeAttribute('data-active');
    else chart.setAttribute('data-active', id);
    const lit = new Set<string>();
    for (const r of chart.querySelectorAll<SVGPathElement>('.chord-ribbon')) {
      const on = id !== null && (r.dataset.source === id || r.dataset.target === id);
      r.classList.toggle('is-lit', on);
      if (on) lit.add(r.dataset.source === id ? r.dataset.target! : r.dataset.source!);
    }
    for (const g of chart.querySelectorAll<SVGGElement>('.chord-group')) g.classList.toggle('is-lit', g.dataset.category === id || lit.has(g.dataset.category!));
    this.#describe(id);
    if (id !== null && at) this.#place(at);
  }

  /** A point in the host's own coordinates (the box is positioned in them). */
  #local(clientX: number, clientY: number, side: Point['side']): Point {
    const box = this.#host.getBoundingClientRect();
    return { x: clientX - box.left, y: clientY - box.top, side };
  }

  /** Beside an arc, on the circle's outside: the box covers the arc's own name, not the ribbons it lights. */
  #beside(g: SVGGElement): Point {
    const arc = g.querySelector('.chord-arc') ?? g;
    const r = arc.getBoundingClientRect();
    const chart = this.#svg()?.getBoundingClientRect();
    const right = !chart || r.left + r.width / 2 >= chart.left + chart.width / 2;
    return this.#local(right ? r.right : r.left, r.top + r.height / 2, right ? 'right' : 'left');
  }

  /** On the preferred side of the point, flipped or clamped where the host ends. */
  #place(at: Point): void {
    const info = this.#info;
    const width = this.#host.clientWidth;
    const height = this.#host.clientHeight;
    const w = info.offsetWidth;
    const hgt = info.offsetHeight;
    const clampX = (x: number) => Math.max(0, Math.min(x, width - w));
    const clampY = (y: number) => Math.max(0, Math.min(y, height - hgt));
    let left: number;
    let top: number;
    switch (at.side) {
      case 'above':
        left = clampX(at.x - w / 2);
        top = at.y - OFFSET * 2 - hgt >= 0 ? at.y - OFFSET * 2 - hgt : at.y + OFFSET * 2;
        break;
      case 'left':
      case 'right': {
        // Short of room it stays against the host's edge, over the arc's own name
        // rather than the ribbons the arc lights.
        left = clampX(at.side === 'left' ? at.x - OFFSET - w : at.x + OFFSET);
        top = clampY(at.y - hgt / 2);
        break;
      }
      default:
        left = at.x + OFFSET + w <= width ? at.x + OFFSET : Math.max(0, at.x - OFFSET - w);
        top = at.y + OFFSET + hgt <= height ? at.y + OFFSET : at.y - OFFSET - hgt;
    }
    info.style.left = `${Math.round(left)}px`;
    info.style.top = `${Math.round(clampY(top))}px`;
  }

  #describe(id: string | null): void {
    if (id === null) {
      this.#info.hidden = true;
      return;
    }
    const out: Flow[] = [];
    const into: Flow[] = [];
    for (const row of this.#host.querySelectorAll<HTMLTableRowElement>('table.ds-twin__table tbody tr[data-source]')) {
      const value = Number(row.querySelector<HTMLElement>('td[data-value]')?.dataset.value ?? 0);
      if (row.dataset.source === id) out.push({ id: row.dataset.target!, value });
      else if (row.dataset.target === id) into.push({ id: row.dataset.source!, value });
    }
    const list = (flows: Flow[]) => {
      const sorted = flows.sort((a, b) => b.value - a.value);
      const parts = sorted.slice(0, SHOWN).map((f) => `${this.#name(f.id)} ${formatInteger(f.value)}`);
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
    this.#info.replaceChildren(h('strong', {}, this.#name(id)), lines.join(' '));
    this.#info.hidden = false;
  }
}

function groupOf(target: EventTarget | null): SVGGElement | null {
  return target instanceof Element ? target.closest<SVGGElement>('svg.ds-chord .chord-group') : null;
}
