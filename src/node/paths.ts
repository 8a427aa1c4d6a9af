// Where the repository and its published quarters are, found the same way from
// `astro build`, `astro dev`, vitest and scripts whatever the working directory.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isQuarter } from '../lib/quarters.ts';

export const PUBLISHED_DIR_ENV = 'DEEP_SIGNAL_PUBLISHED_DIR';

let cachedRoot: string | undefined;

/** The nearest folder up from the working directory with package.json and data/. */
export function repoRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = resolve(process.cwd());
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return (cachedRoot = dir);
    const up = dirname(dir);
    if (up === dir) return (cachedRoot = resolve(process.cwd()));
    dir = up;
  }
}

/** data/published, unless DEEP_SIGNAL_PUBLISHED_DIR points elsewhere (tests use a fixture). */
export function publishedRoot(): string {
  const env = process.env[PUBLISHED_DIR_ENV];
  return env ? resolve(repoRoot(), env) : join(repoRoot(), 'data', 'published');
}

export function quarterFolder(quarter: string): string {
  return join(publishedRoot(), quarter);
}

/**
 * The published quarters an article pinned to `asOf` may show: those first published
 * on or before that date (a restatement keeps a folder's first date). All when unpinned.
 */
export function publishedQuartersAsOf(asOf: string | undefined): string[] {
  const all = publishedQuarters();
  if (asOf === undefined) return all;
  return all.filter((q) => {
    const m = JSON.parse(readFileSync(join(quarterFolder(q), 'manifest.json'), 'utf8')) as { published: string };
    return m.published <= asOf;
  });
}

/** Quarters with a published folder (one holding manifest.json), oldest first. */
export function publishedQuarters(): string[] {
  return publishedQuartersIn(publishedRoot());
}

/** Quarters with a published folder (one holding manifest.json) under `root`, oldest first. */
export function publishedQuartersIn(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isQuarter(d.name) && existsSync(join(root, d.name, 'manifest.json')))
    .map((d) => d.name)
    .sort();
}

/** Repo-relative path with forward slashes, for messages that name a file. */
export function repoRelative(file: string): string {
  const rel = relative(repoRoot(), file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}
