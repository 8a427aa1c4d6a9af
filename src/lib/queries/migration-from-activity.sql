-- migration-from-activity: category migration into quarter $1 recomputed from the
-- pseudonymous activity table, counting only people with at least $2 commits in each
-- of the two quarters. With $2 = 1 it equals migration-matrix (tested).
--
-- Why:
-- * Primary category = largest commit credit that quarter; ties go to the category
--   listed first (sort_order), then the smaller id: the rule the published table uses.
-- * Credits are summed from per-repo credits (already rounded to 1e-9) and rounded
--   again, so float noise cannot break a tie.
-- * The threshold is on a person's commits in the quarter, not per category: a
--   newcomer with one commit does not migrate, a regular who moves does.
-- * Needs the quarter before $1, so it is empty for a folder's first quarter.
-- * activity is read with two equality filters on quarter (the previous quarter is
--   computed from $1's text, not joined), so the browser's Parquet reader skips every
--   other quarter's row groups instead of fetching the whole file.
WITH quarter_pair AS (
  SELECT cur.quarter AS cur_quarter, prev.quarter AS prev_quarter
  FROM quarters cur
  JOIN quarters prev ON prev.seq = cur.seq - 1
  WHERE cur.quarter = $1
),
person_category AS (
  SELECT a.person, a.quarter, a.category_id,
    round(sum(a.credit), 9) AS credit,
    sum(a.commits) AS commits
  FROM (
    SELECT * FROM activity WHERE quarter = $1
    UNION ALL
    SELECT * FROM activity
    WHERE quarter = CASE WHEN substr($1, 7, 1) = '1'
                         THEN CAST(CAST(substr($1, 1, 4) AS INTEGER) - 1 AS VARCHAR) || '-q4'
                         ELSE substr($1, 1, 6) || CAST(CAST(substr($1, 7, 1) AS INTEGER) - 1 AS VARCHAR) END
  ) a
  GROUP BY a.person, a.quarter, a.category_id
),
eligible AS (
  SELECT person, quarter
  FROM person_category
  GROUP BY person, quarter
  HAVING sum(commits) >= $2
),
primary_category AS (
  SELECT pc.person, pc.quarter, pc.category_id
  FROM person_category pc
  JOIN eligible e ON e.person = pc.person AND e.quarter = pc.quarter
  LEFT JOIN categories c ON c.category_id = pc.category_id
  QUALIFY row_number() OVER (
    PARTITION BY pc.person, pc.quarter
    ORDER BY pc.credit DESC, c.sort_order NULLS LAST, pc.category_id
  ) = 1
)
SELECT prev.category_id AS from_category, cur.category_id AS to_category, count(*)::INTEGER AS people
FROM quarter_pair p
JOIN primary_category prev ON prev.quarter = p.prev_quarter
JOIN primary_category cur ON cur.quarter = p.cur_quarter AND cur.person = prev.person
GROUP BY prev.category_id, cur.category_id
ORDER BY people DESC, from_category, to_category
