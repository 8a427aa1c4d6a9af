// The lint rules of eslint.config.js fire: each snippet breaks one rule of DESIGN §3 (or
// one of the bug checks) in the folder it names, and an allowed import stays quiet.
// ESLint lints the snippet as if it were the file at that path (the file is not read or
// changed). TypeScript files are real files of their folder, because type-aware linting
// only knows the files its tsconfig includes; .astro files may be made up.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.config.js') });
});

interface Found {
  rule: string | null;
  message: string;
  line: number;
}

async function lint(file: string, code: string): Promise<Found[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message, line: m.line }));
}

/** The snippet has exactly one problem, from `rule`, whose message contains `words`. */
async function expectOne(file: string, code: string, rule: string, words: string): Promise<void> {
  const found = await lint(file, code);
  expect(found, `${file}: ${code}`).toEqual([expect.objectContaining({ rule, message: expect.stringContaining(words) })]);
}

// Imports are used, so that only the boundary rule speaks.
const use = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;
const useType = (spec: string) => `import type { X } from '${spec}';\nexport type Y = X;\n`;
const useDynamic = (spec: string) => `export const load = () => import('${spec}');\n`;

describe('src/lib is isomorphic', () => {
  const file = 'src/lib/quarters.ts';

  it('imports neither src/node/ nor src/client/', async () => {
    await expectOne(file, use('../node/paths.ts'), 'no-restricted-imports', 'src/lib is isomorphic: it must not import src/node/');
    await expectOne(file, use('../client/dom.ts'), 'no-restricted-imports', 'must not import src/client/');
    await expectOne(file, useType('../client/query-runner.ts'), 'no-restricted-imports', 'must not import src/client/');
    await expectOne(file, `export * from '../node/paths.ts';\n`, 'no-restricted-imports', 'must not import src/node/');
    await expectOne(file, useDynamic('../client/duckdb-engine.ts'), 'no-restricted-syntax', 'must not import src/client/');
  });

  it('imports no Node module, and no DuckDB', async () => {
    for (const spec of ['node:fs', 'fs', 'fs/promises', 'node:path', 'child_process']) {
      await expectOne(file, use(spec), 'no-restricted-imports', 'src/lib is isomorphic: it must not import Node modules');
    }
    await expectOne(file, useDynamic('node:crypto'), 'no-restricted-syntax', 'must not import Node modules');
    await expectOne(file, use('@duckdb/node-api'), 'no-restricted-imports', 'no DuckDB');
    await expectOne(file, use('@duckdb/duckdb-wasm'), 'no-restricted-imports', 'no DuckDB');
  });

  it('touches neither Node nor browser globals', async () => {
    await expectOne(file, 'export const env = process.env.X;\n', 'no-restricted-globals', 'a Node global');
    await expectOne(file, 'export const title = () => document.title;\n', 'no-restricted-globals', 'a browser global');
  });

  it('may import its own files, d3 and zod', async () => {
    expect(await lint(file, use('./quarters.ts') + `import { arc } from 'd3-shape';\nimport { z } from 'astro/zod';\nexport const a = [arc, z];\n`)).toEqual([]);
  });
});

describe('browser code (src/client/) never imports Node modules', () => {
  const file = 'src/client/elements/top-projects.ts';

  it('nor src/node/, Node built-ins or Node-only packages', async () => {
    await expectOne(file, use('../../node/published-data.ts'), 'no-restricted-imports', 'browser code (src/client/, an .astro <script>) must not import src/node/');
    await expectOne(file, use('node:path'), 'no-restricted-imports', 'browser code (src/client/, an .astro <script>) must not import Node modules');
    await expectOne(file, use('@duckdb/node-api'), 'no-restricted-imports', 'must not import Node-only packages');
    await expectOne(file, use('sharp'), 'no-restricted-imports', 'must not import Node-only packages');
    await expectOne(file, useDynamic('node:fs'), 'no-restricted-syntax', 'must not import Node modules');
    await expectOne(file, 'export const dev = process.env.NODE_ENV;\n', 'no-restricted-globals', 'a Node global');
  });

  it('may import src/lib/ and DuckDB-WASM', async () => {
    const code = `import { quarterLabel } from '../../lib/quarters.ts';\nimport { selectBundle } from '@duckdb/duckdb-wasm';\nexport const a = [quarterLabel, selectBundle];\n`;
    expect(await lint(file, code)).toEqual([]);
  });

  it('a <script> in an .astro file is browser code too', async () => {
    const astro = `---\nconst title = 'x';\n---\n<h1>{title}</h1>\n<script>\n  import { readFileSync } from 'node:fs';\n  console.log(readFileSync);\n</script>\n`;
    await expectOne('src/components/Probe.astro', astro, 'no-restricted-imports', 'must not import Node modules');
  });
});

