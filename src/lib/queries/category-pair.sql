-- category-pair: what the talent chord shows between categories $2 and $3 in quarter
-- $1, for figures quoted in prose: people active in both (overlap), people whose
-- primary category moved $2 → $3 from the quarter before (moved), and $3 → $2
-- (moved_back), so a net flow is moved − moved_back.
--
-- Why:
-- * Exactly one row, zeros included: both tables list only pairs with people, so a
--   pair missing from them had nobody. Callers check the two categories exist first.
--   One row cannot come back in another order, so there is no ORDER BY to get wrong.
-- * category_overlap stores each pair once (category_a < category_b); both orders are
--   matched here rather than sorting the ids, so the caller's order does not matter
--   and no collation question arises between engines.
-- * The parameters are named once in a CTE, so each lookup reads them by name.
WITH pair AS (
  SELECT $1 AS quarter, $2 AS category_a, $3 AS category_b
)
SELECT
  p.quarter,
  p.category_a,
  p.category_b,
  (SELECT coalesce(sum(o.people), 0) FROM category_overlap o
   WHERE o.quarter = p.quarter
     AND ((o.category_a = p.category_a AND o.category_b = p.category_b)
       OR (o.category_a = p.category_b AND o.category_b = p.category_a)))::INTEGER AS overlap,
  (SELECT coalesce(sum(m.people), 0) FROM category_migration m
   WHERE m.quarter = p.quarter AND m.from_category = p.category_a AND m.to_category = p.category_b)::INTEGER AS moved,
  (SELECT coalesce(sum(m.people), 0) FROM category_migration m
   WHERE m.quarter = p.quarter AND m.from_category = p.category_b AND m.to_category = p.category_a)::INTEGER AS moved_back
FROM pair p
