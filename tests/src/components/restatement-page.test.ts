// The restatement page reads as a note for readers: the reasons first, then each changed
// figure by name, for the whole set or a named category, in the site's number formats,
// also for a note published before notes were written for readers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import RestatementPage from '../../../src/pages/reports/[quarter]/restatements/[date].astro';
import { MINUS, THIN_SPACE as T } from '../../../src/lib/format.ts';
import { quarterFolder } from '../../../src/node/paths.ts';
import { render, setup } from './render.ts';

const DATE = '2099-01-02';

beforeAll(async () => {
  await setup();
  const dir = join(quarterFolder('2024-q3'), 'restatements');
  mkdirSync(dir, { recursive: true });
  // As `publish-data --force` wrote notes before they had a reader's table.
  writeFileSync(
    join(dir, `${DATE}.md`),
    [
      '# Restatement of 2024-q3',
      '',
      'Published 2024-10-01; dataset aaa → bbb; engine 0.1.0 → 0.1.0.',
      '',
      '## Why the figures changed',
      '',
      'Copies of one change are counted once.',
      '',
      '## What changed in the inputs',
      '',
      '- Dataset: the same repositories, with histories that changed.',
      '',
      '## Figures',
      '',
      'Files changed: scope_quarters.parquet',
      '',
      '| scope | quarter | figure | before | after |',
      '|---|---|---|---:|---:|',
      '| headline | 2024-q3 | commits | 5,297 | 5,310 (+0.2%) |',
      '| headline | 2024-q3 | commits_qoq | 0.079 | 0.081 (+2.5%) |',
      '| all:all | 2024-q3 | commits | 5,297 | 5,310 (+0.2%) |',
      '| category:llm-serving | 2024-q3 | contributors | 1,602 | 1,590 (-0.7%) |',
      '',
    ].join('\n'),
  );
});

describe('restatement page', () => {
  it('names figures and categories and formats numbers as the site does, after the reasons', async () => {
    const html = await render(RestatementPage, { props: { entry: { data: { quarter: '2024-q3', title: 'Q3 2024 report' } }, date: DATE } });
    const body = html.slice(html.indexOf('class="prose restatement"'));
    expect(body).not.toMatch(/headline|all:all|commits_qoq|5,297|0\.079/);
    expect(body).toMatch(/<td>Commits<\/td>\s*<td>All tracked repositories<\/td>\s*<td>Q3 2024<\/td>/);
    expect(body).toContain(`5${T}297`);
    expect(body).toContain('+7.9%');
    expect(body).toContain('up 0.2 points');
    expect(body).toMatch(/<td>LLM Serving (&amp;|&#x26;) Inference<\/td>/);
    expect(body).toContain(`${MINUS}12 (${MINUS}0.7%)`);
    expect(body.match(/<td>Commits<\/td>/g)).toHaveLength(1);
    const at = (s: string) => body.indexOf(s);
    expect(at('Why the figures changed')).toBeGreaterThan(0);
    expect(at('What changed in the inputs')).toBeGreaterThan(at('Why the figures changed'));
    expect(at('<table')).toBeGreaterThan(at('What changed in the inputs'));
  });
});
