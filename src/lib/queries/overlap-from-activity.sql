-- overlap-from-activity: category overlap in quarter $1 recomputed from the
-- pseudonymous activity table, counting a person in a category only with at least $2
-- commits there. With $2 = 1 it equals overlap-matrix (tested), so the browser can
-- raise the threshold and redraw the same chart.
--
-- Why per category and not per repo: a person with one commit in each of two repos of
-- the same category is one active person in that category.
WITH person_category AS (
  SELECT person, category_id
  FROM activity
  WHERE quarter = $1
  GROUP BY person, category_id
  HAVING sum(commits) >= $2
)
SELECT a.category_id AS category_a, b.category_id AS category_b, count(*)::INTEGER AS people
FROM person_category a
JOIN person_category b ON a.person = b.person AND a.category_id < b.category_id
GROUP BY a.category_id, b.category_id
ORDER BY people DESC, category_a, category_b
