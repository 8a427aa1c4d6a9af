// npm run new-report -- 2026-q3 [--force]
// A draft article for a published quarter: frontmatter, the section skeleton with the
// standard components, and drafted findings (each a sentence of <Metric>s) to keep or cut.
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from './lib/cli-errors.ts';
import { newReport } from './lib/new-report/index.ts';
import { UserError } from './lib/types.ts';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      force: { type: 'boolean', default: false },
      published: { type: 'string', default: process.env.DEEP_SIGNAL_PUBLISHED_DIR || 'data/published' },
      content: { type: 'string', default: 'content' },
      today: { type: 'string' },
    },
  });
  const quarter = positionals[0];
  if (!quarter || positionals.length > 1) throw new UserError('which quarter? e.g. npm run new-report -- 2026-q3');
  const r = await newReport({
    quarter,
    publishedDir: resolve(values.published!),
    contentDir: resolve(values.content!),
    force: values.force,
    ...(values.today ? { today: values.today } : {}),
  });
  const rel = (p: string) => relative(process.cwd(), p);
  const bySection = new Map<string, number>();
  for (const f of r.findings) bySection.set(f.section, (bySection.get(f.section) ?? 0) + 1);
  process.stdout.write(
    [
      `wrote ${rel(r.article)} (draft${r.partial ? ', partial quarter' : ''}) with ${r.findings.length} drafted findings: ${[...bySection].map(([s, n]) => `${s} ${n}`).join(', ')}`,
      ...(r.predictions ? [`wrote ${rel(r.predictions)} (empty: add the quarter's predictions there)`] : []),
      'next:',
      `  npm run dev            # read it at http://localhost:4321/reports/${quarter}/ (drafts show in dev)`,
      '  npm run check          # every problem, with file:line and a hint',
      '  then set status: "published", npm run build, and commit',
      '',
    ].join('\n'),
  );
});
