// The console's database when a stop ended its engine: the next query opens another and
// loads the tables again, a query waits for the stopped one to be over, and the report
// runner's engine is never asked for (the console opens engines of its own).
import { describe, expect, it, vi } from 'vitest';
import { consoleDb } from '../../../src/client/console-db.ts';
import type { ArrowTableLike, Engine, QueryOptions } from '../../../src/client/query-runner.ts';
import { PUBLISHED_VIEWS } from '../../../src/lib/query-registry.ts';

const EMPTY: ArrowTableLike = { numRows: 0, schema: { fields: [] }, getChild: () => null };

class FakeEngine implements Engine {
  closed = false;
  readonly log: string[] = [];
  /** A query with a signal hangs until stopped; a stop ends the engine when `endsOnStop`. */
  endsOnStop = false;
  async registerFile(name: string) {
    this.log.push(`register ${name}`);
  }
  async exec(sql: string) {
    this.log.push(sql);
  }
  query(sql: string, _params: readonly unknown[], options?: QueryOptions): Promise<ArrowTableLike> {
    this.log.push(`query ${sql}`);
    const signal = options?.signal;
    if (!signal || !sql.includes('runaway')) return Promise.resolve(EMPTY);
    return new Promise((_resolve, reject) => {
      const stop = () =>
        setTimeout(() => {
          if (this.endsOnStop) this.closed = true;
          this.log.push('stopped');
          reject(signal.reason);
        }, 20);
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop);
    });
  }
}

async function open() {
  const engines: FakeEngine[] = [];
  const db = await consoleDb(async () => {
    const e = new FakeEngine();
    engines.push(e);
    return e;
  }, '2024-q3', 'https://example.org/data/2024-q3/');
  return { db, engines };
}

describe('console database', () => {
  it('loads every table, then locks the database down', async () => {
    const { db, engines } = await open();
    expect(db.loaded).toBe(true);
    expect(engines).toHaveLength(1);
    expect(engines[0]!.log.filter((l) => l.startsWith('CREATE TABLE'))).toHaveLength(PUBLISHED_VIEWS.length);
    expect(engines[0]!.log.at(-1)).toBe('SET enable_external_access = false');
  });

  it('a query stopped by a cancel keeps the engine', async () => {
    const { db, engines } = await open();
    const c = new AbortController();
    const runaway = db.query('SELECT runaway', c.signal);
    await vi.waitFor(() => expect(engines[0]!.log).toContain('query SELECT runaway'));
    c.abort(new Error('stop'));
    await expect(runaway).rejects.toThrow('stop');
    await db.query('SELECT 1');
    expect(engines[0]!.log.slice(-2)).toEqual(['stopped', 'query SELECT 1']);
    expect(engines).toHaveLength(1);
    expect(db.loaded).toBe(true);
  });

  it('after a stop that ended the engine, the next query loads the tables into a new one', async () => {
    const { db, engines } = await open();
    engines[0]!.endsOnStop = true;
    const c = new AbortController();
    const runaway = db.query('SELECT runaway', c.signal);
    await vi.waitFor(() => expect(engines[0]!.log).toContain('query SELECT runaway'));
    c.abort(new Error('stop'));
    // Sent straight after the stop, the next query waits for it, then finds a new engine.
    const next = db.query('SELECT 1');
    await expect(runaway).rejects.toThrow('stop');
    await next;
    expect(engines).toHaveLength(2);
    expect(engines[0]!.log.slice(-2)).toEqual(['query SELECT runaway', 'stopped']);
    expect(engines[1]!.log.filter((l) => l.startsWith('CREATE TABLE'))).toHaveLength(PUBLISHED_VIEWS.length);
    expect(engines[1]!.log.at(-1)).toBe('query SELECT 1');
    expect(db.loaded).toBe(true);
  });

  it('reload() loads the tables before the query, so a time limit counts the query alone', async () => {
    const { db, engines } = await open();
    engines[0]!.closed = true;
    expect(db.loaded).toBe(false);
    await db.reload();
    expect(db.loaded).toBe(true);
    expect(engines).toHaveLength(2);
    await db.query('SELECT 1');
    expect(engines).toHaveLength(2);
  });

  it('a query whose signal aborted while it waited never starts', async () => {
    const { db, engines } = await open();
    const c = new AbortController();
    c.abort(new Error('replaced'));
    await expect(db.query('SELECT 2', c.signal)).rejects.toThrow('replaced');
    expect(engines[0]!.log).not.toContain('query SELECT 2');
  });
});
