-- atlas-work-mix: the kinds of work of every scope of one type ($1 = 'repo' |
-- 'category') over every quarter of the folder, shaped like work-mix's rows (plus
-- scope_id) so the same markup draws them.
--
-- Why the cross join: as in work-mix, every quarter and kind is listed (0 commits, share
-- 0) so stacks line up, and a quarter where the scope had no human commit has share
-- NULL. One query for all scopes keeps the build to one scan for ~490 pages.
WITH kinds AS (
  SELECT * FROM (VALUES ('feature', 1), ('fix', 2), ('perf', 3), ('test', 4), ('docs', 5), ('ci', 6)) AS k(work_kind, kind_order)
),
scopes AS (
  SELECT DISTINCT scope_id FROM work_composition WHERE scope_type = $1
),
totals AS (
  SELECT scope_id, quarter, sum(commits) AS total
  FROM work_composition
  WHERE scope_type = $1
  GROUP BY scope_id, quarter
)
SELECT s.scope_id, q.quarter, q.seq, q.partial, k.work_kind, k.kind_order,
  coalesce(w.commits, 0) AS commits,
  CASE WHEN t.total > 0 THEN coalesce(w.share, 0) END AS share,
  coalesce(t.total, 0) AS total_commits
FROM scopes s
CROSS JOIN quarters q
CROSS JOIN kinds k
LEFT JOIN totals t ON t.scope_id = s.scope_id AND t.quarter = q.quarter
LEFT JOIN work_composition w
  ON w.scope_type = $1 AND w.scope_id = s.scope_id AND w.quarter = q.quarter AND w.work_kind = k.work_kind
ORDER BY s.scope_id, q.seq, k.kind_order
