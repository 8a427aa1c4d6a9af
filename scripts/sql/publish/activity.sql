-- activity: pseudonymous person × repository × quarter activity, so the browser can
-- recompute overlap and migration with its own thresholds. The warehouse person id
-- follows the sort order of identities (it could hint at a name), so it is replaced
-- by the rank of a hash salted with the published quarter: stable within this
-- folder, meaningless outside it, never a name or an address.
SELECT
  CAST(dense_rank() OVER (ORDER BY md5(CAST(a.person_id AS VARCHAR) || '/' || w.salt)) AS INTEGER) AS person,
  a.repo,
  a.category_id,
  a.quarter,
  a.credit,
  a.commits,
  a.weeks
FROM person_activity a
JOIN publish_window w ON w.quarter = a.quarter
ORDER BY a.quarter, a.category_id, a.repo, person
