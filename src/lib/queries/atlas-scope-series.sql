-- atlas-scope-series: every scope of one type ($1 = 'repo' | 'category') in every quarter
-- of the folder where it had a row, with the figures an atlas page draws as trends:
-- activity, lifecycle, core team, test share, concentration, newcomer share and (for a
-- repository) its rank by contributors in its category.
--
-- Why one query for all scopes: ~490 pages share it (memoised per build) instead of
-- running one query each. A quarter without a row had no activity there; the page says
-- so rather than invent a zero. Core team sizes of 1 or 2 are NULL as published.
SELECT
  s.scope_id,
  s.category_id,
  s.quarter,
  s.seq,
  s.partial,
  s.observed,
  s.commits,
  s.contributors,
  s.active_repos,
  s.new_contributors,
  s.new_to_ecosystem,
  s.retained,
  s.reactivated,
  s.churned,
  s.churn_rate,
  s.retention,
  s.mean_active_weeks,
  s.test_line_share,
  s.commits_qoq,
  s.contributors_qoq,
  s.top_repo,
  s.top_repo_share,
  c.core_50,
  c.core_80,
  n.newcomer_share,
  t.rank_in_category
FROM scope_quarters s
LEFT JOIN core_team c ON c.scope_type = s.scope_type AND c.scope_id = s.scope_id AND c.quarter = s.quarter
LEFT JOIN scope_newcomers n ON n.scope_type = s.scope_type AND n.scope_id = s.scope_id AND n.quarter = s.quarter
LEFT JOIN top_projects t ON s.scope_type = 'repo' AND t.repo = s.scope_id AND t.quarter = s.quarter
WHERE s.scope_type = $1
ORDER BY s.scope_id, s.seq
