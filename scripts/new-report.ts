// npm run new-report -- 2026-q3 [--force]
// A draft article for a published quarter: frontmatter, the section skeleton with the
// standard components, and drafted findings (each a sentence of <Metric>s) to keep or cut.
import { relative, resolve } from 'node:path';
import { runCli } from './common/cli-errors.ts';
import { answerHelp, parseCommandLine } from './common/cli-args.ts';
import { registerRawImports } from '../src/node/raw-imports.ts';
import { UserError } from './common/types.ts';

const USAGE = `Usage: npm run new-report -- <yyyy-qN> [options]

Drafts content/reports/<quarter>.mdx for a published quarter: frontmatter (status draft),
the standard sections and components, and drafted findings to keep, rewrite or cut; and
an empty content/predictions/<quarter>.yaml. It never overwrites an article without --force.

Options:
  --force             replace an existing article (its edits are lost)
  --published <dir>   the published quarters (default data/published)
  --content <dir>     the content folder (default content)
  --today <date>      the date the draft is written (YYYY-MM-DD; default today)
  -h, --help          print this help
`;

runCli(async () => {
  answerHelp(USAGE);
  const { values, positionals } = parseCommandLine(
    {
      allowPositionals: true,
      options: {
        force: { type: 'boolean', default: false },
        published: { type: 'string', default: process.env.DEEP_SIGNAL_PUBLISHED_DIR || 'data/published' },
        content: { type: 'string', default: 'content' },
        today: { type: 'string' },
      },
    },
    'npm run new-report -- --help',
  );
  const quarter = positionals[0];
  if (!quarter || positionals.length > 1) throw new UserError('which quarter? e.g. npm run new-report -- 2026-q3');
  // The drafting reads through the query registry, whose SQL is imported as `?raw`.
  registerRawImports();
  const { newReport } = await import('./new-report/draft.ts');
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
