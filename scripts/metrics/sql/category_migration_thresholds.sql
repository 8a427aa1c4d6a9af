-- category_migration_thresholds: category_migration at each commit threshold the
-- talent chord's slider offers (src/lib/chord-thresholds.ts): people with at least
-- min_commits commits in Q-1 and at least min_commits in Q (all categories together),
-- by primary category in Q-1 (from_category) and in Q (to_category), reported under Q.
-- Stayers (from = to) are kept so totals and net flows can be read.
--
-- Why:
-- * It replaces the published per-person activity table, which anyone could map back
--   to names by rerunning the open engine: the browser gets the counts, never the people.
-- * The threshold is on a person's commits in each quarter, not per category: a
--   newcomer with one commit does not migrate, a regular who moves does. It filters
--   people, not categories: the primary category is still the largest credit over all
--   of a person's categories.
-- * Primary category, ties and credit rounding are category_migration's, computed the
--   same way from commit_credits, so threshold 1 equals it row for row (tested).
-- * Small cells: above threshold 1 a flow of fewer than 3 people has no row (also
--   stayers). A high threshold picks out a few heavy committers, and a flow of 1 or 2
--   of them tells a reader where a nameable person moved; threshold 1 keeps every flow,
--   since it is category_migration itself (published from the start, and the chord's
--   default view must not change). Suppressed flows count in no total.
-- * Bogus dates have quarter NULL; they are left out of every figure.
WITH thresholds AS (
  SELECT unnest([1, 2, 3, 5, 10, 20, 50]) AS min_commits
),
person_category AS (
  SELECT cc.person_id, q.seq, q.quarter, cc.category_id,
    credit_nanos(cc.weight) AS credit, count(*) AS commits
  FROM commit_credits cc
  JOIN quarters q USING (quarter)
  WHERE cc.quarter IS NOT NULL
  GROUP BY ALL
),
primary_category AS (
  SELECT pc.person_id, pc.seq, pc.quarter, pc.category_id,
    sum(pc.commits) OVER (PARTITION BY pc.person_id, pc.seq) AS commits
  FROM person_category pc
  LEFT JOIN categories c USING (category_id)
  QUALIFY row_number() OVER (
    PARTITION BY pc.person_id, pc.seq
    ORDER BY pc.credit DESC, c.sort_order NULLS LAST, pc.category_id
  ) = 1
),
moves AS (
  SELECT cur.quarter, prev.category_id AS from_category, cur.category_id AS to_category,
    least(prev.commits, cur.commits) AS commits
  FROM primary_category prev
  JOIN primary_category cur ON cur.person_id = prev.person_id AND cur.seq = prev.seq + 1
)
SELECT m.quarter, t.min_commits::INTEGER AS min_commits, m.from_category, m.to_category,
  count(*)::INTEGER AS people
FROM moves m
JOIN thresholds t ON m.commits >= t.min_commits
GROUP BY ALL
HAVING t.min_commits = 1 OR count(*) >= 3
ORDER BY m.quarter, min_commits, m.from_category, m.to_category
