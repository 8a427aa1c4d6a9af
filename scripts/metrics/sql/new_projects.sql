-- new_projects: projects new to the tracked set, one row per repository in the quarter
-- its counted history starts (repos.first_quarter): what the project did in that first
-- quarter, and how many of its people were new to the whole tracked set then.
--
-- Why:
-- * "New to the tracked set" is the first counted commit, not the registry date or the
--   repository's creation: a history moved or imported elsewhere under new SHAs stays
--   with its original (provenance), so a move is not a new project, and a project
--   tracked long after it began is new in the quarter it began.
-- * Figures come from scope_quarters' repository rows so they match top_projects. The
--   first quarter is that of the first dated commit of any kind (repos.first_quarter),
--   so a project that starts with a bot's commit or a merge is listed with what humans
--   did in that quarter, possibly nothing.
-- * newcomers counts the project's contributors whose first credit anywhere in the
--   tracked set is in that quarter: people the project brought in, not people it took
--   from other projects. Per-repository counts are not suppressed (top_projects already
--   publishes contributors per repository); bogus dates (quarter NULL) are left out.
WITH first_seen AS (
  SELECT person_id, min(q.seq) AS first_seq
  FROM commit_credits cc
  JOIN quarters q USING (quarter)
  WHERE cc.quarter IS NOT NULL
  GROUP BY person_id
),
newcomers AS (
  SELECT cc.repo, count(DISTINCT cc.person_id) AS newcomers
  FROM commit_credits cc
  JOIN repos r ON r.repo = cc.repo AND r.first_quarter = cc.quarter
  JOIN quarters q ON q.quarter = cc.quarter
  JOIN first_seen f ON f.person_id = cc.person_id AND f.first_seq = q.seq
  GROUP BY cc.repo
)
SELECT s.quarter, s.seq, s.scope_id AS repo, s.category_id,
  s.commits, s.contributors,
  coalesce(n.newcomers, 0)::INTEGER AS newcomers,
  row_number() OVER (PARTITION BY s.quarter ORDER BY s.contributors DESC, s.commits DESC, s.scope_id)::INTEGER AS rank
FROM repos r
JOIN scope_quarters s ON s.scope_type = 'repo' AND s.scope_id = r.repo AND s.quarter = r.first_quarter
LEFT JOIN newcomers n ON n.repo = r.repo
ORDER BY s.seq, rank
