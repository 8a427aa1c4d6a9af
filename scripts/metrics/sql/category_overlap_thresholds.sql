-- category_overlap_thresholds: category_overlap at each commit threshold the talent
-- chord's slider offers (src/lib/chord-thresholds.ts): people with at least
-- min_commits commits in each of two categories in the same quarter. Each pair appears
-- once, category_a < category_b (by id).
--
-- Why:
-- * It replaces the published per-person activity table, which anyone could map back
--   to names by rerunning the open engine: the browser gets the counts, never the people.
-- * The thresholds are fixed (1, 2, 3, 5, 10, 20, 50) because a table with every
--   threshold would again describe single people; keep the list equal to
--   CHORD_THRESHOLDS (a test does).
-- * A person counts in a category with at least min_commits commits there (summed over
--   its repositories): one commit in each of two repos of a category is two commits in it.
-- * Small cells: above threshold 1 a pair with fewer than 3 people has no row. A high
--   threshold picks out a category's heaviest committers, few and easy to name from the
--   public histories, so a count of 1 or 2 points at them; threshold 1 keeps every
--   pair, since it is category_overlap itself (published from the start, and the chord's
--   default view must not change).
-- * People come from commit_credits as in category_overlap, so threshold 1 equals it
--   row for row (tested); bogus dates have quarter NULL and are left out.
WITH thresholds AS (
  SELECT unnest([1, 2, 3, 5, 10, 20, 50]) AS min_commits
),
person_category AS (
  SELECT person_id, quarter, category_id, count(*) AS commits
  FROM commit_credits
  WHERE quarter IS NOT NULL
  GROUP BY ALL
),
pairs AS (
  SELECT a.quarter, a.category_id AS category_a, b.category_id AS category_b,
    least(a.commits, b.commits) AS commits
  FROM person_category a
  JOIN person_category b
    ON a.person_id = b.person_id AND a.quarter = b.quarter AND a.category_id < b.category_id
)
SELECT p.quarter, t.min_commits::INTEGER AS min_commits, p.category_a, p.category_b,
  count(*)::INTEGER AS people
FROM pairs p
JOIN thresholds t ON p.commits >= t.min_commits
GROUP BY ALL
HAVING t.min_commits = 1 OR count(*) >= 3
ORDER BY p.quarter, min_commits, p.category_a, p.category_b
