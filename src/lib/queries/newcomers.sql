-- newcomers: newcomer shares and projects new to the tracked set of one scope ($2 =
-- 'all' | 'category', $3 its id) in quarter $1 and the quarter before it.
--
-- Why both quarters: a "change" phrase of a share reads in points from the value
-- before. Repositories have no row (their newcomers are top_projects' new_contributors).
SELECT n.*
FROM scope_newcomers n
JOIN quarters cur ON cur.quarter = $1
WHERE n.scope_type = $2
  AND n.scope_id = $3
  AND (n.seq = cur.seq OR n.seq = cur.seq - 1)
ORDER BY n.seq
