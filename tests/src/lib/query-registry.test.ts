import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindParams, PUBLISHED_VIEWS, QUERIES, sqlOf, TREND_METRICS, type QueryName } from '../../../src/lib/query-registry.ts';

const dir = join(import.meta.dirname, '../../../src/lib/queries');
const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));

describe('query registry', () => {
  it('registers every .sql file under its own name, with its exact text', () => {
    expect(Object.keys(QUERIES).sort()).toEqual(files.map((f) => f.replace(/\.sql$/, '')).sort());
    for (const [name, q] of Object.entries(QUERIES)) {
      expect(q.name).toBe(name);
      expect(q.sql).toBe(readFileSync(join(dir, `${name}.sql`), 'utf8'));
      expect(q.description.length).toBeGreaterThan(10);
    }
  });

  it('declares exactly the parameters $1…$n each query uses', () => {
    for (const [name, q] of Object.entries(QUERIES)) {
      const used = new Set([...q.sql.replace(/--.*$/gm, '').matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      const n = q.params.length;
      expect([...used].sort((a, b) => a - b), name).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(new Set(q.params).size, name).toBe(n);
    }
  });

  it('is one SELECT per file over published views, in SQL DuckDB 0.9.1 runs', () => {
    for (const name of Object.keys(QUERIES) as QueryName[]) {
      const body = sqlOf(name).replace(/--.*$/gm, '');
      expect(body.trim(), name).toMatch(/^(WITH|SELECT)\b/i);
      expect(body, name).not.toMatch(/;/);
      // JSON functions and newer syntax would break the browser's DuckDB 0.9.1.
      expect(body, name).not.toMatch(/\bjson|->>|\bread_(csv|json)\b|\bCOLUMNS\s*\(\s*\*|\bFROM\s+\w+\s+SELECT\b/i);
      for (const m of body.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/gi)) {
        const table = m[1]!;
        const ctes = [...body.matchAll(/\b([a-z_]+)\s+AS\s*\(/gi)].map((c) => c[1]);
        if (table.toUpperCase() === 'SELECT' || ctes.includes(table)) continue;
        expect(PUBLISHED_VIEWS as readonly string[], `${name} reads ${table}`).toContain(table);
      }
    }
  });

  it('keeps the trend metric list and the SQL CASE list equal', () => {
    const cases = [...QUERIES['category-trend'].sql.matchAll(/WHEN '([a-z_]+)' THEN/g)].map((m) => m[1]);
    expect(cases).toEqual([...TREND_METRICS]);
  });

  it('binds named values positionally and names what is missing', () => {
    expect(bindParams('top-projects', { quarter: '2024-q3', category: 'all', limit: 10 })).toEqual(['2024-q3', 'all', 10]);
    expect(bindParams('categories', {})).toEqual([]);
    expect(() => bindParams('snapshot', {} as { quarter: string })).toThrow("query 'snapshot' needs a value for 'quarter'");
  });
});
