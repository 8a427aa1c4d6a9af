-- category-trend: one figure ($1, e.g. 'contributors') per category over every
-- quarter of the folder (the article's and the eight before it), for small multiples.
--
-- Why: the figure is chosen with CASE over a fixed list rather than by building SQL,
-- so the browser runs exactly this text. Counts before a category's first activity
-- have no scope row and read 0; ratios stay NULL there (no people, no ratio).
-- newcomer_share is new_contributors / contributors, computed here from scope_quarters
-- (equal to scope_newcomers.newcomer_share) so folders published before that table
-- draw it too. A name outside the list yields NULL everywhere: callers check names
-- against TREND_METRICS.
SELECT
  c.category_id,
  c.name,
  c.colour,
  c.sort_order,
  q.quarter,
  q.seq,
  q.partial,
  coalesce(s.observed, true) AS observed,
  CASE $1
    WHEN 'contributors' THEN coalesce(s.contributors, 0)::DOUBLE
    WHEN 'commits' THEN coalesce(s.commits, 0)::DOUBLE
    WHEN 'active_repos' THEN coalesce(s.active_repos, 0)::DOUBLE
    WHEN 'new_contributors' THEN coalesce(s.new_contributors, 0)::DOUBLE
    WHEN 'new_to_ecosystem' THEN coalesce(s.new_to_ecosystem, 0)::DOUBLE
    WHEN 'agent_assisted_commits' THEN coalesce(s.agent_assisted_commits, 0)::DOUBLE
    WHEN 'churn_rate' THEN s.churn_rate
    WHEN 'retention' THEN s.retention
    WHEN 'mean_active_weeks' THEN s.mean_active_weeks
    WHEN 'one_week_share' THEN s.one_week_share
    WHEN 'test_line_share' THEN s.test_line_share
    WHEN 'top_repo_share' THEN s.top_repo_share
    WHEN 'newcomer_share' THEN CASE WHEN s.contributors > 0 THEN s.new_contributors / s.contributors END::DOUBLE
  END AS value
FROM quarters q
CROSS JOIN categories c
LEFT JOIN scope_quarters s
  ON s.scope_type = 'category' AND s.scope_id = c.category_id AND s.quarter = q.quarter
ORDER BY c.sort_order, c.category_id, q.seq
