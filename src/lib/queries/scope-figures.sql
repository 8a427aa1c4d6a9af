-- scope-figures: every figure of every scope of one type ($2 = 'category' | 'repo') in
-- quarter $1, for claims that compare a figure across them (a rank, an "only").
--
-- Why one query and not one metric query per scope: a rank among projects compares
-- hundreds of repositories. A scope with no row had no activity in the quarter; callers
-- say so rather than rank a missing value.
SELECT s.*
FROM scope_quarters s
JOIN quarters cur ON cur.quarter = $1 AND s.seq = cur.seq
WHERE s.scope_type = $2
ORDER BY s.scope_id
