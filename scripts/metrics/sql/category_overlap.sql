-- category_overlap: people active (at least one commit credit) in both of two
-- categories in the same quarter. Each pair appears once, category_a < category_b
-- (by id); pairs with nobody in common have no row.
--
-- Why: bogus dates have quarter NULL; they are left out of every figure. People come
-- from commit_credits, so bots, agents, merges and bot commits never count.
WITH person_category AS (
  SELECT DISTINCT person_id, quarter, category_id
  FROM commit_credits
  WHERE quarter IS NOT NULL
)
SELECT a.quarter, a.category_id AS category_a, b.category_id AS category_b,
  count(*)::INTEGER AS people
FROM person_category a
JOIN person_category b
  ON a.person_id = b.person_id AND a.quarter = b.quarter AND a.category_id < b.category_id
GROUP BY ALL
ORDER BY a.quarter, category_a, category_b
