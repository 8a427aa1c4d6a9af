// Frontmatter: the collection's schema, the file name, and the data it is paired with
// (the quarter must be published, and be the version the article was checked against).
import { reportSchema, type ReportFrontmatter } from '../../lib/content-schema.ts';
import { checkDataVersion } from '../../pages/_lib/manifest.ts';
import { publishedQuarters } from '../paths.ts';
import type { Problem } from './problem.ts';
import { yamlLines } from './yaml-lines.ts';

const EXAMPLE: Record<string, string> = {
  title: 'title: "Deep Signal, Q3 2026: …"',
  quarter: 'quarter: "2026-q3"',
  published: 'published: 2026-10-15',
  author: 'author: { name: "Deep Signal editors", role: "Editor" }',
  summary: 'summary: "One or two sentences on what moved."',
  status: 'status: "draft" (or "published" when it ships)',
  dataVersion: 'dataVersion: the `published` date in data/published/<quarter>/manifest.json',
};

export interface FrontmatterCheck {
  problems: Problem[];
  fm?: ReportFrontmatter;
  /** The article's quarter is published, so its components can be checked against the data. */
  dataReady: boolean;
}

export function checkFrontmatter(file: string, fileQuarter: string, raw: string, data: Record<string, unknown>): FrontmatterCheck {
  const lineOf = yamlLines(raw);
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
        const key = String(path[0] ?? '');
        return {
          file,
          line: lineOf(path) ?? 1,
          message: `frontmatter ${path.join('.') || '(top level)'}: ${issue.message}`,
          hint: EXAMPLE[key] ? `write it like ${EXAMPLE[key]}` : 'see the fields in src/lib/content-schema.ts',
        };
      }),
      dataReady: false,
    };
  }
  const fm = parsed.data;
  const problems: Problem[] = [];
  if (fm.quarter !== fileQuarter) {
    problems.push({
      file,
      line: lineOf(['quarter']),
      message: `frontmatter quarter is "${fm.quarter}" but the file is named ${fileQuarter}.mdx`,
      hint: `the URL is the file name: rename the file to ${fm.quarter}.mdx or set quarter: "${fileQuarter}"`,
    });
    return { problems, fm, dataReady: false };
  }
  if (!publishedQuarters().includes(fm.quarter)) {
    const have = publishedQuarters();
    problems.push({
      file,
      line: lineOf(['quarter']),
      message: `no published data for ${fm.quarter} (${have.length ? `published: ${have.join(', ')}` : 'nothing is published yet'})`,
      hint: `run \`npm run publish-data -- ${fm.quarter}\` (after \`npm run ingest\`), or move the article to a published quarter`,
    });
    return { problems, fm, dataReady: false };
  }
  try {
    checkDataVersion(fm.quarter, fm.dataVersion);
  } catch (e) {
    problems.push({
      file,
      line: lineOf(['dataVersion']),
      message: `dataVersion "${fm.dataVersion}" is not the published data of ${fm.quarter}`,
      hint: (e as Error).message.replace(/^.*?\. /, ''),
    });
  }
  return { problems, fm, dataReady: true };
}
