// Progress for long runs: a redrawn bar on a terminal, plain lines in logs and CI.

export interface ProgressState {
  done: number;
  total: number;
  commits: number;
  /** 0..1, estimated share of the work done (by input size), for the ETA. */
  fraction: number;
  current?: string;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

export function progressLine(state: ProgressState, elapsedS: number, width = 24): string {
  const filled = Math.min(width, Math.round(state.fraction * width));
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const rate = elapsedS > 0 ? Math.round(state.commits / elapsedS) : 0;
  const eta = state.fraction > 0.02 ? (elapsedS * (1 - state.fraction)) / state.fraction : Number.NaN;
  return `${bar} ${state.done}/${state.total} repos · ${state.commits.toLocaleString('en-US')} commits · ${rate.toLocaleString('en-US')} commits/s · ETA ${formatDuration(eta)}`;
}

export class Progress {
  private readonly tty: boolean;
  private readonly started = performance.now();
  // -Infinity, not 0: performance.now() starts near 0, which would swallow the first line.
  private lastPlain = Number.NEGATIVE_INFINITY;
  private readonly out: NodeJS.WriteStream;

  constructor(out: NodeJS.WriteStream = process.stderr) {
    this.out = out;
    this.tty = Boolean(out.isTTY) && !process.env.CI;
  }

  elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  update(state: ProgressState): void {
    const line = progressLine(state, this.elapsed());
    if (this.tty) {
      const cols = this.out.columns ?? 100;
      this.out.write(`\r${line.slice(0, cols - 1)}\x1b[K`);
    } else {
      const now = performance.now();
      if (now - this.lastPlain > 2000 || state.done === state.total) {
        this.lastPlain = now;
        this.out.write(`${line}\n`);
      }
    }
  }

  /** Prints a message without tearing the bar. */
  log(message: string): void {
    this.out.write(this.tty ? `\r\x1b[K${message}\n` : `${message}\n`);
  }

  finish(): void {
    if (this.tty) this.out.write('\n');
  }
}
