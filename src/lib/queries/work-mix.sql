-- work-mix: the kinds of work (feature, fix, perf, test, docs, ci) of one scope ($1 =
-- 'all' | 'category' | 'repo', $2 its id) over every quarter of the folder, as shares
-- of the scope's human commits.
--
-- Why: a kind with no commit in a quarter has no published row; every quarter and kind
-- is listed here (0 commits, share 0) so stacks and small multiples line up, except
-- quarters where the scope had no human commit at all (no whole to share: NULL).
-- Kinds come in a fixed reading order (new work first, upkeep last), not by size, so a
-- shift reads as a band growing or shrinking in place.
WITH kinds AS (
  SELECT * FROM (VALUES ('feature', 1), ('fix', 2), ('perf', 3), ('test', 4), ('docs', 5), ('ci', 6)) AS k(work_kind, kind_order)
),
totals AS (
  SELECT quarter, sum(commits) AS total
  FROM work_composition
  WHERE scope_type = $1 AND scope_id = $2
  GROUP BY quarter
)
SELECT q.quarter, q.seq, q.partial, k.work_kind, k.kind_order,
  coalesce(w.commits, 0) AS commits,
  CASE WHEN t.total > 0 THEN coalesce(w.share, 0) END AS share,
  coalesce(t.total, 0) AS total_commits
FROM quarters q
CROSS JOIN kinds k
LEFT JOIN totals t ON t.quarter = q.quarter
LEFT JOIN work_composition w
  ON w.scope_type = $1 AND w.scope_id = $2 AND w.quarter = q.quarter AND w.work_kind = k.work_kind
ORDER BY q.seq, k.kind_order
