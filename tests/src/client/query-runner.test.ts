// The browser runner's engine-free parts: which SQL and parameters reach the engine,
// how views follow quarters, Arrow → rows, intent and the published URLs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishedFolderUrl } from '../../../src/client/published-url.ts';
import { publishedFolderPath } from '../../../src/lib/published-path.ts';
import { figuresUrl } from '../../../src/client/figure-files.ts';
import { fastConnection, QueryRunner, tableToRows, usableConnection, viewsOf, viewSql, whenIntent, type ArrowTableLike, type Engine } from '../../../src/client/query-runner.ts';
import { QUERIES, sqlOf, type ParamValue, type QueryDef } from '../../../src/lib/query-registry.ts';

type Call = ['register', string, string] | ['exec', string] | ['query', string, readonly ParamValue[]];

function fakeEngine(result: ArrowTableLike = table([], [])): { engine: Engine; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    engine: {
      async registerFile(name, url) {
        calls.push(['register', name, url]);
      },
      async exec(sql) {
        calls.push(['exec', sql]);
      },
      async query(sql, params) {
        calls.push(['query', sql, params]);
        return result;
      },
    },
  };
}

/** A column-wise fake of an Arrow table: fields as [name, typeId, unit?]. */
function table(fields: [string, number, number?][], rows: unknown[][]): ArrowTableLike {
  return {
    numRows: rows.length,
    schema: { fields: fields.map(([name, typeId, unit]) => ({ name, type: { typeId, unit } })) },
    getChild: (name) => {
      const i = fields.findIndex(([n]) => n === name);
      return i < 0 ? null : { get: (r: number) => rows[r]![i] };
    },
  };
}

const Q3 = 'https://site.test/base/data/2024-q3/';
const Q4 = 'https://site.test/base/data/2024-q4/';

describe('QueryRunner', () => {
  it('sends the registry SQL with parameters in the registry order, whatever the key order', async () => {
    const { engine, calls } = fakeEngine();
    await new QueryRunner(engine).run(QUERIES['top-projects'], { limit: 5, category: 'all', quarter: '2024-q3' }, Q3);
    const query = calls.find((c) => c[0] === 'query')!;
    expect(query[1]).toBe(sqlOf('top-projects'));
    expect(query[2]).toEqual(['2024-q3', 'all', 5]);
  });

  it('registers each needed file once and points the views at it', async () => {
    const { engine, calls } = fakeEngine();
    const runner = new QueryRunner(engine);
    await runner.run(QUERIES['top-projects'], { quarter: '2024-q3', category: 'all', limit: 5 }, Q3);
    await runner.run(QUERIES['top-projects'], { quarter: '2024-q3', category: 'all', limit: 9 }, Q3);
    expect(calls.filter((c) => c[0] !== 'query')).toEqual([
      ['register', '2024-q3/categories.parquet', `${Q3}categories.parquet`],
      ['exec', "CREATE OR REPLACE VIEW categories AS SELECT * FROM read_parquet('2024-q3/categories.parquet')"],
      ['register', '2024-q3/repos.parquet', `${Q3}repos.parquet`],
      ['exec', "CREATE OR REPLACE VIEW repos AS SELECT * FROM read_parquet('2024-q3/repos.parquet')"],
      ['register', '2024-q3/top_projects.parquet', `${Q3}top_projects.parquet`],
      ['exec', "CREATE OR REPLACE VIEW top_projects AS SELECT * FROM read_parquet('2024-q3/top_projects.parquet')"],
    ]);
  });

  it('re-points views when another quarter is asked for, and back without registering again', async () => {
    const { engine, calls } = fakeEngine();
    const runner = new QueryRunner(engine);
    await runner.run(QUERIES.categories, {}, Q3);
    await runner.run(QUERIES.categories, {}, Q4.slice(0, -1)); // no trailing slash: still a folder
    await runner.run(QUERIES.categories, {}, Q3);
    expect(calls.filter((c) => c[0] !== 'query').map((c) => c.slice(0, 2))).toEqual([
      ['register', '2024-q3/categories.parquet'],
      ['exec', viewSql('categories', '2024-q3/categories.parquet')],
      ['register', '2024-q4/categories.parquet'],
      ['exec', viewSql('categories', '2024-q4/categories.parquet')],
      ['exec', viewSql('categories', '2024-q3/categories.parquet')],
    ]);
  });

  it('keeps registered names apart for two folders with the same last segment', async () => {
    const { engine, calls } = fakeEngine();
    const runner = new QueryRunner(engine);
    await runner.run(QUERIES.quarters, {}, 'https://site.test/a/2024-q3/');
    await runner.run(QUERIES.quarters, {}, 'https://site.test/b/2024-q3/');
    expect(calls.filter((c) => c[0] === 'register').map((c) => c[1])).toEqual(['2024-q3/quarters.parquet', '2024-q3-2/quarters.parquet']);
  });

  it('refuses a query that is not the registry’s, and a missing parameter', async () => {
    const runner = new QueryRunner(fakeEngine().engine);
    const forged: QueryDef<unknown, readonly ['quarter']> = { ...QUERIES.headline, sql: 'SELECT 1' };
    await expect(runner.run(forged, { quarter: '2024-q3' }, Q3)).rejects.toThrow("'headline' is not a query of the registry");
    await expect(runner.run(QUERIES.headline, {} as never, Q3)).rejects.toThrow("query 'headline' needs a value for 'quarter'");
  });

  it('runs one query at a time and survives a failed one', async () => {
    const order: string[] = [];
    let fail = true;
    const engine: Engine = {
      registerFile: async () => undefined,
      exec: async () => undefined,
      async query(sql) {
        order.push(`start ${sql.length}`);
        await new Promise((r) => setTimeout(r, 5));
        order.push(`end ${sql.length}`);
        if (fail) {
          fail = false;
          throw new Error('boom');
        }
        return table([], []);
      },
    };
    const runner = new QueryRunner(engine);
    const a = runner.run(QUERIES.quarters, {}, Q3);
    const b = runner.run(QUERIES.categories, {}, Q3);
    await expect(a).rejects.toThrow('boom');
    await expect(b).resolves.toEqual([]);
    expect(order.map((s) => s.split(' ')[0])).toEqual(['start', 'end', 'start', 'end']);
  });
});

