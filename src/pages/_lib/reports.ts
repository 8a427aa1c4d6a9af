import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { includeDraftsFromEnv, isVisible } from './visibility.ts';

export type Report = CollectionEntry<'reports'>;

export function draftsIncluded(): boolean {
  return import.meta.env.DEV || includeDraftsFromEnv(process.env);
}

/** Newest quarter first; two articles for one quarter would share a URL, so that fails. */
export async function visibleReports(): Promise<Report[]> {
  const includeDrafts = draftsIncluded();
  const all = await getCollection('reports', (e) => isVisible(e.data.status, { dev: import.meta.env.DEV, includeDrafts }));
  for (const e of all) {
    if (e.id !== e.data.quarter) {
      throw new Error(`content/reports/${e.id}.mdx says quarter "${e.data.quarter}": name the file ${e.data.quarter}.mdx (the URL is the file name)`);
    }
  }
  return all.sort((a, b) => b.data.quarter.localeCompare(a.data.quarter));
}

/** What feeds and sitemaps may announce: never a draft, even in a preview build. */
export async function publishedReports(): Promise<Report[]> {
  return (await visibleReports()).filter((e) => e.data.status === 'published');
}

/**
 * When the article of a quarter was published (YYYY-MM-DD), draft or not: the date its
 * predictions were written, as far as the content says (src/lib/predictions.ts).
 */
export async function articlePublishedOn(quarter: string): Promise<string | undefined> {
  const entry = await getEntry('reports', quarter);
  return entry ? entry.data.published.toISOString().slice(0, 10) : undefined;
}