describe('src/ never imports scripts/', () => {
  it('from any folder of src/', async () => {
    for (const file of ['src/lib/format.ts', 'src/client/dom.ts', 'src/node/content-checks/placeholders.ts', 'src/pages/_lib/url.ts', 'src/content.config.ts']) {
      const up = '../'.repeat(file.split('/').length - 1);
      await expectOne(file, use(`${up}scripts/new-report/skeleton.ts`), 'no-restricted-imports', 'src/ must not import scripts/');
    }
    await expectOne('src/node/paths.ts', useDynamic('../../scripts/publish/publish.ts'), 'no-restricted-syntax', 'src/ must not import scripts/');
  });
});

describe('pages, components and layouts never read the warehouse', () => {
  it('no DuckDB in their frontmatter or helpers, no scripts/', async () => {
    const page = `---\nimport { DuckDBInstance } from '@duckdb/node-api';\nconst db = await DuckDBInstance.create(':memory:');\n---\n<p>{String(db)}</p>\n`;
    await expectOne('src/pages/probe.astro', page, 'no-restricted-imports', 'pages, components and layouts must not open DuckDB');
    await expectOne('src/pages/_lib/url.ts', use('@duckdb/node-api'), 'no-restricted-imports', 'must not open DuckDB');
    const layout = `---\nimport { x } from '../../scripts/warehouse/warehouse-status.ts';\n---\n<p>{x}</p>\n`;
    await expectOne('src/layouts/Probe.astro', layout, 'no-restricted-imports', 'src/ must not import scripts/');
  });

  it('they go through src/node/', async () => {
    const page = `---\nimport { openPublished } from '../node/published-data.ts';\nconst data = await openPublished('2024-q3');\n---\n<p>{data.quarter}</p>\n`;
    expect(await lint('src/pages/probe.astro', page)).toEqual([]);
  });
});

describe('scripts/ may import src/lib/ but not src/client/', () => {
  it('fires on src/client/ only', async () => {
    await expectOne('scripts/common/progress.ts', use('../../src/client/sql-guard.ts'), 'no-restricted-imports', 'scripts/ must not import src/client/');
    await expectOne('scripts/ingest.ts', useType('../src/client/query-runner.ts'), 'no-restricted-imports', 'must not import src/client/');
    expect(await lint('scripts/common/progress.ts', use('../../src/lib/quarters.ts'))).toEqual([]);
  });
});

describe('bug checks', () => {
  it('an unused import or variable', async () => {
    await expectOne('src/lib/format.ts', `import { isQuarter } from './quarters.ts';\nexport const a = 1;\n`, '@typescript-eslint/no-unused-vars', "'isQuarter' is defined but never used");
    await expectOne('src/components/Probe.astro', `---\nimport Figure from './Figure.astro';\n---\n<p>x</p>\n`, '@typescript-eslint/no-unused-vars', "'Figure' is defined but never used");
  });

  it('a floating promise (type-aware)', async () => {
    const code = `async function work(): Promise<void> {}\nexport function start(): void {\n  work();\n}\n`;
    await expectOne('src/node/deploy-env.ts', code, '@typescript-eslint/no-floating-promises', 'Promises must be awaited');
    expect(await lint('src/node/deploy-env.ts', code.replace('  work();', '  void work();'))).toEqual([]);
  });
});
