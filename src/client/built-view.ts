// A figure as the build rendered it, kept when its element upgrades: going back to the
// options the page was built with puts those very nodes back (cloned), with no query
// and no redraw, so the built view is always one step away and always exact.

interface Frame {
  quarter: string | null;
  title: string | null;
  caption: string | null;
  source: Node[];
}

export class BuiltView {
  readonly #figure: Element | null;
  readonly #frame: Frame;
  readonly #parts: Node[];

  /** Keeps copies of `parts` and of the figure's title, caption and source line. */
  constructor(host: HTMLElement, parts: readonly Node[]) {
    this.#figure = host.closest('figure.ds-figure');
    const f = this.#figure;
    this.#frame = {
      quarter: f?.getAttribute('data-quarter') ?? null,
      title: f?.querySelector('.ds-figure__title')?.textContent ?? null,
      caption: f?.querySelector('.ds-figure__text')?.textContent ?? null,
      source: [...(f?.querySelector('.ds-figure__source')?.childNodes ?? [])].map((n) => n.cloneNode(true)),
    };
    this.#parts = parts.map((n) => n.cloneNode(true));
  }

  /** Fresh copies of the built parts, in the order given. */
  parts(): Node[] {
    return this.#parts.map((n) => n.cloneNode(true));
  }

  restoreFrame(): void {
    const f = this.#figure;
    if (!f) return;
    if (this.#frame.quarter !== null) f.setAttribute('data-quarter', this.#frame.quarter);
    const title = f.querySelector('.ds-figure__title');
    if (title && this.#frame.title !== null) title.textContent = this.#frame.title;
    const caption = f.querySelector('.ds-figure__text');
    if (caption && this.#frame.caption !== null) caption.textContent = this.#frame.caption;
    f.querySelector('.ds-figure__source')?.replaceChildren(...this.#frame.source.map((n) => n.cloneNode(true)));
  }
}

/** The element's content after its controls: what a redraw replaces. */
export function contentAfterControls(host: HTMLElement): Element[] {
  return [...host.children].filter((c) => !c.classList.contains('ds-controls') && !c.classList.contains('ds-chord__info'));
}
