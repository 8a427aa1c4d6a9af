// Everything the atlas pages read, loaded once per build from the newest published
// quarter's folder (which holds nine quarters) and indexed by repository and category,
// so ~500 pages share five queries instead of running their own.
import type { AtlasCompanyRow, AtlasRepoOverlapRow, AtlasRepoRow, AtlasSeriesRow, AtlasWorkMixRow } from '../lib/atlas-rows.ts';
import type { CategoryRow, OverlapTrendRow, QuarterRow } from '../lib/query-rows.ts';
import { publishedQuarters } from './paths.ts';
import { openPublished, PublishedDataError } from './published-data.ts';

export interface AtlasData {
  /** The folder's quarter: the newest published. */
  quarter: string;
  quarters: QuarterRow[];
  categories: CategoryRow[];
  repos: AtlasRepoRow[];
  repoSeries: Map<string, AtlasSeriesRow[]>;
  categorySeries: Map<string, AtlasSeriesRow[]>;
  repoWork: Map<string, AtlasWorkMixRow[]>;
  categoryWork: Map<string, AtlasWorkMixRow[]>;
  repoOverlap: Map<string, AtlasRepoOverlapRow[]>;
  companyMix: Map<string, AtlasCompanyRow[]>;
  /** Per repository, small organizations folded (publish/sql/company_share.sql); none in folders published before. */
  repoCompanyMix: Map<string, AtlasCompanyRow[]>;
  overlapTrend: OverlapTrendRow[];
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(r);
  }
  return out;
}

const KEY = Symbol.for('deep-signal.atlas-data');

/** The atlas data of the newest published quarter, once per build (Vite may load this module twice). */
export function atlasData(): Promise<AtlasData> {
  const g = globalThis as unknown as Record<symbol, Promise<AtlasData> | undefined>;
  return (g[KEY] ??= load());
}

async function load(): Promise<AtlasData> {
  const quarter = publishedQuarters().at(-1);
  if (!quarter) throw new PublishedDataError('the atlas needs a published quarter: run `npm run publish-data -- <quarter>` first');
  const data = await openPublished(quarter);
  const [quarters, categories, repos, repoSeries, categorySeries, repoWork, categoryWork, repoOverlap, companyMix, repoCompanyMix, overlapTrend] = await Promise.all([
    data.query('quarters', {}),
    data.query('categories', {}),
    data.query('atlas-repos', {}),
    data.query('atlas-scope-series', { scopeType: 'repo' }),
    data.query('atlas-scope-series', { scopeType: 'category' }),
    data.query('atlas-work-mix', { scopeType: 'repo' }),
    data.query('atlas-work-mix', { scopeType: 'category' }),
    data.query('atlas-repo-overlap', {}),
    data.query('atlas-company-mix', { scopeType: 'category' }),
    data.query('atlas-company-mix', { scopeType: 'repo' }),
    data.query('overlap-trend', {}),
  ]);
  return {
    quarter,
    quarters,
    categories,
    repos,
    repoSeries: groupBy(repoSeries, (r) => r.scope_id),
    categorySeries: groupBy(categorySeries, (r) => r.scope_id),
    repoWork: groupBy(repoWork, (r) => r.scope_id),
    categoryWork: groupBy(categoryWork, (r) => r.scope_id),
    repoOverlap: groupBy(repoOverlap, (r) => r.repo),
    companyMix: groupBy(companyMix, (r) => r.scope_id),
    repoCompanyMix: groupBy(repoCompanyMix, (r) => r.scope_id),
    overlapTrend,
  };
}
