// The loading state of a figure that re-queries: one request at a time wins (a reader
// who picks two quarters quickly sees the second), a short message while it runs, and
// on failure the figure keeps what it showed and says so in one line.

/** A failure that is not an error to the reader (a query they stopped themselves). */
export interface Said {
  text: string;
  kind: 'info' | 'error';
}

export class Pending {
  readonly #host: HTMLElement;
  readonly #status: HTMLElement | null;
  #seq = 0;

  constructor(host: HTMLElement, status: HTMLElement | null) {
    this.#host = host;
    this.#status = status;
  }

  /**
   * Runs `load`, then `apply` with its result unless a later run started meanwhile.
   * Returns false when it failed or was overtaken (the caller restores its controls).
   */
  async run<T>(message: string, load: () => Promise<T>, apply: (value: T) => void, failure: (error: unknown) => string | Said): Promise<boolean> {
    const seq = ++this.#seq;
    // Warm queries answer in a few milliseconds: a message that flashes is noise.
    const timer = setTimeout(() => {
      if (seq === this.#seq) this.say(message);
    }, 150);
    this.#host.setAttribute('aria-busy', 'true');
    try {
      const value = await load();
      if (seq !== this.#seq) return false;
      apply(value);
      this.say('');
      return true;
    } catch (e) {
      if (seq !== this.#seq) return false;
      console.warn(e);
      const said = failure(e);
      if (typeof said === 'string') this.say(said, 'error');
      else this.say(said.text, said.kind);
      return false;
    } finally {
      clearTimeout(timer);
      if (seq === this.#seq) this.#host.removeAttribute('aria-busy');
    }
  }

  /** Drops a run still under way (its result will not be applied) and clears the message. */
  cancel(): void {
    this.#seq++;
    this.#host.removeAttribute('aria-busy');
    this.say('');
  }

  say(text: string, kind: 'info' | 'error' = 'info'): void {
    if (!this.#status) return;
    this.#status.textContent = text;
    this.#status.dataset.kind = kind;
  }
}

/** The reason to show a reader: the engine's first line, not its stack. */
export function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.slice(0, 140);
}
