// Where the repository and its published quarters are, found the same way from
// `astro build`, `astro dev`, vitest and scripts whatever the working directory.
import { existsSync, readdirSync } from 'node:fs';
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

/** Quarters with a published folder (one holding manifest.json), oldest first. */
export function publishedQuarters(): string[] {
  const root = publishedRoot();
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
