-- atlas-repos: every tracked repository with what its atlas page states about it: its
-- category, availability, the repository it is a fork or mirror of, its first counted
-- quarter and the last quarter of the folder in which it had a commit.
--
-- Why last_active_quarter is read from scope_quarters: the registry gives no last
-- commit, and a repository's row exists only in quarters with activity, so the newest
-- such row is the last quarter with a commit within the folder's nine quarters (NULL:
-- none in the window, or never ingested). Dates are text so both engines agree. The
-- note is the registry's: why a history is unavailable, stops early or is dormant.
SELECT
  r.repo,
  r.category_id,
  r.status,
  r.ingested,
  r.upstream,
  r.first_quarter,
  CAST(r.tracked_until AS VARCHAR) AS tracked_until,
  lq.quarter AS last_active_quarter,
  r.note,
  CAST(r.first_commit AS VARCHAR) AS first_commit,
  CAST(r.last_commit AS VARCHAR) AS last_commit
FROM repos r
LEFT JOIN (
  SELECT scope_id, max(seq) AS seq
  FROM scope_quarters
  WHERE scope_type = 'repo' AND commits > 0
  GROUP BY scope_id
) la ON la.scope_id = r.repo
LEFT JOIN quarters lq ON lq.seq = la.seq
ORDER BY r.repo
