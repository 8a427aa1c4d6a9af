// What the search page shows for a query: the first results of the static index with
// their title, kind (article, project, category) and excerpt. Pure over an engine with
// Pagefind's shape, so it runs the same in the browser and in a test.

export interface SearchEngine {
  search(q: string): Promise<{ results: { data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined> }> }[] }>;
}

export interface SearchHit {
  url: string;
  title: string;
  kind: string | null;
  excerpt: string;
}

export async function runSearch(engine: SearchEngine, q: string, limit: number): Promise<SearchHit[]> {
  const { results } = await engine.search(q);
  // Only the shown results' fragments are fetched: each data() is one small file.
  const data = await Promise.all(results.slice(0, limit).map((r) => r.data()));
  return data.map((d) => ({
    url: d.url,
    title: d.meta.title ?? d.url,
    kind: d.meta.type ?? (d.url.includes('/reports/') ? 'Report' : null),
    excerpt: d.excerpt,
  }));
}
