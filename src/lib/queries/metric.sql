-- metric: every figure of one scope ($2 = 'all' | 'category' | 'repo', $3 its id) for
-- quarter $1 and the quarter before it, for figures quoted in prose and their change.
--
-- Why both quarters: a "change" phrase (up 4.1 points) needs the previous value of
-- ratios, which scope_quarters does not carry. No row for $1 means the scope had no
-- activity yet (or is unknown): callers report that rather than print 0.
SELECT s.*
FROM scope_quarters s
JOIN quarters cur ON cur.quarter = $1
WHERE s.scope_type = $2
  AND s.scope_id = $3
  AND (s.seq = cur.seq OR s.seq = cur.seq - 1)
ORDER BY s.seq
