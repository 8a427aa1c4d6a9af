// <Metric> figures between two categories (overlap, migration, net_migration), checked
// against the fixture's literal OVERLAP and MIGRATION rows with plain arithmetic, for
// every pair of categories and every quarter the 2024-q3 folder holds: zeros included,
// since a pair with nobody has no row.
import { beforeAll, describe, expect, it } from 'vitest';
import { MINUS } from '../../../src/lib/format.ts';
import { resolveMetric, type MetricRequest } from '../../../src/node/metric.ts';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';
import { CATEGORIES, MIGRATION, OVERLAP, QUARTERS } from '../../helpers/published-fixture-data.ts';

beforeAll(async () => {
  await usePublishedFixture();
});

const ARTICLE = '2024-q3';
const resolve = (r: Omit<MetricRequest, 'quarter'> & { quarter?: string }) => resolveMetric({ quarter: ARTICLE, articleQuarter: ARTICLE, ...r });
const text = async (r: Parameters<typeof resolve>[0]) => (await resolve(r)).text;

const ids = CATEGORIES.map(([id]) => id);
// The folder's window: the article's quarter and the eight before it.
const window = QUARTERS.slice(QUARTERS.indexOf(ARTICLE) - 8, QUARTERS.indexOf(ARTICLE) + 1);
const overlapOf = (q: string, a: string, b: string) =>
  OVERLAP.filter(([oq, x, y]) => oq === q && ((x === a && y === b) || (x === b && y === a))).reduce((t, r) => t + r[3], 0);
const movedOf = (q: string, from: string, to: string) => MIGRATION.filter(([mq, f, t]) => mq === q && f === from && t === to).reduce((t, r) => t + r[3], 0);
const pairs = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => [a, b] as const));

describe('figures between two categories', () => {
  it('overlap: people active in both, in either order, 0 for a pair with nobody', async () => {
    for (const quarter of window) {
      for (const [a, b] of pairs) {
        const m = await resolve({ figure: 'overlap', category: a, other: b, quarter });
        expect(m.value, `${quarter} ${a} ${b}`).toBe(overlapOf(quarter, a, b));
      }
    }
    expect(await text({ figure: 'overlap', category: 'gpu-kernels', other: 'llm-serving' })).toBe('2');
    expect(await text({ figure: 'overlap', category: 'llm-serving', other: 'gpu-kernels' })).toBe('2');
    expect(await text({ figure: 'overlap', category: 'llm-serving', other: 'training-frameworks', quarter: '2024-q2' })).toBe('1');
    expect(await text({ figure: 'overlap', category: 'llm-serving', other: 'training-frameworks' })).toBe('0');
  });

  it('migration and net_migration: flows from the quarter before, net signed', async () => {
    for (const quarter of window) {
      for (const [from, to] of pairs) {
        const moved = await resolve({ figure: 'migration', from, to, quarter });
        const net = await resolve({ figure: 'net_migration', from, to, quarter });
        expect(moved.value, `${quarter} ${from} → ${to}`).toBe(movedOf(quarter, from, to));
        expect(net.value, `${quarter} ${from} ⇄ ${to}`).toBe(movedOf(quarter, from, to) - movedOf(quarter, to, from));
      }
    }
    expect(await text({ figure: 'migration', from: 'training-frameworks', to: 'ml-compilers' })).toBe('1');
    expect(await text({ figure: 'net_migration', from: 'training-frameworks', to: 'ml-compilers' })).toBe('+1');
    expect(await text({ figure: 'net_migration', from: 'ml-compilers', to: 'training-frameworks' })).toBe(`${MINUS}1`);
    expect(await text({ figure: 'net_migration', from: 'edge-ml', to: 'llm-serving' })).toBe('0');
    expect(await text({ figure: 'net_migration', from: 'training-frameworks', to: 'ml-compilers', format: 'number' })).toBe('1');
  });

  it('says what it counts, and which pair', async () => {
    const o = await resolve({ figure: 'overlap', category: 'llm-serving', other: 'gpu-kernels' });
    expect(o).toMatchObject({ scopeType: 'pair', scopeId: 'gpu-kernels,llm-serving' });
    expect(o.description).toBe('People active in both LLM Serving & Inference and GPU Kernels & Performance, Q3 2024');
    const m = await resolve({ figure: 'migration', from: 'training-frameworks', to: 'ml-compilers' });
    expect(m).toMatchObject({ scopeType: 'pair', scopeId: 'training-frameworks,ml-compilers' });
    expect(m.description).toBe('People whose main category moved from Training Frameworks & Model Architecture (Q2 2024) to ML Compilers & Graph Optimization (Q3 2024)');
  });

  it('fails on an unknown or missing category, the same one twice, and props of other figures', async () => {
    const known = 'known categories: gpu-kernels, ml-compilers, llm-serving, training-frameworks, edge-ml';
    await expect(text({ figure: 'overlap', category: 'gpu', other: 'llm-serving' })).rejects.toThrow(`no figure 'overlap' for category="gpu" in 2024-q3 (not a category; ${known})`);
    await expect(text({ figure: 'overlap', category: 'gpu-kernels', other: 'llm' })).rejects.toThrow(`no figure 'overlap' for other="llm" in 2024-q3 (not a category; ${known})`);
    await expect(text({ figure: 'migration', from: 'x', to: 'llm-serving' })).rejects.toThrow(`no figure 'migration' for from="x" in 2024-q3`);
    await expect(text({ figure: 'net_migration', from: 'gpu-kernels', to: 'y' })).rejects.toThrow(`no figure 'net_migration' for to="y" in 2024-q3`);
    await expect(text({ figure: 'overlap', category: 'gpu-kernels' })).rejects.toThrow(`figure 'overlap' needs two categories: other="…" is missing`);
    await expect(text({ figure: 'migration', from: 'gpu-kernels' })).rejects.toThrow(`figure 'migration' needs two categories: to="…" is missing`);
    await expect(text({ figure: 'net_migration' })).rejects.toThrow(`figure 'net_migration' needs two categories: from="…" and to="…" are missing`);
    await expect(text({ figure: 'overlap', category: 'edge-ml', other: 'edge-ml' })).rejects.toThrow("figure 'overlap' needs two different categories, not 'edge-ml' twice");
    await expect(text({ figure: 'migration', from: 'edge-ml', to: 'edge-ml' })).rejects.toThrow("figure 'migration' needs two different categories, not 'edge-ml' twice");
    await expect(text({ figure: 'migration', category: 'gpu-kernels', to: 'edge-ml' })).rejects.toThrow(`figure 'migration' is counted between the categories from="…" and to="…", not with category="…"`);
    await expect(text({ figure: 'overlap', repo: 'apache/tvm', other: 'edge-ml' })).rejects.toThrow('not with repo=');
    await expect(text({ figure: 'contributors', category: 'gpu-kernels', other: 'edge-ml' })).rejects.toThrow(`other="…" names a second category: it is for figures overlap`);
    await expect(text({ figure: 'overlap', category: 'gpu-kernels', other: 'edge-ml', delta: 'change' })).rejects.toThrow(
      `delta="change" does not apply to 'overlap': quote the quarter before with quarter="2024-q2"`,
    );
    const e = await resolve({ figure: 'overlap', category: 'gpu-kernels' }).catch((err: unknown) => err);
    expect((e as { hint?: string }).hint).toBe('write it like <Metric figure="overlap" category="gpu-kernels" other="llm-serving" />');
  });
});
