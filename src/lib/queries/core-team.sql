-- core-team: core team sizes and steady contributors of one scope ($2 = 'all' |
-- 'category' | 'repo', $3 its id) in quarter $1 and the quarter before it, for figures
-- quoted in prose and their change.
--
-- Why both quarters: a "change" phrase needs the value before. Sizes of 1 or 2 are
-- empty (NULL) in the published table: callers say "fewer than 3", never a number.
SELECT c.*
FROM core_team c
JOIN quarters cur ON cur.quarter = $1
WHERE c.scope_type = $2
  AND c.scope_id = $3
  AND (c.seq = cur.seq OR c.seq = cur.seq - 1)
ORDER BY c.seq
