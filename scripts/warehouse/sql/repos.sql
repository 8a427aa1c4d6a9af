-- repos: the registry with what the warehouse learned about each repository:
-- when its counted history starts (projects new to the tracked set are those
-- whose first counted commit falls in the quarter).
SELECT
  r.repo,
  r.category_id,
  r.status,
  r.upstream,
  r.tracked_until,
  r.ingested,
  r.note,
  f.first_ts,
  q.quarter AS first_quarter,
  coalesce(f.commits, 0)::INTEGER AS commits
FROM registry_repos r
LEFT JOIN (
  SELECT repo, min(ts) AS first_ts, count(*) AS commits FROM commits WHERE quarter IS NOT NULL GROUP BY repo
) f ON f.repo = r.repo
LEFT JOIN quarters q ON f.first_ts >= q.start_ts AND f.first_ts < q.end_ts
ORDER BY r.repo
