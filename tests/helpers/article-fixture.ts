// An article for the content checks, written into a throwaway content folder beside a link
// to src/ (the article imports its components from ../../src/components/), and the build's
// run of the same checks. Used by the tests that check claims and artefacts against the
// published fixture.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { contentChecks } from '../../src/node/content-checks-integration.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ArticleFixture {
  /** The frontmatter (a published 2024-q3 article) and the component imports, before the body. */
  head: string[];
  /**
   * Writes content/reports/2024-q3.mdx with `body` in a new folder; returns its content dir.
   * `frontmatter` replaces the summary and adds lines (claims) before the closing ---.
   */
  write(body: readonly string[], frontmatter?: { summary?: string; extra?: readonly string[] }): string;
  /** 1-based line in the article of the body line that contains `needle`. */
  lineOf(body: readonly string[], needle: string): number;
}

/** Call at the top of a test file: the folders are removed after its tests. */
export function useArticleFixture(prefix: string, components: readonly string[]): ArticleFixture {
  const head = [
    '---',
    'title: "Q3 2024"',
    'quarter: "2024-q3"',
    'published: 2024-10-06',
    'author: { name: "Editors", role: "Editor" }',
    'summary: "What moved."',
    'status: "published"',
    'dataVersion: "2024-10-06"',
    '---',
    '',
    ...components.map((c) => `import ${c} from '../../src/components/${c}.astro';`),
    '',
  ];
  let dir: string | undefined;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    head,
    write(body, frontmatter) {
      dir ??= mkdtempSync(join(tmpdir(), prefix));
      const content = mkdtempSync(join(dir, 'content-'));
      const root = join(content, 'content');
      mkdirSync(join(root, 'reports'), { recursive: true });
      symlinkSync(join(ROOT, 'src'), join(content, 'src'));
      const close = head.indexOf('---', 1);
      const top = head.slice(0, close).map((l) => (frontmatter?.summary !== undefined && l.startsWith('summary:') ? `summary: ${JSON.stringify(frontmatter.summary)}` : l));
      writeFileSync(join(root, 'reports', '2024-q3.mdx'), [...top, ...(frontmatter?.extra ?? []), ...head.slice(close), ...body, ''].join('\n'));
      return root;
    },
    lineOf: (body, needle) => head.length + body.findIndex((l) => l.includes(needle)) + 1,
  };
}

/** The content checks as `astro build` runs them, with `warn` as the logger's warn. */
export function buildStart(contentDir: string, warn: (message: string) => void = () => {}): Promise<void> {
  const hook = contentChecks({ contentDir }).hooks['astro:build:start'] as (o: unknown) => Promise<void>;
  const logger = { info: () => {}, warn, error: () => {}, debug: () => {} };
  return hook({ logger, setPrerenderer: () => {} });
}

/** The message the build stops with, or '' when it goes on. */
export function buildError(contentDir: string): Promise<string> {
  return buildStart(contentDir).then(
    () => '',
    (e: Error) => e.message,
  );
}
