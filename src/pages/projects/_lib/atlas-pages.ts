// What every atlas page needs beyond the published data: which articles mention each
// project and category (read from the articles' source once per build) and the
// articles' titles, so a page links to each.
import { atlasData, type AtlasData } from '../../../node/atlas-data.ts';
import { findMentions, type Mentions } from '../../../lib/atlas-mentions.ts';
import { visibleReports } from '../../_lib/reports.ts';

export interface ArticleRef {
  quarter: string;
  title: string;
}

export interface AtlasContext {
  data: AtlasData;
  mentions: Mentions;
  articles: Map<string, ArticleRef>;
}

const KEY = Symbol.for('deep-signal.atlas-context');

export function atlasContext(): Promise<AtlasContext> {
  const g = globalThis as unknown as Record<symbol, Promise<AtlasContext> | undefined>;
  return (g[KEY] ??= load());
}

async function load(): Promise<AtlasContext> {
  const [data, reports] = await Promise.all([atlasData(), visibleReports()]);
  const sources = reports.map((r) => ({ quarter: r.data.quarter, title: r.data.title, body: r.body ?? '' }));
  return {
    data,
    mentions: findMentions(sources, data.repos.map((r) => r.repo), data.categories),
    articles: new Map(sources.map((s) => [s.quarter, { quarter: s.quarter, title: s.title }])),
  };
}
