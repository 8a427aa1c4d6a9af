-- change_holders: every commit of every tracked history with its change (changes.sql)
-- and what commit_provenance judges it by: merge or not, subject, commit time, and the
-- registry upstream of its repository (missing when the dataset lacks the upstream).
--
-- Why a table and not a CTE of commit_provenance: that query reads the holders four
-- times, and a CTE read more than once is kept in memory; a table is on disk and read
-- through the buffer manager, so the build stays within its memory cap at 10x the data.
SELECT
  c.sha, c.repo, ch.change_id, c.parent_count >= 2 AS is_merge, c.subject,
  coalesce(try_cast(c.committer_date AS TIMESTAMPTZ), c.ts) AS committed_at,
  r.upstream,
  r.upstream IS NOT NULL AND NOT coalesce((SELECT ur.ingested FROM registry_repos ur WHERE ur.repo = r.upstream), false) AS upstream_missing
FROM raw_commits c
JOIN changes ch ON ch.sha = c.sha AND ch.repo = c.repo
JOIN registry_repos r ON r.repo = c.repo
