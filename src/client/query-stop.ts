// Stopping a console query: why it stopped, what the reader is told, the time limit,
// and the engine-neutral way to stop work (ask it to cancel, end it if it does not).
// Engine specifics (what cancels, how long a cancel may take) stay in duckdb-engine.ts.
import { formatSeconds } from '../lib/format.ts';

/** A console query that runs longer than this is stopped (<sql-console data-time-limit> overrides it, in ms, for tests). */
export const QUERY_TIME_LIMIT_MS = 20_000;

/** reader: the Stop button or Esc; time: the time limit; replaced: the reader ran another query. */
export type StopCause = 'reader' | 'time' | 'replaced';

/** The reason a stopped query rejects with (an AbortSignal's reason). */
export class QueryStopped extends Error {
  readonly why: StopCause;
  constructor(why: StopCause) {
    super(why === 'time' ? 'the query reached the time limit' : 'the query was stopped');
    this.name = 'QueryStopped';
    this.why = why;
  }
}

/** The time limit an element asks for (`data-time-limit`, in ms), else the standard one. */
export function timeLimitMs(attribute: string | null | undefined): number {
  const ms = Number(attribute);
  return attribute && Number.isFinite(ms) && ms > 0 ? ms : QUERY_TIME_LIMIT_MS;
}

/** What the status line says once a query has stopped. */
export function stoppedMessage(cause: StopCause, limitMs: number, quarter: string): string {
  if (cause !== 'time') return 'Query stopped.';
  return (
    `Stopped after ${seconds(limitMs)}: the query took too long. Narrow it: filter on quarter ` +
    `(WHERE quarter = '${quarter}'), join tables on a column they share, or add LIMIT 100.`
  );
}

const seconds = formatSeconds;

/** `promise`, or the signal's reason as soon as it aborts (what `promise` was doing carries on). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export interface StopMeans {
  /** Asks the engine to cancel the work; an engine busy inside one long step answers late. */
  cancel(): Promise<unknown>;
  /** Ends the engine: the work never answers, and the engine is gone for good. */
  kill(): Promise<unknown> | void;
  /** How long a cancel may take before the engine is ended instead. */
  graceMs: number;
}

/**
 * `work`, stoppable through `signal`: on abort, `cancel`, then `kill` if the work has not
 * settled `graceMs` later. A stopped run rejects with the signal's reason only once the
 * work settled or the engine is ended, so whatever the caller runs next never waits
 * behind it inside the engine.
 */
export function stoppable<T>(work: Promise<T>, signal: AbortSignal, means: StopMeans): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let stopping = false;
    const onAbort = async () => {
      stopping = true;
      void means.cancel().catch(() => undefined);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<false>((r) => (timer = setTimeout(() => r(false), means.graceMs)));
      const settled = await Promise.race([work.then(() => true, () => true), late]);
      clearTimeout(timer);
      if (!settled) {
        try {
          await means.kill();
        } catch {
          // The engine is unusable either way; the reader still gets the stop.
        }
      }
      reject(signal.reason);
    };
    if (signal.aborted) {
      void onAbort();
      return;
    }
    const listener = () => void onAbort();
    signal.addEventListener('abort', listener, { once: true });
    // Once settled, a late abort must not cancel whatever the engine runs next.
    work.then(
      (v) => {
        if (stopping) return;
        signal.removeEventListener('abort', listener);
        resolve(v);
      },
      (e: unknown) => {
        if (stopping) return;
        signal.removeEventListener('abort', listener);
        reject(e);
      },
    );
  });
}
