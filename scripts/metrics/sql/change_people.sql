-- change_people: the people behind a quarter's change in contributors and in an overlap
-- between two categories, counted so that the artefact guard (src/lib/explain-inputs.ts)
-- can split the change by repository without any person-level rows. Each row belongs to
-- the quarter Q of the change (from Q-1) and counts people in Q (people) and in Q-1
-- (people_prev):
-- * repo NULL, other_category NULL: the scope's contributors ('all' or a category) over
--   the like-for-like basis of Q's QoQ, i.e. only repositories tracked to Q's end, in
--   both quarters. These are the two counts contributors_qoq compares, which
--   scope_quarters does not publish.
-- * repo set, other_category NULL: of those, the people the scope has only through this
--   repository (their one repository of the scope, over the same basis).
-- * repo set, other_category set: people active in both scope_id (the repository's
--   category) and other_category whose one repository in scope_id is this one; no basis,
--   like category_overlap.
--
-- Why:
-- * People do not add up over repositories: a change in contributors or in an overlap
--   has no per-repository parts. "The people the scope has only through this
--   repository" is what the scope would lose without it, so it is the repository's part.
-- * The basis is Q's for both quarters (as scope_quarters' QoQ): a history that stops in
--   Q-1 or Q leaves both sides instead of reading as people leaving.
-- * Small cells: a count per repository is already public (top_projects), but a count of
--   1 or 2 per repository and other category says that one nameable person of that
--   repository also works in that category. Such a cell is left empty (NULL) and a row
--   whose two cells are both under 3 is left out, as the chord does above threshold 1
--   (SMALL_CELL_MIN_PEOPLE in src/lib/chord-thresholds.ts; a test keeps the two equal):
--   an empty or missing overlap cell means 0 to 2 people, a missing contributor row 0.
--   The guard reads an empty cell as unknown and speaks only when no unknown cell could
--   change its answer.
-- * People come from commit_credits, as in scope_quarters and category_overlap, so the
--   totals equal what contributors_qoq compares and one side's overlap cells add up to
--   no more than category_overlap's pair (both tested); bogus dates have quarter NULL
--   and are left out.
WITH credited AS (
  SELECT DISTINCT cc.person_id, cc.repo, cc.category_id, q.seq
  FROM commit_credits cc
  JOIN quarters q USING (quarter)
  WHERE cc.quarter IS NOT NULL
),
-- Each quarter's people ('cur') and the quarter before's (shifted onto Q), kept only in
-- repositories tracked to Q's end; tracking never resumes, so they were observed in Q-1.
basis AS (
  SELECT s.*
  FROM (
    SELECT person_id, repo, category_id, seq, true AS cur FROM credited
    UNION ALL
    SELECT person_id, repo, category_id, seq + 1, false FROM credited
  ) s
  JOIN quarters q ON q.seq = s.seq
  LEFT JOIN repos r ON r.repo = s.repo
  WHERE r.tracked_until IS NULL OR r.tracked_until::TIMESTAMP + INTERVAL 1 DAY >= q.end_ts
),
-- A person's repositories in a scope: one means the scope has them only through it.
person_scope AS (
  SELECT seq, cur, 'category' AS scope_type, category_id AS scope_id, person_id,
    count(*) AS repos, min(repo) AS repo
  FROM basis
  GROUP BY seq, cur, category_id, person_id
  UNION ALL
  SELECT seq, cur, 'all', 'all', person_id, count(*), min(repo)
  FROM basis
  GROUP BY seq, cur, person_id
),
contributor_rows AS (
  SELECT seq, scope_type, scope_id, NULL AS other_category, NULL AS repo,
    count(*) FILTER (WHERE cur) AS people,
    count(*) FILTER (WHERE NOT cur) AS people_prev
  FROM person_scope
  GROUP BY seq, scope_type, scope_id
  UNION ALL
  SELECT seq, scope_type, scope_id, NULL, repo,
    count(*) FILTER (WHERE cur),
    count(*) FILTER (WHERE NOT cur)
  FROM person_scope
  WHERE repos = 1
  GROUP BY seq, scope_type, scope_id, repo
),
-- Overlap counts every repository of the quarter, as category_overlap does.
person_category AS (
  SELECT seq, category_id, person_id, count(*) AS repos, min(repo) AS repo
  FROM credited
  GROUP BY ALL
),
through AS (
  SELECT x.seq, x.category_id AS scope_id, y.category_id AS other_category, x.repo,
    count(*) AS people
  FROM person_category x
  JOIN person_category y
    ON x.person_id = y.person_id AND x.seq = y.seq AND x.category_id <> y.category_id
  WHERE x.repos = 1
  GROUP BY ALL
),
overlap_rows AS (
  SELECT s.seq, 'category' AS scope_type, s.scope_id, s.other_category, s.repo,
    sum(s.people) AS people, sum(s.people_prev) AS people_prev
  FROM (
    SELECT seq, scope_id, other_category, repo, people, 0 AS people_prev FROM through
    UNION ALL
    SELECT seq + 1, scope_id, other_category, repo, 0, people FROM through
  ) s
  JOIN quarters q ON q.seq = s.seq
  GROUP BY ALL
  HAVING sum(s.people) >= 3 OR sum(s.people_prev) >= 3
)
SELECT q.quarter, r.scope_type, r.scope_id, r.other_category::VARCHAR AS other_category,
  r.repo::VARCHAR AS repo, r.people::INTEGER AS people, r.people_prev::INTEGER AS people_prev
FROM contributor_rows r
JOIN quarters q USING (seq)
UNION ALL
SELECT q.quarter, o.scope_type, o.scope_id, o.other_category, o.repo,
  CASE WHEN o.people >= 3 THEN o.people END::INTEGER,
  CASE WHEN o.people_prev >= 3 THEN o.people_prev END::INTEGER
FROM overlap_rows o
JOIN quarters q USING (seq)
ORDER BY quarter, scope_type, scope_id, other_category NULLS FIRST, repo NULLS FIRST
