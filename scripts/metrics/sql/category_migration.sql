-- category_migration: for people active in both Q-1 and Q, how many had primary
-- category from_category in Q-1 and to_category in Q (reported under Q). Stayers
-- (from = to) are included so totals and net flows (M[X][Y] - M[Y][X]) can be read.
--
-- Why:
-- * Primary category = the category with the largest commit credit (sum of 1/n weights)
--   that quarter; ties go to the category listed first (categories.sort_order), then
--   to the smaller id, so the result never depends on row order.
-- * Credits are rounded to 1e-9 before comparing so float noise cannot break a tie.
-- * People active in only one of the two quarters are entering or leaving, not
--   migrating; scope_quarters counts them as new/reactivated/churned.
-- * Bogus dates have quarter NULL; they are left out of every figure.
WITH person_category AS (
  SELECT cc.person_id, q.seq, q.quarter, cc.category_id, credit_nanos(cc.weight) AS credit
  FROM commit_credits cc
  JOIN quarters q USING (quarter)
  WHERE cc.quarter IS NOT NULL
  GROUP BY ALL
),
primary_category AS (
  SELECT pc.person_id, pc.seq, pc.quarter, pc.category_id
  FROM person_category pc
  LEFT JOIN categories c USING (category_id)
  QUALIFY row_number() OVER (
    PARTITION BY pc.person_id, pc.seq
    ORDER BY pc.credit DESC, c.sort_order NULLS LAST, pc.category_id
  ) = 1
)
SELECT cur.quarter, prev.category_id AS from_category, cur.category_id AS to_category,
  count(*)::INTEGER AS people
FROM primary_category prev
JOIN primary_category cur ON cur.person_id = prev.person_id AND cur.seq = prev.seq + 1
GROUP BY ALL
ORDER BY cur.quarter, from_category, to_category
