-- new-projects: projects new to the tracked set (first counted commit) in any quarter
-- of the folder up to $1, with their first quarter's figures and their figures in $1.
--
-- Why: a project new last quarter is still news this one, so callers choose how far
-- back to list; the figures in $1 say whether it took off, unless its history stops
-- before (tracked_until, cast to text so both engines return 'YYYY-MM-DD'): then its
-- zeros are tracking, not a project that died. Ranked within each first quarter as the
-- engine ranked them (contributors, then commits, then name), so both engines list
-- ties the same way.
SELECT n.quarter AS first_quarter, n.seq AS first_seq, n.repo, n.category_id,
  c.name AS category_name, c.colour,
  n.commits AS first_commits, n.contributors AS first_contributors, n.newcomers AS first_newcomers,
  n.rank,
  coalesce(s.commits, 0) AS commits,
  coalesce(s.contributors, 0) AS contributors,
  CAST(r.tracked_until AS VARCHAR) AS tracked_until
FROM new_projects n
JOIN categories c ON c.category_id = n.category_id
LEFT JOIN repos r ON r.repo = n.repo
JOIN quarters cur ON cur.quarter = $1
LEFT JOIN scope_quarters s ON s.scope_type = 'repo' AND s.scope_id = n.repo AND s.quarter = $1
WHERE n.seq <= cur.seq
ORDER BY n.seq DESC, n.rank
