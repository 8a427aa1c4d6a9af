// npm run check: every article and predictions file against the schema and the published
// data, all problems at once (file:line, what, hint). Exit code 1 when there is any.
// Warnings (the artefact guard) are printed too but leave the exit code 0. Every claim
// (<Rank>, <Compare>, <Only>, <Threshold>) is listed first with its verdict.
// The build runs the same checks (src/node/content-checks-integration.ts).
import { parseArgs } from 'node:util';
import { runCli } from './common/cli-errors.ts';
import { registerRawImports } from '../src/node/raw-imports.ts';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      content: { type: 'string' },
      'skip-drafts': { type: 'boolean', default: false },
    },
  });
  registerRawImports();
  const { checkContent, formatClaims, formatProblems } = await import('../src/node/content-checks/check-content.ts');
  const result = await checkContent({ includeDrafts: !values['skip-drafts'], ...(values.content ? { contentDir: values.content } : {}) });
  const articles = result.articles.map((a) => `${a.quarter} (${a.status}${a.checked ? '' : ', frontmatter only'})`).join(', ') || 'none';
  if (result.claims.length > 0) process.stdout.write(`${formatClaims(result.claims)}\n\n`);
  if (result.warnings.length > 0) process.stderr.write(`${formatProblems(result.warnings)}\n\n`);
  if (result.problems.length > 0) {
    process.stderr.write(`${formatProblems(result.problems)}\n`);
    process.exitCode = 1;
    return;
  }
  const warned = result.warnings.length > 0 ? ` (${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'} above)` : '';
  process.stdout.write(`✓ content checks passed${warned}: articles ${articles}; ${result.predictionFiles} predictions file${result.predictionFiles === 1 ? '' : 's'}\n`);
});
