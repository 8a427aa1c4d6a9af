// Stopping a console query: the time limit, what the reader is told, and the order of
// a stop (cancel; end the engine only when the cancel is not taken in time; report the
// stop once the engine is free). The engine's own behaviour is in tests/browser.
import { describe, expect, it, vi } from 'vitest';
import { batchTable, type BatchLike } from '../../../src/client/batch-table.ts';
import { QUERY_TIME_LIMIT_MS, QueryStopped, stoppable, stoppedMessage, timeLimitMs, untilAborted } from '../../../src/client/query-stop.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('time limit and messages', () => {
  it('takes a positive data-time-limit, else the standard limit', () => {
    expect(QUERY_TIME_LIMIT_MS).toBe(20_000);
    expect(timeLimitMs('1000')).toBe(1000);
    for (const bad of [null, undefined, '', '0', '-5', 'soon', 'Infinity']) expect(timeLimitMs(bad)).toBe(QUERY_TIME_LIMIT_MS);
  });

  it('says how long it ran and how to narrow the query, with the console’s quarter', () => {
    expect(stoppedMessage('time', 20_000, '2024-q3')).toBe(
      "Stopped after 20 s: the query took too long. Narrow it: filter on quarter (WHERE quarter = '2024-q3'), join tables on a column they share, or add LIMIT 100.",
    );
    expect(stoppedMessage('time', 1500, '2024-q3')).toMatch(/^Stopped after 1\.5 s:/);
    expect(stoppedMessage('reader', 20_000, '2024-q3')).toBe('Query stopped.');
  });
});

describe('untilAborted', () => {
  it('gives the value, or the reason as soon as the signal aborts', async () => {
    await expect(untilAborted(Promise.resolve(1), new AbortController().signal)).resolves.toBe(1);
    const c = new AbortController();
    const p = untilAborted(new Promise(() => undefined), c.signal);
    c.abort(new QueryStopped('reader'));
    await expect(p).rejects.toMatchObject({ why: 'reader' });
    await expect(untilAborted(Promise.resolve(1), c.signal)).rejects.toBeInstanceOf(QueryStopped);
  });
});

describe('stoppable', () => {
  function deferred<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  }

  it('is the work when nobody stops it, and a later abort cancels nothing', async () => {
    const c = new AbortController();
    const means = { cancel: vi.fn(async () => true), kill: vi.fn(), graceMs: 50 };
    await expect(stoppable(Promise.resolve('rows'), c.signal, means)).resolves.toBe('rows');
    c.abort(new QueryStopped('time'));
    await tick();
    expect(means.cancel).not.toHaveBeenCalled();
    await expect(stoppable(Promise.reject(new Error('Binder Error')), new AbortController().signal, means)).rejects.toThrow('Binder Error');
  });

  it('a cancel taken in time: the stop is reported once the work has settled, and the engine lives', async () => {
    const c = new AbortController();
    const work = deferred<string>();
    const means = { cancel: vi.fn(async () => true), kill: vi.fn(), graceMs: 1000 };
    const p = stoppable(work.promise, c.signal, means);
    let settled = false;
    p.catch(() => (settled = true));
    c.abort(new QueryStopped('reader'));
    await tick();
    expect(means.cancel).toHaveBeenCalledTimes(1);
    expect(settled).toBe(false);
    work.reject(new Error('query was canceled'));
    await expect(p).rejects.toMatchObject({ why: 'reader' });
    expect(means.kill).not.toHaveBeenCalled();
  });

  it('a cancel not taken within the grace ends the engine, then reports the stop', async () => {
    vi.useFakeTimers();
    try {
      const c = new AbortController();
      const means = { cancel: vi.fn(() => new Promise(() => undefined)), kill: vi.fn(async () => undefined), graceMs: 2000 };
      const p = stoppable(new Promise<never>(() => undefined), c.signal, means);
      const outcome = p.catch((e: unknown) => e);
      c.abort(new QueryStopped('time'));
      await vi.advanceTimersByTimeAsync(1999);
      expect(means.kill).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(means.kill).toHaveBeenCalledTimes(1);
      expect(await outcome).toMatchObject({ why: 'time' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a signal aborted before the start stops at once', async () => {
    const c = new AbortController();
    c.abort(new QueryStopped('replaced'));
    const means = { cancel: vi.fn(async () => true), kill: vi.fn(), graceMs: 1000 };
    await expect(stoppable(Promise.resolve(1), c.signal, means)).rejects.toMatchObject({ why: 'replaced' });
  });
});

describe('batchTable', () => {
  const schema = { fields: [{ name: 'a', type: { typeId: 2 } }, { name: 'a', type: { typeId: 5 } }] };
  const batch = (rows: [number, string][]): BatchLike => ({
    numRows: rows.length,
    getChildAt: (i) => ({ get: (r) => rows[r]?.[i] ?? null }),
  });

  it('reads batches, empty ones included, as one table, columns by position', () => {
    const t = batchTable(schema, [batch([]), batch([[1, 'x'], [2, 'y']]), batch([]), batch([[3, 'z']]), batch([])]);
    expect(t.numRows).toBe(3);
    const cols = [t.getChildAt(0)!, t.getChildAt(1)!];
    expect([0, 1, 2].map((r) => cols.map((c) => c.get(r)))).toEqual([
      [1, 'x'],
      [2, 'y'],
      [3, 'z'],
    ]);
    expect(t.getChild('a')!.get(2)).toBe(3);
    expect(t.getChildAt(2)).toBeNull();
    expect(t.getChild('b')).toBeNull();
    expect(cols[0]!.get(3)).toBeNull();
  });

  it('has its schema with no rows', () => {
    const t = batchTable(schema, []);
    expect([t.numRows, t.schema.fields.length, t.getChildAt(0)!.get(0)]).toEqual([0, 2, null]);
  });
});