describe('views and SQL', () => {
  it('finds the views a query reads, ignoring its comments', () => {
    expect(viewsOf(sqlOf('company-share'))).toEqual(['company_share', 'quarters']);
    expect(viewsOf('-- reads scope_quarters and repos\nSELECT * FROM quarters')).toEqual(['quarters']);
    // A view whose name starts another's is not read by it.
    expect(viewsOf(sqlOf('migration-at-threshold'))).toEqual(['category_migration_thresholds']);
    expect(viewsOf(sqlOf('category-pair'))).toEqual(['category_migration', 'category_overlap']);
  });

  it('builds view SQL only for published views, quoting the file name', () => {
    expect(viewSql('repos', "it's/repos.parquet")).toBe("CREATE OR REPLACE VIEW repos AS SELECT * FROM read_parquet('it''s/repos.parquet')");
    expect(() => viewSql('repos; DROP', 'x')).toThrow('not a published view');
  });
});

describe('tableToRows', () => {
  it('gives numbers for integers, ISO strings for times and keeps column order', () => {
    const t = table(
      [['quarter', 5], ['seq', 2], ['big', 2], ['share', 3], ['partial', 6], ['start_ts', 10, 2], ['raw_ts', 10, 2], ['day', 8], ['none', 1], ['ids', 12]],
      [
        ['2024-q3', 7, 12n, 0.25, false, Date.UTC(2024, 6, 1), 1719792000000000n, new Date(Date.UTC(2024, 0, 2)), null, [1n, 2n]],
        [null, null, null, null, null, null, null, null, null, null],
      ],
    );
    const rows = tableToRows(t);
    expect(rows[0]).toEqual({
      quarter: '2024-q3',
      seq: 7,
      big: 12,
      share: 0.25,
      partial: false,
      start_ts: '2024-07-01T00:00:00.000Z',
      raw_ts: '2024-07-01T00:00:00.000Z',
      day: '2024-01-02T00:00:00.000Z',
      none: null,
      ids: [1, 2],
    });
    expect(Object.keys(rows[0]!)).toEqual(t.schema.fields.map((f) => f.name));
    expect(Object.values(rows[1]!).every((v) => v === null)).toBe(true);
  });

  it('refuses what it cannot convert faithfully', () => {
    expect(() => tableToRows(table([['n', 2]], [[2n ** 60n]]))).toThrow("column 'n': integer 1152921504606846976 is too large");
    expect(() => tableToRows(table([['d', 7]], [[new Uint32Array(4)]]))).toThrow("result column 'd' has Arrow type 7");
  });
});

