-- snapshot: one row per category for quarter $1, with the change on the quarter before.
--
-- Why: every category is listed, in the report's reading order, even one with no
-- activity yet (no scope row), so the table's shape does not change between quarters;
-- its counts are 0 and its changes NULL. The quarter's partial flag comes from the
-- quarters table for the same reason. Changes are like-for-like (repositories observed
-- in both quarters); qoq_basis_excludes names what that basis leaves out, so the table
-- can say so beside the change.
SELECT
  c.category_id,
  c.name,
  c.emoji,
  c.colour,
  c.sort_order,
  q.quarter,
  q.partial,
  coalesce(s.observed, true) AS observed,
  coalesce(s.commits, 0) AS commits,
  coalesce(s.contributors, 0) AS contributors,
  coalesce(s.active_repos, 0) AS active_repos,
  coalesce(s.new_contributors, 0) AS new_contributors,
  coalesce(s.commits_prev, 0) AS commits_prev,
  coalesce(s.contributors_prev, 0) AS contributors_prev,
  coalesce(s.active_repos_prev, 0) AS active_repos_prev,
  s.commits_qoq,
  s.contributors_qoq,
  s.active_repos_qoq,
  s.qoq_basis_excludes,
  s.churn_rate,
  s.top_repo,
  s.top_repo_share,
  (SELECT count(*) FROM repos r WHERE r.category_id = c.category_id)::INTEGER AS tracked_repos
FROM categories c
CROSS JOIN (SELECT quarter, partial FROM quarters WHERE quarter = $1) q
LEFT JOIN scope_quarters s
  ON s.scope_type = 'category' AND s.scope_id = c.category_id AND s.quarter = q.quarter
ORDER BY c.sort_order, c.category_id
