-- repos: every tracked repository, including the ones whose history is not
-- available (the report must say which), with the quarter its counted history starts,
-- the registry's note on it (why a history is unavailable, stops early or is dormant),
-- and its first and last counted commit up to the end of the folder's quarter: a
-- folder states nothing that happened after its quarter.
SELECT r.repo, r.category_id, r.status, r.upstream, r.tracked_until, r.ingested, r.first_quarter, r.note,
  CAST(w.first_ts AS DATE) AS first_commit,
  CAST(w.last_ts AS DATE) AS last_commit
FROM repos r
LEFT JOIN (
  SELECT c.repo, min(c.ts) AS first_ts, max(c.ts) AS last_ts
  FROM commits c
  WHERE c.quarter IN (SELECT quarter FROM quarters WHERE seq <= (SELECT max(q.seq) FROM quarters q JOIN publish_window p ON p.quarter = q.quarter))
  GROUP BY c.repo
) w ON w.repo = r.repo
ORDER BY r.category_id, r.repo