describe('whenIntent', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fires once, on the first intent event', () => {
    const el = new EventTarget();
    const cb = vi.fn();
    whenIntent(el, cb);
    el.dispatchEvent(new Event('focusin'));
    el.dispatchEvent(new Event('pointerdown'));
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('does nothing after cancel, and never idles unless asked', () => {
    const idle = vi.fn();
    vi.stubGlobal('requestIdleCallback', idle);
    vi.stubGlobal('navigator', { connection: { effectiveType: '4g', saveData: false } });
    vi.stubGlobal('document', { readyState: 'complete' });
    const el = new EventTarget();
    const cb = vi.fn();
    whenIntent(el, cb)();
    el.dispatchEvent(new Event('pointerenter'));
    expect(cb).not.toHaveBeenCalled();
    expect(idle).not.toHaveBeenCalled();
  });

  it('with idle: true, loads when idle on a fast connection only', () => {
    const idle = vi.fn((fn: () => void) => {
      fn();
      return 1;
    });
    vi.stubGlobal('requestIdleCallback', idle);
    vi.stubGlobal('document', { readyState: 'complete' });
    vi.stubGlobal('navigator', { connection: { effectiveType: '4g', saveData: true } });
    const saving = vi.fn();
    whenIntent(new EventTarget(), saving, { idle: true });
    expect(saving).not.toHaveBeenCalled();
    vi.stubGlobal('navigator', { connection: { effectiveType: '4g' } });
    const fast = vi.fn();
    whenIntent(new EventTarget(), fast, { idle: true });
    expect(fast).toHaveBeenCalledTimes(1);
  });

  it('counts only a 4g connection without Save-Data as fast', () => {
    expect(fastConnection({ effectiveType: '4g' })).toBe(true);
    expect(fastConnection({ effectiveType: '4g', saveData: true })).toBe(false);
    expect(fastConnection({ effectiveType: '3g' })).toBe(false);
    expect(fastConnection(undefined)).toBe(false);
  });

  it('does not count slow 4G as fast: Chromium says 4g down to 1.5 Mbps', () => {
    expect(fastConnection({ effectiveType: '4g', downlink: 1.5 })).toBe(false);
    expect(fastConnection({ effectiveType: '4g', downlink: 4.9 })).toBe(false);
    expect(fastConnection({ effectiveType: '4g', downlink: 5 })).toBe(true);
    expect(fastConnection({ effectiveType: '4g', downlink: 10, saveData: true })).toBe(false);
  });

  it('lets a reader who used a control have the engine on anything but Save-Data or 2G/3G', () => {
    expect(usableConnection({ effectiveType: '4g', downlink: 1.5 })).toBe(true);
    expect(usableConnection(undefined)).toBe(true);
    expect(usableConnection({ effectiveType: '4g', downlink: 10, saveData: true })).toBe(false);
    for (const slow of ['3g', '2g', 'slow-2g']) expect(usableConnection({ effectiveType: slow })).toBe(false);
  });
});

describe('published URLs', () => {
  it('are under the site base, absolute, and only for quarters', () => {
    expect(publishedFolderPath('2024-q3', '/')).toBe('/data/2024-q3/');
    expect(publishedFolderPath('2024-q3', '/deep-signal')).toBe('/deep-signal/data/2024-q3/');
    expect(publishedFolderUrl('2026-q2', 'https://site.test/deep-signal/reports/2026-q2/', '/deep-signal/')).toBe('https://site.test/deep-signal/data/2026-q2/');
    expect(() => publishedFolderPath('../../evil', '/')).toThrow('not a quarter');
    expect(() => publishedFolderPath('https://cdn.example/2024-q3', '/')).toThrow('not a quarter');
  });

  it('put a quarter’s figures files in its own folder, under the site base', () => {
    expect(figuresUrl('2024-q3', 'snapshot', 'https://site.test/deep-signal/reports/2026-q2/', '/deep-signal/')).toBe('https://site.test/deep-signal/data/2024-q3/figures/snapshot.json');
    expect(figuresUrl('2026-q2', 'chord', 'https://site.test/reports/2026-q2/', '/')).toBe('https://site.test/data/2026-q2/figures/chord.json');
    expect(() => figuresUrl('../2024-q3', 'chord', 'https://site.test/', '/')).toThrow('not a quarter');
  });
});
