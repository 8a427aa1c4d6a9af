// The explore console's example queries. Each reads only the published tables and
// names the folder's own quarter as `(SELECT max(quarter) FROM quarters)`, so one text
// works for every quarter; a test runs each on DuckDB-WASM 1.28 (DuckDB 0.9.1).

export interface ExampleQuery {
  label: string;
  sql: string;
}

const THIS_QUARTER = '(SELECT max(quarter) FROM quarters)';

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    label: 'Categories by contributors',
    sql: `-- Contributors, commits and active repositories per category this quarter
SELECT c.name AS category, s.contributors, s.commits, s.active_repos
FROM scope_quarters s
JOIN categories c ON c.category_id = s.scope_id
WHERE s.scope_type = 'category'
  AND s.quarter = ${THIS_QUARTER}
ORDER BY s.contributors DESC`,
  },
  {
    label: 'Churn by category',
    sql: `-- Of the people active last quarter, how many came back (retained) and how many did not
SELECT c.name AS category, s.contributors_prev, s.retained, s.churned,
  round(100 * s.churn_rate, 1) AS churn_pct
FROM scope_quarters s
JOIN categories c ON c.category_id = s.scope_id
WHERE s.scope_type = 'category'
  AND s.quarter = ${THIS_QUARTER}
ORDER BY s.churn_rate DESC NULLS LAST`,
  },
  {
    label: 'Overlap, 3+ commits',
    sql: `-- People with at least 3 commits in each of two categories this quarter
-- (counts are published for 1, 2, 3, 5, 10, 20 and 50 commits; above 1, pairs of
-- fewer than 3 people are left out)
SELECT a.name AS category_a, b.name AS category_b, o.people
FROM category_overlap_thresholds o
JOIN categories a ON a.category_id = o.category_a
JOIN categories b ON b.category_id = o.category_b
WHERE o.quarter = ${THIS_QUARTER}
  AND o.min_commits = 3
ORDER BY o.people DESC, category_a, category_b`,
  },
  {
    label: 'Nine quarters of the whole set',
    sql: `-- Commits, contributors and newcomers to the tracked set, quarter by quarter
SELECT quarter, partial, commits, contributors, new_to_ecosystem
FROM scope_quarters
WHERE scope_type = 'all'
ORDER BY seq`,
  },
  {
    label: 'Organizations',
    sql: `-- Share of commit credit by organization this quarter (Unknown: webmail and noreply)
SELECT organization, round(credit, 1) AS credit, round(100 * share, 1) AS share_pct
FROM company_share
WHERE scope_type = 'all'
  AND quarter = ${THIS_QUARTER}
ORDER BY rank
LIMIT 15`,
  },
];
