-- commit-sizes: each repository's commits, lines and largest commit in quarter $1 and
-- the quarter before, for the artefact guard: a figure that moved because one commit
-- of one repository was enormous is an artefact, not a trend.
SELECT c.repo, c.quarter, c.commits, c.lines, c.largest_commit_lines
FROM commit_sizes c
JOIN quarters q ON q.quarter = c.quarter
JOIN quarters cur ON cur.quarter = $1
WHERE q.seq = cur.seq OR q.seq = cur.seq - 1
ORDER BY c.repo, c.quarter
